import type { ChatSessionEnv } from "./chat-session.env.js";

/**
 * Local-only fault switches for `npm run load -- --faults`: inert unless ENVIRONMENT is "local"
 * and the variable is set, and never set in a deployed environment.
 *
 * FAULT_EVICT_RATE: this fraction (0–1) of money effects evicts the ChatSession right before or
 * right after the ledger call — between the customer's "yes" and the commit, or between the commit
 * and the saved outcome — as a crash or a deploy would. `ctx.abort()` resets the object at once:
 * the request in flight fails and the next one (or the alarm set before the call) finds only
 * what storage kept.
 */
export function maybeEvict(env: ChatSessionEnv, ctx: DurableObjectState, where: "before the ledger call" | "after the ledger call"): void {
  if (env.ENVIRONMENT !== "local") return;
  const rate = Number(env.FAULT_EVICT_RATE ?? 0);
  if (rate > 0 && Math.random() < rate) ctx.abort(`injected eviction ${where} (FAULT_EVICT_RATE)`);
}

/**
 * The outbox's queue send under the local switches: FAULT_QUEUE_SEND_FAIL_RATE makes this fraction
 * of sends fail (the queue refuses); FAULT_QUEUE_SEND_DROP_RATE makes this fraction resolve
 * without sending, as a kill -9 of the local runtime loses what its in-memory queue had accepted;
 * FAULT_QUEUE_SEND_HANG_RATE makes this fraction never settle (a send nobody answers).
 */
export function queueSendFault(env: ChatSessionEnv): "fail" | "drop" | "hang" | undefined {
  if (env.ENVIRONMENT !== "local") return undefined;
  if (Math.random() < Number(env.FAULT_QUEUE_SEND_FAIL_RATE ?? 0)) return "fail";
  if (Math.random() < Number(env.FAULT_QUEUE_SEND_DROP_RATE ?? 0)) return "drop";
  if (Math.random() < Number(env.FAULT_QUEUE_SEND_HANG_RATE ?? 0)) return "hang";
  return undefined;
}

/**
 * FAULT_ALARM_STEP_FAIL_RATE: this fraction of alarm runs throws in the steps before the outbox
 * (the hand-off expiry, the unfinished money movement), as a Postgres error there would.
 */
export function alarmStepFault(env: ChatSessionEnv): void {
  if (env.ENVIRONMENT !== "local") return;
  const rate = Number(env.FAULT_ALARM_STEP_FAIL_RATE ?? 0);
  if (rate > 0 && Math.random() < rate) throw new Error("injected alarm step failure (FAULT_ALARM_STEP_FAIL_RATE)");
}

/** Where a turn's Postgres hangs (FAULT_DB_HANG_AT), and for how long (FAULT_DB_HANG_MS; Infinity: for ever). */
export interface DbHang {
  at: "start" | "after-ledger";
  ms: number;
}

/**
 * FAULT_DB_HANG_RATE: this fraction of turns finds Postgres hanging, as a Neon or WebSocket proxy
 * that stalls: the turn's Postgres calls never answer. FAULT_DB_HANG_AT says from where: "start"
 * (the default: the first call) or "after-ledger" (the ledger call committed, and what comes after
 * stalls, the turn's save included, as an answer lost on its way back). FAULT_DB_HANG_MS: the
 * stall ends after this long (default: never), so a test sees what the abandoned turn does next.
 * Decided once per turn; the turn deadline (turn-deadline.ts) answers the customer first.
 */
export function dbHangFault(env: ChatSessionEnv): DbHang | undefined {
  if (env.ENVIRONMENT !== "local") return undefined;
  const rate = Number(env.FAULT_DB_HANG_RATE ?? 0);
  if (!(rate > 0 && Math.random() < rate)) return undefined;
  const ms = Number(env.FAULT_DB_HANG_MS);
  return { at: env.FAULT_DB_HANG_AT === "after-ledger" ? "after-ledger" : "start", ms: ms > 0 ? ms : Infinity };
}

/** A hung call: settles after `ms`, or never. */
export function stall(ms: number): Promise<void> {
  return new Promise((resolve) => {
    if (Number.isFinite(ms)) setTimeout(resolve, ms);
  });
}

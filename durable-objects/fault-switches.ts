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

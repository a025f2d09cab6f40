import pg from "pg";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import * as schema from "../../packages/db/schema/index.js";
import { createTestCustomer } from "../db/fixtures.js";
import type { Db } from "../../packages/db/client.js";
import { repoRoot, startLocalStack } from "../local-stack.js";
import { onFreePort } from "../../test/support/free-port.js";
import { HttpChannel, SocketChannel, devLogins, type ChatChannel } from "./clients.js";
import { newMessageId, noteReply, runSession, turn, type MixContext, type LoadRecord } from "./mix.js";
import { checkInvariants, moneyOf, storedCount, type Check } from "./invariants.js";
import { describeStuck, outboxContents, outboxLeftovers, overdueOutboxes, pendingOutboxEvents, stuckOutboxes } from "./outboxes.js";
import { LoadStats, MAX_FAILURE_SAMPLES, MONEY_KINDS, READ_KINDS, failureRows, latencyRows, p99Of } from "./stats.js";

/**
 * `npm run load [-- --quick] [--faults] [--db-hang-rate R] [--customers N] [--concurrency C] [--seconds T] [--ws F] [--think MIN-MAX] [--workers-output | --workers-log FILE]`:
 * many customers at once against the local stack (wrangler dev with both Workers, Postgres at
 * DATABASE_URL or the embedded one), over HTTP and WebSocket, then the invariants table; exits
 * non-zero if any invariant fails (or, without faults, if any answer was a server error).
 *
 * --faults injects, during the run: failing outbox queue sends (30%), queue sends that resolve
 * but send nothing (5%, as the kill loses the local queue's memory), evictions of ChatSessions
 * right before and after the ledger call (10% of money effects), Postgres unreachable for 4 s
 * (the local proxy cuts every session), a kill -9 and restart of the Workers process, and client
 * retries with the same message id. All switches exist only locally. Nothing lost is excused:
 * the outbox resends what it sent and Postgres does not hold (durable-objects/chat-session.outbox.ts).
 *
 * --db-hang-rate R: this fraction of turns finds Postgres hanging (FAULT_DB_HANG_RATE) for twice
 * the turn deadline (--turn-deadline MS, 2 s here; 20 s deployed): those turns answer 504 `timeout`
 * (an error frame on the socket) and the client resends the same id, as after any 5xx; the
 * invariants must hold (durable-objects/turn-deadline.ts). `--db-hang-at after-ledger` stalls after
 * the ledger call instead of at the turn's first Postgres call.
 */
const args = process.argv.slice(2);
const quick = args.includes("--quick");
const faults = args.includes("--faults");
const dbHangRate = args.includes("--db-hang-rate") ? Number(args[args.indexOf("--db-hang-rate") + 1]) : 0;
const opt = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const CUSTOMERS = opt("customers", quick ? 200 : 2000);
const CONCURRENCY = opt("concurrency", quick ? 20 : 200);
const SECONDS = opt("seconds", quick ? 15 : 60);
/** Fraction of clients that chat over the WebSocket (the rest over HTTP). */
const SOCKET_SHARE = opt("ws", 0.3);
/**
 * Think time before each message, as a person reads and types: 3–10 s by default (chat
 * customers are slower still), so 200 customers offer ~30 turns/s. `--think 0` never pauses:
 * every client sends as soon as it is answered, which finds the stack's ceiling (--quick does
 * that at 20 clients).
 */
const THINK_MS = thinkRange(args.includes("--think") ? args[args.indexOf("--think") + 1]! : quick ? "0" : "3000-10000");
/**
 * The drain's budget. An outbox keeps each sent event until a confirm (--confirm-after ms after the
 * send, 5 s here, 30 s in deployments) finds it in Postgres; one lost in the queue is resent then
 * and confirmed after the same delay again (doubling per resend), and a confirm that cannot reach
 * Postgres asks again one to two delays later. With 30 s delays the last events left their
 * outboxes 1–3 minutes after a faults run on a busy machine; the budget keeps that margin.
 */
const DRAIN_SECONDS = 240;
const RUN = `load${Date.now().toString(36)}`;
const workersLogFile = args.includes("--workers-log") ? args[args.indexOf("--workers-log") + 1] : undefined;
/** Where this run's lines begin in the Workers' log (CI's file is new per run; a reused one is appended to). */
const workersLogStart = workersLogFile && existsSync(workersLogFile) ? statSync(workersLogFile).size : 0;
const workersLog = workersLogFile !== undefined ? openLog(workersLogFile) : undefined;

const t0 = Date.now();
const stack = await onFreePort((port) => startLocalStack({
  port,
  stateDir: "memory",
  databaseUrl: process.env.DATABASE_URL || undefined,
  buildWeb: !existsSync(path.join(repoRoot, "web/dist/index.html")),
  log: () => {},
  // --workers-output: the Workers' logs (wrangler dev) on this process's output; --workers-log FILE:
  // in that file (CI prints its tail when an invariant fails), across the --faults restart too.
  wranglerOutput: workersLog ?? (args.includes("--workers-output") ? "inherit" : "ignore"),
  // In a file, everything the Workers log (their console.log lines too): read only when a check fails.
  ...(workersLog !== undefined ? { wranglerLogLevel: "log" as const } : {}),
  rateLimitScale: 10_000,
  chatVars: {
    // The outbox's confirm (30 s after a send in deployments) runs the same way, sooner, so the
    // drain after the faults takes seconds rather than minutes.
    OUTBOX_CONFIRM_AFTER_MS: String(opt("confirm-after", 5_000)),
    ...(faults
      ? {
          FAULT_QUEUE_SEND_FAIL_RATE: String(opt("queue-fail-rate", 0.3)),
          FAULT_QUEUE_SEND_DROP_RATE: String(opt("queue-drop-rate", 0.05)),
          FAULT_EVICT_RATE: String(opt("evict-rate", 0.1)),
        }
      : {}),
    ...(dbHangRate > 0
      ? {
          TURN_DEADLINE_MS: String(opt("turn-deadline", 2_000)),
          FAULT_DB_HANG_RATE: String(dbHangRate),
          FAULT_DB_HANG_MS: String(2 * opt("turn-deadline", 2_000)),
          FAULT_DB_HANG_AT: args.includes("--db-hang-at") ? args[args.indexOf("--db-hang-at") + 1]! : "start",
        }
      : {}),
  },
}));
const client = new pg.Client({ connectionString: stack.databaseUrl });
const seedPool = new pg.Pool({ connectionString: stack.databaseUrl, max: 8 });
let failed = false;
try {
  await client.connect();
  const db = drizzle(seedPool, { schema }) as unknown as Db;
  const ids: string[] = [];
  for (let i = 0; i < CUSTOMERS; i += 50) {
    const batch = Array.from({ length: Math.min(50, CUSTOMERS - i) }, (_, j) => `cus_${RUN}_${i + j}`);
    await Promise.all(batch.map((id) => createTestCustomer(db, id, { checking: 5_000_00, savings: 5_000_00 })));
    ids.push(...batch);
  }
  console.log(`stack up and ${CUSTOMERS} customers seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s (${stack.databaseKind} Postgres; Durable Object storage in ${stack.persistDir}, TELLER_THROWAWAY_DIR moves it)`);
  const before = await moneyOf(client, ids);

  const token = await devLogins(stack.url, ids);
  const stats = new LoadStats();
  const record: LoadRecord = { acked: new Map(), yes: [], replies: new Map() };
  const channelOf = (customerId: string, socket: boolean): ChatChannel =>
    socket
      ? new SocketChannel(stack.url, () => token(customerId), (reply) => noteReply({ record }, customerId, reply))
      : new HttpChannel(stack.url, () => token(customerId));
  const started = Date.now();
  const deadline = started + SECONDS * 1000;
  const ctx: MixContext = { run: RUN, baseUrl: stack.url, stats, record, token, faults, otherTab: (id) => channelOf(id, false), thinkMs: THINK_MS, deadline };
  /** Each customer asks for their balance once more over HTTP, 20 at a time: their object wakes. */
  const oneMoreMessage = async (customers: string[]) => {
    for (let i = 0; i < customers.length; i += 20) {
      await Promise.all(customers.slice(i, i + 20).map((id) => turn(ctx, "read", id, channelOf(id, false), { id: newMessageId(RUN), text: "what's my balance?" })));
    }
  };

  const verbose = args.includes("--verbose");
  const ticker = verbose
    ? setInterval(async () => {
        const acked = [...record.acked.values()].reduce((s, v) => s + v.size, 0);
        const stored = await storedCount(client, ids, RUN).catch(() => -1);
        const outbox = pendingOutboxEvents(stack.persistDir);
        console.error(`[${((Date.now() - started) / 1000).toFixed(0)} s] acked ${acked} stored ${stored} outboxes ${JSON.stringify(outbox)} proxy ${JSON.stringify(stack.dbStats())}`);
      }, 2_000)
    : undefined;
  const faultLog: string[] = [];
  const injected = faults ? injectFaults(started, faultLog, ids, record) : Promise.resolve();
  let sessions = 0;
  const channels: ChatChannel[] = [];
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, c) => {
      // Each client owns a disjoint slice of customers, so a customer's turns stay in order.
      const mine = ids.filter((_, i) => i % CONCURRENCY === c);
      const socket = c < Math.round(CONCURRENCY * SOCKET_SHARE);
      const tabs = new Map<string, ChatChannel>();
      for (let i = 0; Date.now() < deadline; i++) {
        const customerId = mine[i % mine.length]!;
        let tab = tabs.get(customerId);
        if (!tab) tabs.set(customerId, (tab = channelOf(customerId, socket))), channels.push(tab);
        await runSession(ctx, customerId, tab).catch(() => stats.record("read", "harness_error", 0, false));
        sessions++;
      }
    }),
  );
  await injected;
  const elapsed = (Date.now() - started) / 1000;
  for (const channel of channels) channel.close();

  // Confirmed transfers whose outcome the customer has not seen yet: one more turn each delivers
  // what the alarm finished meanwhile (or finishes the execution itself).
  ctx.thinkMs = [0, 0];
  const drainStarted = Date.now();
  await new Promise((resolve) => setTimeout(resolve, 6_000));
  const { rows: postedRows } = await client.query(`SELECT customer_id, idempotency_key FROM transfers WHERE customer_id = ANY($1)`, [ids]);
  const posted = new Set(postedRows.map((r) => `${r.customer_id}\n${r.idempotency_key}`));
  const open = [...new Set(record.yes.filter((y) => y.acked && !posted.has(`${y.customerId}\ntransfer:${y.confirmationId}`)).map((y) => y.customerId))];
  await oneMoreMessage(open);

  // Drain: every acknowledged message must reach chat_events through the outbox and the queue,
  // and every outbox must empty (its sent events confirmed in Postgres). (By id: a message the
  // server stored but whose answer the client never got counts for nothing.)
  // After the kill -9, the local runtime may not run an object's alarm again until the object is
  // next addressed (Cloudflare's alarms are durable). Each customer whose object is overdue (events
  // unsent, or a confirmation due, for more than 15 s) says one more thing, as they would, at most
  // every 30 s; how many is reported.
  // The outboxes are read (sqlite3 over every object's file) only every 10 s: that costs the
  // machine, and the local proxy to Postgres shares this process.
  const woken = new Map<string, number>();
  let readAt = 0;
  for (const until = Date.now() + DRAIN_SECONDS * 1000; Date.now() < until; await new Promise((r) => setTimeout(r, 2000))) {
    const pending = await unstored(ids, record);
    if (pending.size > 0 && Date.now() - readAt < 10_000) continue;
    readAt = Date.now();
    if (pending.size === 0 && (pendingOutboxEvents(stack.persistDir)?.events ?? 0) === 0) break;
    if (!faults) continue;
    const seeded = new Set(ids);
    const overdue = [...((await overdueOutboxes(stack.persistDir, Date.now(), 15_000)) ?? [])].filter((id) => seeded.has(id) && Date.now() - (woken.get(id) ?? 0) > 30_000);
    for (const id of overdue) woken.set(id, Date.now());
    await oneMoreMessage(overdue);
  }
  if (woken.size > 0) faultLog.push(`${woken.size} objects whose alarm was overdue after the restart were woken by one more message each`);
  const drained = (Date.now() - drainStarted) / 1000;
  clearInterval(ticker);
  const checks: Check[] = await checkInvariants(client, { ids, run: RUN, before, record });
  // Outboxes: every ChatSession's queue of events is empty once drained (the audit outboxes too).
  let outbox = pendingOutboxEvents(stack.persistDir);
  // Up to one more confirm cycle (30 s) for events a last wake-up added.
  for (const until = Date.now() + 40_000; outbox && outbox.events > 0 && Date.now() < until; outbox = pendingOutboxEvents(stack.persistDir)) {
    await new Promise((r) => setTimeout(r, 2_000));
  }
  checks.push(
    outbox
      ? {
          name: "events left in ChatSession outboxes",
          ok: outbox.events === 0,
          detail: `${outbox.events} in ${outbox.withEvents} of ${outbox.objects} objects${outbox.events > 0 ? ` (${(await outboxLeftovers(stack.persistDir, Date.now())).join("; ")})` : ""}`,
        }
      : { name: "events left in ChatSession outboxes", ok: true, detail: "not checked: no sqlite3 command" },
  );
  // Slow or stuck: each object still holding events, with its alarm as it holds it and as the runtime schedules it.
  const stuck = outbox && outbox.events > 0 ? await stuckOutboxes(stack.persistDir) : [];
  // Hung turns answer 504 and are resent; their answers "can't reach your accounts" are expected too.
  if (!faults && dbHangRate === 0) {
    const errors = stats.serverErrors();
    checks.push({ name: "server errors without faults (5xx, dropped)", ok: errors === 0, detail: `${errors}` });
    // Not Teller's: the local proxy's made-up 503 (stats.ts), listed above with the server errors.
    const proxied = stats.localProxyErrors();
    checks.push({ name: "503s made up by wrangler dev's proxy (local only)", ok: true, detail: `${proxied}${proxied > 0 ? " (workers-sdk#14641: its forward failed on a pooled connection both ends closed after 5 s idle; the client resent the same id)" : ""}` });
    checks.push({ name: "answers without data (\"can't reach your accounts\")", ok: stats.degraded === 0, detail: `${stats.degraded}` });
  }

  console.log(
    `\nload${faults ? " with faults" : ""}${dbHangRate > 0 ? `, Postgres hanging in ${dbHangRate * 100}% of turns` : ""}: ${CUSTOMERS} customers, ${CONCURRENCY} concurrent (${Math.round(CONCURRENCY * SOCKET_SHARE)} over WebSocket), ` +
      `think ${THINK_MS[1] > 0 ? `${THINK_MS[0] / 1000}–${THINK_MS[1] / 1000} s` : "none"}, ${elapsed.toFixed(0)} s, ${sessions} sessions, ${stats.turns()} turns answered, drain ${drained.toFixed(0)} s, total ${((Date.now() - t0) / 1000).toFixed(0)} s`,
  );
  console.log(`turns/s: ${(stats.turns() / elapsed).toFixed(1)} average, ${stats.peakTurnsPerSecond(5).toFixed(1)} peak sustained (best 5 s)`);
  if (faultLog.length) console.log(`faults: ${faultLog.join("; ")}`);
  console.log(`answers by status: ${[...stats.statuses].sort().map(([s, n]) => `${s} ${n}`).join(", ")}; client retries with the same id: ${stats.retries}; answers without data: ${stats.degraded}`);
  if (stats.failures.length > 0) console.log(`server errors and failed connections${stats.failures.length === MAX_FAILURE_SAMPLES ? ` (the first ${MAX_FAILURE_SAMPLES})` : ""}, with who answered:\n${failureRows(stats).join("\n")}`);
  if (workersLogFile) console.log(reloadsIn(workersLogFile, workersLogStart));
  console.log(`\n${latencyRows(stats).join("\n")}`);
  console.log(`p99 read turns ${p99Of(stats, READ_KINDS).toFixed(0)} ms (target ≤ 300), money turns ${p99Of(stats, MONEY_KINDS).toFixed(0)} ms (target ≤ 500)`);
  console.log("\ninvariant                                        result");
  for (const check of checks) {
    console.log(`${check.name.padEnd(48)} ${check.ok ? "ok  " : "FAIL"} ${check.detail}`);
    if (!check.ok) failed = true;
  }
  if (stuck.length > 0) {
    const now = Date.now();
    console.log(`\nobjects still holding events (${stuck.length}${stuck.length === 20 ? " or more" : ""}):`);
    for (const row of stuck) console.log(`  ${describeStuck(row, now)}`);
  }
  console.log(`\nload average (1, 5, 15 min) at the end: ${loadavg().map((l) => l.toFixed(2)).join(" ")} on ${cpus().length} cores`);
} finally {
  await client.end().catch(() => {});
  await seedPool.end().catch(() => {});
  await stack.stop();
  if (workersLog !== undefined) closeSync(workersLog);
}
process.exit(failed ? 1 : 0);

/** The Workers' log file, appended to (its folder made). */
function openLog(file: string | undefined): number {
  if (!file || file.startsWith("--")) throw new Error("--workers-log: expected a file name");
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  return openSync(file, "a");
}

/**
 * How often wrangler dev reloaded the Workers during the run, from its log ("Reloading local
 * server", on a change to a file it watches: a bundled source, a config, web/dist). Its proxy
 * answers 503 "Your worker restarted mid-request" to a POST in flight during one, and the
 * Workers log no line for it. The --faults restart is a new process, not a reload.
 */
function reloadsIn(file: string, from: number): string {
  const text = readFileSync(file).subarray(from).toString("utf8");
  const reloads = text.match(/Reloading local server/g)?.length ?? 0;
  return `wrangler dev reloads of the Workers during the run: ${reloads}${reloads > 0 ? " (its proxy answers 503 to POSTs in flight during one: a file it watches changed)" : ""}`;
}

/** The fault schedule: a Postgres outage at 25% of the run, a Workers restart at 55%. */
async function injectFaults(started: number, log: string[], ids: string[], record: LoadRecord): Promise<void> {
  const at = (fraction: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, started + SECONDS * 1000 * fraction - Date.now())));
  await at(0.25);
  await stack.dbOutage(4_000);
  log.push(`Postgres unreachable for 4 s at ${((Date.now() - started) / 1000).toFixed(0)} s`);
  await at(0.55);
  // The local queue (Miniflare) keeps accepted messages in memory, so a kill loses them, where
  // Cloudflare Queues keep them. Their events are still in the ChatSession outboxes (Durable
  // Object storage survives), marked sent: the confirm finds them missing and resends them. What
  // was in flight is counted for information; no loss is excused.
  let pending = new Set<string>();
  let surviving: Awaited<ReturnType<typeof outboxContents>>;
  const restartAt = Date.now();
  await stack.restartWorkers(async () => {
    surviving = await outboxContents(stack.persistDir);
    // An answer received just before the kill is recorded a moment later: let the clients note it.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    pending = await unstored(ids, record);
  });
  const sent = [...pending].filter((key) => surviving?.sentMessages.has(key)).length;
  const unsent = [...pending].filter((key) => surviving?.messages.has(key) && !surviving.sentMessages.has(key)).length;
  log.push(
    `Workers process killed (kill -9) at ${((restartAt - started) / 1000).toFixed(0)} s with ${pending.size} acknowledged messages not yet stored ` +
      (surviving
        ? `(${sent} sent to the local queue, whose memory the kill lost, ${unsent} not sent yet, ${pending.size - sent - unsent} in neither outbox nor queue)`
        : "(outboxes not read: no sqlite3 command)") +
      `, serving again after ${((Date.now() - restartAt) / 1000).toFixed(1)} s`,
  );
}

/** Acknowledged messages not stored yet, as "customerId\nmessageId". */
async function unstored(ids: string[], record: LoadRecord): Promise<Set<string>> {
  const { rows } = await client.query(`SELECT customer_id, message_id FROM chat_events WHERE type = 'message.received' AND customer_id = ANY($1) AND message_id LIKE $2`, [ids, `${RUN}-%`]);
  const stored = new Set(rows.map((r) => `${r.customer_id}\n${r.message_id}`));
  const pending = new Set<string>();
  for (const [customerId, messages] of record.acked) for (const id of messages) if (!stored.has(`${customerId}\n${id}`)) pending.add(`${customerId}\n${id}`);
  return pending;
}

/** "3000-10000" → [3000, 10000]; "0" → [0, 0]. */
function thinkRange(value: string): [number, number] {
  const [min, max = min] = value.split("-").map(Number) as [number, number?];
  if (!Number.isFinite(min) || !Number.isFinite(max) || min < 0 || max < min) throw new Error(`--think: expected ms or min-max ms, got ${value}`);
  return [min, max];
}

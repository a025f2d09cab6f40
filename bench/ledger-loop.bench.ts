/**
 * A transfer's CPU inside Postgres, A/B between two schemas: one backend calls
 * `teller_transfer_commit` in plpgsql `DO` loops (no client, no network, no other session), and
 * the CPU that backend used is read from /proc/<pid>/schedstat before and after each loop. Robust to
 * the machine's load in a way `bench:ledger` is not: it counts CPU, not time, of one process.
 *
 *   npm run bench:ledger-loop -- <migrations A> <migrations B>
 *   e.g. git archive main migrations | tar -x -C /tmp/main && npm run bench:ledger-loop -- /tmp/main/migrations migrations
 *
 * For each schema, one template database is migrated and seeded once (LOOP_CUSTOMERS customers
 * with a funded checking and savings account, and LOOP_FILLER other customers with accounts, a
 * payee and a history each, so that key checks and lookups plan as on a real bank's tables: see
 * bench/ledger-filler.ts for why empty transfer tables are not measured).
 * Each round clones a fresh database from each template (CREATE DATABASE … TEMPLATE), warms a
 * session on each up (LOOP_WARMUP calls, untimed: plans, the plpgsql compile), then times
 * LOOP_CALLS calls on each side in chunks of LOOP_CHUNK, A B then B A chunk by chunk: both sides
 * meet the same moments of the machine's load, which moves CPU per call by 10–25% from one
 * minute to the next here. The transfers rotate through the customers and alternate direction, 1 cent each (every
 * LOOP_PAYEE_EVERY-th to the customer's payee): the same work on both sides.
 *
 * Prints µs of backend CPU per transfer for every run, the medians, and how many rounds B used
 * less than A. LOOP_PERF=<file prefix> records `perf record -g` of each side's backend during the
 * first round (`perf report -i <prefix>-a.data`); LOOP_VERBOSE=1 prints every chunk; LOOP_KEEP=1
 * leaves the two templates for experiments by hand. Server: BENCH_DATABASE_URL (the test server by default);
 * it must run on this machine (the CPU comes from /proc). Asserts nothing.
 *
 * What it leaves out: the second, flushed commit of a CALL from a client (in the loop the next
 * call's transaction carries it, asynchronously), the WAL writer's and other processes' CPU, and
 * the protocol work of a client round trip. bench:ledger measures those, with the machine's noise.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import pg from "pg";
import { migrateDatabase } from "../scripts/db/migrate.js";
import { withDatabase } from "../test/support/test-database.js";
import { insertFiller } from "./ledger-filler.js";

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const CALLS = Number(process.env.LOOP_CALLS ?? 2000);
const WARMUP = Number(process.env.LOOP_WARMUP ?? 200);
const ROUNDS = Number(process.env.LOOP_ROUNDS ?? 6);
const CUSTOMERS = Number(process.env.LOOP_CUSTOMERS ?? 8);
const FILLER = Number(process.env.LOOP_FILLER ?? 20_000);
const CHUNK = Number(process.env.LOOP_CHUNK ?? 250);
const PERF = process.env.LOOP_PERF;
const VERBOSE = process.env.LOOP_VERBOSE === "1";
/** Every n-th transfer goes to the customer's payee instead of their other account (0: never). */
const PAYEE_EVERY = Number(process.env.LOOP_PAYEE_EVERY ?? 0);

interface Side {
  name: "A" | "B";
  migrations: string;
  template: string;
  runs: number[];
}

async function main(): Promise<void> {
  const [dirA, dirB] = process.argv.slice(2);
  if (!dirA || !dirB) {
    console.error("usage: npm run bench:ledger-loop -- <migrations dir A> <migrations dir B>");
    process.exit(2);
  }
  const tag = `ledger_loop_${process.pid}`;
  const sides: Side[] = [
    { name: "A", migrations: path.resolve(dirA), template: `${tag}_a`, runs: [] },
    { name: "B", migrations: path.resolve(dirB), template: `${tag}_b`, runs: [] },
  ];
  for (const side of sides) {
    if (!existsSync(path.join(side.migrations, "meta/_journal.json"))) throw new Error(`${side.migrations}: not a migrations folder`);
  }
  console.log(
    `ledger loop: ${CALLS} calls per side and round after ${WARMUP} untimed, in chunks of ${CHUNK} alternating A B / B A, ${ROUNDS} rounds, ${CUSTOMERS} customers + ${FILLER} filler, payee every ${PAYEE_EVERY || "never"}; load average ${loads()}`,
  );
  for (const side of sides) console.log(`  ${side.name}: ${side.migrations}`);
  try {
    for (const side of sides) await buildTemplate(side);
    for (let r = 0; r < ROUNDS; r++) {
      const order = r % 2 === 0 ? sides : [...sides].reverse();
      const us = await round(order, tag, r === 0 ? PERF : undefined);
      order.forEach((side, i) => side.runs.push(us[i]!));
      const [a, b] = sides.map((s) => s.runs[r]!);
      console.log(`round ${r + 1} (${order.map((s) => s.name).join(" ")}): A ${a!.toFixed(0)} µs, B ${b!.toFixed(0)} µs per transfer (${pct(b!, a!)}), load ${loads()}`);
    }
  } finally {
    // LOOP_KEEP=1 leaves the templates for experiments by hand (drop them when done).
    if (process.env.LOOP_KEEP !== "1") for (const side of sides) await admin(`DROP DATABASE IF EXISTS ${side.template} WITH (FORCE)`).catch(() => {});
    for (const side of sides) await admin(`DROP DATABASE IF EXISTS ${tag}_run_${side.name.toLowerCase()} WITH (FORCE)`).catch(() => {});
  }
  const [a, b] = sides;
  const lower = a!.runs.filter((_, i) => b!.runs[i]! < a!.runs[i]!).length;
  console.log(`median backend CPU per transfer: A ${median(a!.runs).toFixed(0)} µs, B ${median(b!.runs).toFixed(0)} µs (${pct(median(b!.runs), median(a!.runs))}); B lower in ${lower} of ${ROUNDS} rounds`);
  console.log(`A runs: ${a!.runs.map((x) => x.toFixed(0)).join(" ")}`);
  console.log(`B runs: ${b!.runs.map((x) => x.toFixed(0)).join(" ")}`);
  console.log(`load average at the end: ${loads()}`);
}

/** Migrates a template database with `side`'s migrations and seeds it, then leaves it idle. */
async function buildTemplate(side: Side): Promise<void> {
  await admin(`CREATE DATABASE ${side.template}`);
  const url = withDatabase(SERVER_URL, side.template);
  await migrateDatabase(url, side.migrations);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    await seed(client);
    await client.query("COMMIT");
    await client.query("VACUUM (ANALYZE, FREEZE)");
  } finally {
    await client.end();
  }
}

/**
 * The loop's customers (checking and savings, $1,000,000 each, booked against clearing, and a
 * payee) and the filler (bench/ledger-filler.ts: other customers with a history each).
 */
async function seed(client: pg.Client): Promise<void> {
  if (CUSTOMERS < 1) throw new Error("LOOP_CUSTOMERS must be at least 1");
  // The filler first: statements after it plan their key checks against full tables.
  await insertFiller(client, FILLER);
  const g = `generate_series(0, ${CUSTOMERS - 1}) g`;
  await client.query(`INSERT INTO customers (id, name) SELECT 'cus_loop_' || g, 'Loop ' || g FROM ${g}`);
  await client.query(`INSERT INTO accounts (id, customer_id, type, name, mask, currency, balance)
    SELECT 'acc_loop_' || g || '_' || k, 'cus_loop_' || g, k, k, '1001', 'USD', 100000000 FROM ${g}, (VALUES ('checking'), ('savings')) AS v(k)`);
  await client.query(`INSERT INTO payees (id, customer_id, name, mask, currency) SELECT 'pay_loop_' || g, 'cus_loop_' || g, 'Payee', '1234', 'USD' FROM ${g}`);
  await client.query(`INSERT INTO ledger_transactions (id, kind, description) SELECT 'ltx_seed_' || g, 'external', 'seed' FROM ${g}`);
  await client.query(`INSERT INTO ledger_entries (ledger_transaction_id, account_id, amount, currency)
    SELECT 'ltx_seed_' || g, a, x, 'USD' FROM ${g}, LATERAL (VALUES ('acc_loop_' || g || '_checking', 100000000::bigint),
      ('acc_loop_' || g || '_savings', 100000000::bigint), ('sys_clearing_usd', -200000000::bigint)) AS e(a, x)`);
}

/**
 * One round: a fresh clone of each template, both sessions warmed up, then LOOP_CALLS calls on
 * each side in chunks of LOOP_CHUNK, alternating A B / B A chunk by chunk, so that both sides
 * meet the same moments of the machine's load. Returns µs of backend CPU per call, per side.
 */
async function round(sides: Side[], tag: string, perfPrefix?: string): Promise<number[]> {
  const runs: Array<{ side: Side; database: string; client: pg.Client; pid: number; ns: number; perf?: ChildProcess }> = [];
  try {
    for (const side of sides) {
      const database = `${tag}_run_${side.name.toLowerCase()}`;
      await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin(`CREATE DATABASE ${database} TEMPLATE ${side.template}`);
      const client = new pg.Client({ connectionString: withDatabase(SERVER_URL, database) });
      await client.connect();
      const pid = (await client.query("SELECT pg_backend_pid() AS pid")).rows[0].pid as number;
      runs.push({ side, database, client, pid, ns: 0 });
      await client.query(loop(0, WARMUP));
    }
    if (perfPrefix) for (const run of runs) run.perf = await startPerf(run.pid, `${perfPrefix}-${run.side.name.toLowerCase()}.data`);
    for (let done = 0, k = 0; done < CALLS; done += CHUNK, k++) {
      const count = Math.min(CHUNK, CALLS - done);
      for (const run of k % 2 === 0 ? runs : [...runs].reverse()) {
        const before = cpuNs(run.pid);
        await run.client.query(loop(WARMUP + done, count));
        const ns = cpuNs(run.pid) - before;
        run.ns += ns;
        if (VERBOSE) console.log(`  chunk ${k + 1} ${run.side.name}: ${(ns / 1000 / count).toFixed(0)} µs`);
      }
    }
    for (const run of runs) {
      const moved = (await run.client.query("SELECT count(*)::int AS n FROM transfers WHERE customer_id LIKE 'cus_loop_%'")).rows[0].n as number;
      if (moved !== WARMUP + CALLS) throw new Error(`${run.side.name}: ${moved} transfers written, ${WARMUP + CALLS} expected`);
    }
    return runs.map((run) => run.ns / 1000 / CALLS);
  } finally {
    for (const run of runs) {
      if (run.perf) await stopPerf(run.perf);
      await run.client.end();
      await admin(`DROP DATABASE IF EXISTS ${run.database} WITH (FORCE)`);
    }
  }
}

/**
 * The DO block: calls `from + 1 … from + count`, rotating through the customers and alternating
 * direction; ids of the same shapes (and lengths) as the application's.
 */
function loop(from: number, count: number): string {
  return `DO $loop$
DECLARE
  moved json;
  c text;
  n int;
  forward boolean;
  to_payee boolean;
  body text;
BEGIN
  FOR i IN ${from + 1}..${from + count} LOOP
    n := i % ${CUSTOMERS};
    c := n::text;
    forward := (i / ${CUSTOMERS}) % 2 = 0;
    to_payee := ${PAYEE_EVERY} > 0 AND i % ${PAYEE_EVERY || 1} = 0;
    body := substr(md5(i::text), 1, 20);
    CALL teller_transfer_commit(
      'cus_loop_' || c, 'loop-key-' || i,
      CASE WHEN forward THEN 'acc_loop_' || c || '_checking' ELSE 'acc_loop_' || c || '_savings' END,
      CASE WHEN to_payee THEN NULL WHEN forward THEN 'acc_loop_' || c || '_savings' ELSE 'acc_loop_' || c || '_checking' END,
      CASE WHEN to_payee THEN 'pay_loop_' || c END,
      1, 'USD', NULL, 2500000,
      'trf_' || body, 'ltx_' || body, 'txn_' || body,
      CASE WHEN to_payee THEN NULL ELSE 'txn_' || substr(md5('credit' || i), 1, 20) END,
      moved);
  END LOOP;
END
$loop$`;
}

/** CPU time of a process so far, ns: /proc/<pid>/schedstat, else utime + stime (10 ms ticks). */
function cpuNs(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, "utf8").split(" ")[0]);
  } catch {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10_000_000;
  }
}

async function startPerf(pid: number, file: string): Promise<ChildProcess> {
  const perf = spawn("perf", ["record", "-g", "-q", "-o", file, "-p", String(pid)], { stdio: "ignore" });
  await new Promise((resolve) => setTimeout(resolve, 500));
  return perf;
}

async function stopPerf(perf: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => perf.once("exit", resolve));
  perf.kill("SIGINT");
  await exited;
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((x, y) => x - y);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function pct(b: number, a: number): string {
  const d = (100 * (b - a)) / a;
  return `${d >= 0 ? "+" : ""}${d.toFixed(1)}%`;
}

function loads(): string {
  return loadavg().map((l) => l.toFixed(2)).join(" ");
}

await main();

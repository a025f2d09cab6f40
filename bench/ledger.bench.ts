/**
 * Ledger throughput: transfers per second and p50/p99 latency for 1, 8 and 32 concurrent clients,
 * each on its own connection, through the same domain function the Workers call (drizzle over
 * node-postgres here), next to a bare single-row UPDATE round trip measured in the same run.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:ledger
 *
 * Works in a throwaway database created on that server and dropped afterwards; if no server
 * answers, falls back to the embedded PGlite (one session: concurrency there only queues).
 * Prints numbers; asserts nothing.
 *
 * BENCH_MIGRATIONS=/other/checkout/migrations builds the schema from another checkout's migrations
 * (run it before and after a migration, alternately, to compare them under the same load); a
 * schema from before 0021 gets `booked_transactions` as a view of its `transactions` table.
 * BENCH_FILLER customers (20,000 by default; two accounts, a payee and a short history each, see
 * bench/ledger-filler.ts) sit beside the bench's own, so that no table a transfer touches is a
 * few pages Postgres would rather scan than look up by key: foreign-key checks and lookups then
 * plan as on a real bank's tables, and keep those plans as the tables grow during the run.
 * BENCH_WAL_RANGE=1 prints, after each measurement, the WAL it wrote by record type per call
 * (pg_walinspect, created in the throwaway database; the whole server's WAL, so quiet it first).
 */
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import pg from "pg";
import { drizzle } from "drizzle-orm/node-postgres";
import * as schema from "../packages/db/schema/index.js";
import type { Db } from "../packages/db/client.js";
import { createTestCustomer, type TestCustomer } from "../scripts/db/fixtures.js";
import { transfer } from "../packages/banking/transfer.js";
import { migrateDatabase } from "../scripts/db/migrate.js";
import { startEmbeddedPostgres } from "../scripts/db/embedded-postgres.js";
import { createThrowawayDatabase, throwawayDatabaseName } from "../test/support/test-database.js";
import { insertFiller } from "./ledger-filler.js";
import { calibrateSeries, MATCHED_UPDATE, ownSched, schedOf, spin } from "./ledger-sched.js";

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
// BENCH_CLIENTS=8 (or 1,8): measure only those rows, e.g. to sample one of them from outside.
const CONCURRENCY = (process.env.BENCH_CLIENTS ?? "1,8,32").split(",").map(Number);
// Untimed calls per client before each measurement (BENCH_WARMUP=0: none, as before).
const WARMUP_OPS = Number(process.env.BENCH_WARMUP ?? 3);
const MIGRATIONS = process.env.BENCH_MIGRATIONS;
const FILLER = Number(process.env.BENCH_FILLER ?? 20_000);
// BENCH_WAL_RANGE=1: what each measurement wrote to the WAL, by record type (pg_walinspect, read
// at once: the server recycles the segments within minutes). The whole server's WAL: quiet it first.
const WAL_RANGE = process.env.BENCH_WAL_RANGE === "1";
// BENCH_MATCHED=0.5,1 (fractions; "" or 0: none): after the 8-client row (or the largest row under
// 8), the bare UPDATE made to cost that fraction of the transfer's extra CPU per call, on both sides
// (bench/ledger-sched.ts): is the transfer's p99 the transfer's, or what its CPU costs here?
const MATCHED = (process.env.BENCH_MATCHED ?? "1").split(",").map(Number).filter((f) => f > 0);

interface Sample {
  ops: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  /** CPU of the database's server processes per call (µs), when they run on this machine. */
  backendUs: number;
  /** CPU of this process (the clients: drizzle, pg, the domain function) per call (µs). */
  clientUs: number;
  /** WAL written per call (bytes; the whole server's, so other work on it counts too). */
  walBytes: number;
  /** Time the database's backends spent runnable, waiting for a CPU, per call (µs; schedstat). */
  backendWaitUs: number;
  /** The same for this process's threads (the clients) per call (µs). */
  clientWaitUs: number;
}

async function main() {
  const target = await openTarget();
  console.log(`ledger bench: ${target.kind} Postgres, ${SECONDS}s per measurement after ${WARMUP_OPS} untimed calls per client, Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  console.log(`schema: ${MIGRATIONS ?? "this checkout's migrations"}; ${FILLER} filler customers`);
  const pool = new pg.Pool({ connectionString: target.url, max: Math.max(...CONCURRENCY, 32) });
  // Dropping the throwaway database ends idle connections; that is expected, not a crash.
  pool.on("error", () => {});
  try {
    const db = drizzle(pool, { schema }) as unknown as Db;
    const backendCpu = () => serverProbe(pool);
    const walStats = WAL_RANGE ? await walStatsOf(pool) : undefined;
    await pool.query("CREATE TABLE bench_counter (id int PRIMARY KEY, n bigint NOT NULL)");
    await pool.query("INSERT INTO bench_counter SELECT g, 0 FROM generate_series(0, 63) g");
    // The filler first (bench/ledger-filler.ts): the pool's sessions then plan against full tables.
    await insertFiller(pool, FILLER);
    await pool.query("ANALYZE");
    // One customer per client: transfers of different customers never wait for each other.
    const customers: TestCustomer[] = [];
    for (let i = 0; i < Math.max(...CONCURRENCY); i++) {
      customers.push(await createTestCustomer(db, `cus_bench_${i}`, { checking: 1_000_000_00, savings: 1_000_000_00 }));
    }

    const rows: string[][] = [["clients", "transfers/s", "p50 ms", "p99 ms", "UPDATE/s", "p50 ms", "p99 ms", "p50 ×", "throughput ÷", "transfers ÷ UPDATE", "backend µs: transfer", "UPDATE", "client µs: transfer", "UPDATE", "WAL B: transfer", "UPDATE"]];
    const waits: string[][] = [["clients", "transfer p50 ms", "p99 ms", "backend CPU wait µs", "client CPU wait µs", "UPDATE p50 ms", "p99 ms", "backend CPU wait µs", "client CPU wait µs"]];
    const matched: string[][] = [["clients", "share of the transfer's extra CPU", "backend µs", "client µs", "calls/s", "p50 ms", "p99 ms", "backend CPU wait µs", "client CPU wait µs"]];
    const matchAt = Math.max(...CONCURRENCY.filter((c) => c <= 8));
    let key = 0;
    for (const clients of CONCURRENCY) {
      const update = await measure(clients, (client) => pool.query("UPDATE bench_counter SET n = n + 1 WHERE id = $1", [client]), backendCpu, walStats);
      const moved = await measure(clients, async (client) => {
        const c = customers[client]!;
        const n = key++;
        // Alternate direction so balances never run dry.
        const [from, to] = n % 2 === 0 ? [c.checkingId, c.savingsId] : [c.savingsId, c.checkingId];
        const result = await transfer(db, c.customerId, {
          idempotencyKey: `bench-${n}-${Date.now()}`,
          fromAccountId: from,
          to: { accountId: to },
          amount: { minor: 1, currency: "USD" },
        });
        if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
      }, backendCpu, walStats);
      rows.push([
        String(clients),
        moved.perSecond.toFixed(0),
        moved.p50.toFixed(2),
        moved.p99.toFixed(2),
        update.perSecond.toFixed(0),
        update.p50.toFixed(2),
        update.p99.toFixed(2),
        (moved.p50 / update.p50).toFixed(1),
        (update.perSecond / moved.perSecond).toFixed(1),
        `${((100 * moved.perSecond) / update.perSecond).toFixed(1)}%`,
        moved.backendUs.toFixed(0),
        update.backendUs.toFixed(0),
        moved.clientUs.toFixed(0),
        update.clientUs.toFixed(0),
        moved.walBytes.toFixed(0),
        update.walBytes.toFixed(0),
      ]);
      waits.push([String(clients), moved.p50.toFixed(2), moved.p99.toFixed(2), moved.backendWaitUs.toFixed(0), moved.clientWaitUs.toFixed(0),
        update.p50.toFixed(2), update.p99.toFixed(2), update.backendWaitUs.toFixed(0), update.clientWaitUs.toFixed(0)]);
      if (clients === matchAt && MATCHED.length > 0) {
        const rowsPerUs = await calibrateSeries(pool, async () => (await backendCpu()).sched.cpuUs);
        for (const share of MATCHED) {
          // The calibration's rows per µs did not hold at 8 clients (off 2-3x either way in the
          // first runs), so one short run at 8 clients corrects the size before the measured one.
          const extraUs = share * (moved.backendUs - update.backendUs);
          let rows = Math.max(0, Math.round(extraUs * rowsPerUs));
          const spinUs = Math.max(0, share * (moved.clientUs - update.clientUs));
          const run = (seconds: number) => measure(clients, async (client) => {
            await pool.query(MATCHED_UPDATE, [client, rows]);
            spin(spinUs);
          }, backendCpu, undefined, seconds);
          const trial = await run(1);
          const trialExtra = trial.backendUs - update.backendUs;
          if (trialExtra > 0) rows = Math.max(0, Math.round((rows * extraUs) / trialExtra));
          const control = await run(SECONDS);
          matched.push([String(clients), share.toFixed(2), control.backendUs.toFixed(0), control.clientUs.toFixed(0), control.perSecond.toFixed(0),
            control.p50.toFixed(2), control.p99.toFixed(2), control.backendWaitUs.toFixed(0), control.clientWaitUs.toFixed(0)]);
        }
      }
      if (moved.errors || update.errors) console.log(`  errors at ${clients} clients: transfers ${moved.errors}, updates ${update.errors}`);
    }

    // The contended case: every client moves one customer's money (their transfers serialize on
    // the customer's daily-limit row, by design).
    const one = customers[0]!;
    const contended = await measure(32, async () => {
      const n = key++;
      const [from, to] = n % 2 === 0 ? [one.checkingId, one.savingsId] : [one.savingsId, one.checkingId];
      const result = await transfer(db, one.customerId, {
        idempotencyKey: `bench-hot-${n}-${Date.now()}`,
        fromAccountId: from,
        to: { accountId: to },
        amount: { minor: 1, currency: "USD" },
      });
      if (!result.ok) throw new Error(result.message);
    });

    printTable(rows);
    console.log("waiting for a CPU (runnable, not running; /proc schedstat) per call, backends of the bench database and this process's threads:");
    printTable(waits);
    if (matched.length > 1) {
      console.log("control: the bare UPDATE made to cost a share of the transfer's extra CPU per call (backend: a generate_series; client: a spin), same clients:");
      printTable(matched);
    }
    console.log(
      `one customer, 32 clients: ${contended.perSecond.toFixed(0)} transfers/s, p50 ${contended.p50.toFixed(2)} ms, p99 ${contended.p99.toFixed(2)} ms`,
    );
    const check = await pool.query(
      `SELECT (SELECT coalesce(sum(amount), 0) FROM ledger_entries) AS entries,
              (SELECT count(*) FROM accounts a LEFT JOIN (SELECT account_id, sum(amount) AS total FROM ledger_entries GROUP BY account_id) e
                 ON e.account_id = a.id WHERE a.balance IS NOT NULL AND a.balance IS DISTINCT FROM coalesce(e.total, 0)) AS drifted,
              (SELECT count(*) FROM transfers) AS transfers`,
    );
    console.log(`after the run: ${check.rows[0].transfers} transfers, entries sum ${check.rows[0].entries}, balances off their entries: ${check.rows[0].drifted}`);
    console.log("p50 × = transfer p50 latency / UPDATE p50 latency; throughput ÷ = UPDATE/s / transfers/s");
    console.log("backend µs = CPU of the bench database's Postgres processes per call (/proc, NaN when the server is elsewhere): steadier than rates on a shared machine");
    console.log("client µs = CPU of this process per call (the clients' side); WAL B = WAL bytes per call (the whole server's: other work on it counts)");
    console.log("targets (issue #17): transfers ÷ UPDATE ≥ 25% and transfer p99 ≤ 8 ms at 8 clients; one customer from 32 clients ≥ 1,000/s, p99 ≤ 100 ms");
    console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  } finally {
    await pool.end();
    await target.stop();
  }
}

/**
 * `clients` loops each run `op` back to back for SECONDS; latency of every call. Each loop first
 * runs `op` WARMUP_OPS times untimed, so that neither the UPDATE nor the transfer pays, inside its
 * measurement, for opening a pooled connection or for a fresh session's first call (planning, the
 * plpgsql function's compilation, the foreign-key checks' plans): at 8 clients seven such first
 * calls of several ms each (one in a fresh psql session: 16 ms) counted among the slowest 1%.
 */
async function measure(
  clients: number,
  op: (client: number) => Promise<unknown>,
  probe?: () => Promise<Probe>,
  walStats?: (from: bigint, to: bigint, label: string) => Promise<void>,
  seconds = SECONDS,
): Promise<Sample> {
  const latencies: number[] = [];
  let errors = 0;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let i = 0; i < WARMUP_OPS; i++) await op(client).catch(() => {});
    }),
  );
  const before = await probe?.();
  const clientBefore = process.cpuUsage();
  const ownBefore = ownSched();
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        try {
          await op(client);
          latencies.push(performance.now() - t0);
        } catch (error) {
          if (errors++ === 0) console.error(String(error));
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const client = process.cpuUsage(clientBefore);
  const ownAfter = ownSched();
  const after = await probe?.();
  if (WAL_RANGE && before && after && walStats) await walStats(before.walLsn, after.walLsn, `${clients} clients, ${latencies.length} calls`);
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { ops: latencies.length, perSecond: latencies.length / elapsed, p50: at(0.5), p99: at(0.99), errors,
    backendUs: before && after ? ((after.cpuMs - before.cpuMs) * 1000) / latencies.length : NaN,
    clientUs: (client.user + client.system) / latencies.length,
    walBytes: before && after ? Number(after.walLsn - before.walLsn) / latencies.length : NaN,
    backendWaitUs: before && after ? (after.sched.waitUs - before.sched.waitUs) / latencies.length : NaN,
    clientWaitUs: (ownAfter.waitUs - ownBefore.waitUs) / latencies.length,
  };
}

interface Probe {
  cpuMs: number;
  walLsn: bigint;
  /** CPU and run-queue wait of the same processes (schedstat, µs). */
  sched: { cpuUs: number; waitUs: number };
}

/**
 * CPU time (ms) so far of the Postgres processes serving this database (utime + stime from
 * /proc): NaN when they are not readable here (a server on another machine). The WAL writer and
 * other shared processes are not counted. And the server's WAL insert position (bytes).
 */
async function serverProbe(pool: pg.Pool): Promise<Probe> {
  const { rows } = await pool.query<{ pid: number; wal: string }>(
    "SELECT pid, pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')::bigint::text AS wal FROM pg_stat_activity WHERE datname = current_database()",
  );
  let ticks = 0;
  for (const { pid } of rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      ticks = NaN;
    }
  }
  // USER_HZ = 100
  return { cpuMs: ticks * 10, walLsn: BigInt(rows[0]?.wal ?? 0), sched: schedOf(rows.map((r) => r.pid)) };
}

/** A WAL position as Postgres writes it (X/X), from its byte offset. */
function lsn(bytes: bigint): string {
  return `${(bytes >> 32n).toString(16).toUpperCase()}/${(bytes & 0xffffffffn).toString(16).toUpperCase()}`;
}

/** Prints the WAL written between two positions by record type, per call, with full-page images apart. */
async function walStatsOf(pool: pg.Pool): Promise<(from: bigint, to: bigint, label: string) => Promise<void>> {
  await pool.query("CREATE EXTENSION IF NOT EXISTS pg_walinspect");
  return async (from, to, label) => {
    const calls = Number(/(\d+) calls/.exec(label)?.[1] ?? 1);
    const { rows } = await pool.query<{ record_type: string; count: string; record_size: string; fpi_size: string }>(
      `SELECT "resource_manager/record_type" AS record_type, count, record_size, fpi_size FROM pg_get_wal_stats($1::pg_lsn, $2::pg_lsn, true) WHERE count > 0 ORDER BY combined_size DESC`,
      [lsn(from), lsn(to)],
    );
    console.log(`  WAL ${lsn(from)} .. ${lsn(to)} (${label}), per call: records, record bytes, full-page image bytes`);
    for (const r of rows) {
      const per = (v: string) => (Number(v) / calls).toFixed(Number(v) / calls < 10 ? 2 : 0);
      console.log(`    ${r.record_type.padEnd(36)} ${per(r.count).padStart(6)} ${per(r.record_size).padStart(7)} ${per(r.fpi_size).padStart(7)}`);
    }
  };
}

async function openTarget(): Promise<{ kind: string; url: string; stop(): Promise<void> }> {
  let database: Awaited<ReturnType<typeof createThrowawayDatabase>>;
  try {
    database = await createThrowawayDatabase(SERVER_URL, throwawayDatabaseName("teller_bench"));
  } catch (error) {
    console.log(`no Postgres server at ${SERVER_URL} (${String(error)}); using the embedded PGlite`);
    const embedded = await startEmbeddedPostgres({});
    await migrateDatabase(embedded.url, MIGRATIONS);
    return { kind: "embedded PGlite (single session)", url: embedded.url, stop: embedded.stop };
  }
  await migrateDatabase(database.url, MIGRATIONS);
  await bookedTransactionsOfOlderSchemas(database.url);
  return { kind: `server ${new URL(SERVER_URL).host}`, url: database.url, stop: database.drop };
}

/**
 * The fixtures book salaries into `booked_transactions` (0021 renamed `transactions` to it and made
 * `transactions` a view). A schema from before 0021 (BENCH_MIGRATIONS of an older checkout) gets
 * `booked_transactions` as a plain view of its table, which Postgres writes through: the bench's
 * own throwaway database only, so that old and new schemas can be compared in one run.
 */
async function bookedTransactionsOfOlderSchemas(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DO $$ BEGIN
      IF to_regclass('booked_transactions') IS NULL THEN CREATE VIEW booked_transactions AS SELECT * FROM transactions; END IF;
    END $$`);
  } finally {
    await client.end();
  }
}

function printTable(rows: string[][]): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const row of rows) console.log(row.map((cell, i) => cell.padStart(widths[i]!)).join("  "));
}

await main();

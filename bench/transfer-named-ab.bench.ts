/**
 * The transfer's CALL as a named prepared statement (perf15) against the same CALL unnamed
 * (drizzle's db.execute, as before), alternately on one pool of 8 clients in one process:
 * Postgres CPU per transfer (/proc of the pool's backends), this process's CPU per transfer and
 * p50/p99, slices of AB_CALLS transfers per side, A B then B A, for AB_ROUNDS rounds.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:transfer-named-ab
 *
 * A throwaway database on that server (BENCH_FILLER filler customers, as bench:ledger), dropped
 * afterwards. Prints numbers; asserts nothing.
 */
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import pg from "pg";
import { drizzle } from "drizzle-orm/node-postgres";
import * as schema from "../packages/db/schema/index.js";
import type { Db } from "../packages/db/client.js";
import { transfer } from "../packages/banking/transfer.js";
import { createTestCustomer, type TestCustomer } from "../scripts/db/fixtures.js";
import { migrateDatabase } from "../scripts/db/migrate.js";
import { createThrowawayDatabase, throwawayDatabaseName } from "../test/support/test-database.js";
import { insertFiller } from "./ledger-filler.js";

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const ROUNDS = Number(process.env.AB_ROUNDS ?? 8);
const CALLS = Number(process.env.AB_CALLS ?? 800);
const CLIENTS = 8;
const FILLER = Number(process.env.BENCH_FILLER ?? 20_000);

interface Slice {
  backendUs: number;
  clientUs: number;
  p50: number;
  p99: number;
}

const database = await createThrowawayDatabase(SERVER_URL, throwawayDatabaseName("teller_named_ab"));
const pool = new pg.Pool({ connectionString: database.url, max: CLIENTS });
pool.on("error", () => {});
try {
  await migrateDatabase(database.url);
  await insertFiller(pool, FILLER);
  await pool.query("ANALYZE");
  const named = drizzle(pool, { schema }) as unknown as Db;
  // The same database without the driver under it: transfer() falls back to db.execute (unnamed).
  const unnamed = new Proxy(named, { get: (target, property, receiver) => (property === "$client" ? undefined : Reflect.get(target, property, receiver)) });
  const customers: TestCustomer[] = [];
  for (let i = 0; i < CLIENTS; i++) customers.push(await createTestCustomer(named, `cus_ab_${i}`, { checking: 1_000_000_00, savings: 1_000_000_00 }));
  let key = 0;
  const slice = async (db: Db): Promise<Slice> => {
    const latencies: number[] = [];
    const before = await backendCpuMs();
    const cpu = process.cpuUsage();
    await Promise.all(
      customers.map(async (c) => {
        for (let i = 0; i < CALLS / CLIENTS; i++) {
          const n = key++;
          const [from, to] = n % 2 === 0 ? [c.checkingId, c.savingsId] : [c.savingsId, c.checkingId];
          const t0 = performance.now();
          const result = await transfer(db, c.customerId, { idempotencyKey: `bench-ab-${n}`, fromAccountId: from, to: { accountId: to }, amount: { minor: 1, currency: "USD" } });
          if (!result.ok) throw new Error(result.message);
          latencies.push(performance.now() - t0);
        }
      }),
    );
    const used = process.cpuUsage(cpu);
    const after = await backendCpuMs();
    latencies.sort((a, b) => a - b);
    return { backendUs: ((after - before) * 1000) / latencies.length, clientUs: (used.user + used.system) / latencies.length, p50: latencies[Math.floor(latencies.length / 2)]!, p99: latencies[Math.floor(latencies.length * 0.99)]! };
  };
  // Warm-up: every connection parses the named CALL, plans settle.
  await slice(named);
  await slice(unnamed);
  console.log(`named vs unnamed CALL, ${CLIENTS} clients, ${CALLS} transfers a slice, ${ROUNDS} rounds, ${FILLER} filler customers, load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  console.log("round  order  backend µs: unnamed  named  client µs: unnamed  named  p50 ms: unnamed  named  p99 ms: unnamed  named");
  const rows: Array<{ a: Slice; b: Slice }> = [];
  for (let round = 0; round < ROUNDS; round++) {
    const first = round % 2 === 0;
    const a = first ? await slice(unnamed) : undefined;
    const b = await slice(named);
    const a2 = a ?? (await slice(unnamed));
    rows.push({ a: a2, b });
    const f = (n: number, d = 0) => n.toFixed(d).padStart(7);
    console.log(`${String(round + 1).padStart(5)}  ${first ? "A B" : "B A"}  ${f(a2.backendUs)} ${f(b.backendUs)}  ${f(a2.clientUs)} ${f(b.clientUs)}  ${f(a2.p50, 2)} ${f(b.p50, 2)}  ${f(a2.p99, 2)} ${f(b.p99, 2)}`);
  }
  const median = (values: number[]) => values.sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
  for (const [label, pick] of [["backend µs", (s: Slice) => s.backendUs], ["client µs", (s: Slice) => s.clientUs], ["p50 ms", (s: Slice) => s.p50], ["p99 ms", (s: Slice) => s.p99]] as const) {
    const lower = rows.filter((r) => pick(r.b) < pick(r.a)).length;
    console.log(`${label}: median unnamed ${median(rows.map((r) => pick(r.a))).toFixed(2)}, named ${median(rows.map((r) => pick(r.b))).toFixed(2)}; named lower in ${lower} of ${rows.length}`);
  }
  console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
} finally {
  await pool.end();
  await database.drop();
}

/** CPU (ms) so far of the Postgres processes serving the throwaway database (/proc; USER_HZ 100). */
async function backendCpuMs(): Promise<number> {
  const { rows } = await pool.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = current_database()");
  let ticks = 0;
  for (const { pid } of rows) {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks * 10;
}

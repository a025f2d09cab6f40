import pg from "pg";
import { drizzle } from "drizzle-orm/node-postgres";
import { SignJWT, importJWK, type JWK } from "jose";
import * as schema from "../packages/db/schema/index.js";
import type { Db } from "../packages/db/client.js";
import { createTestCustomer } from "../scripts/db/fixtures.js";
import { startLocalStack } from "../scripts/local-stack.js";
import { freePort } from "../test/support/free-port.js";
import { createThrowawayDatabase, throwawayDatabaseName } from "../test/support/test-database.js";
import { runLoad, type LoadResult } from "./load.js";

/**
 * `npm run bench:chat`: the turns customers make, end to end through the gateway of a local stack
 * (`wrangler dev`, both Workers, the ChatSession DOs) against the PostgreSQL server (a throwaway
 * database on BENCH_DATABASE_URL, default the local test server; the embedded PGlite only if no
 * server answers). For 16 and 64 concurrent customers, in one run:
 *  - echo:  gateway → chat Worker (RPC) → ChatSession DO and back, no JWT (the bare path);
 *  - FAQ:   a full turn (JWT, NLU, dialogue, DO storage) that never touches Postgres;
 *  - read:  "what's my balance?" and "show my recent transactions", alternately (Postgres reads);
 *  - money: "move $1 from savings to checking" then "yes" (one transfer through Postgres); counted
 *           as one turn, ok only if the second reply is the transfer receipt.
 * Prints turns/s, p50/p99 and each turn's share of the echo's throughput.
 */
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CUSTOMERS = (process.env.BENCH_CUSTOMERS ?? "16,64").split(",").map(Number);
const TARGETS = { faq: 85, read: 60, money: 35 } as const;

const database = await openDatabase();
const stack = await startLocalStack({
  port: await freePort(),
  stateDir: "memory",
  databaseUrl: database.url,
  log: () => {},
  wranglerOutput: "ignore",
  // One address drives many customers here; the limiter still runs, it just lets this through.
  rateLimitScale: 10_000,
});
try {
  const jwk = JSON.parse(stack.devIdpPrivateJwk) as JWK;
  const key = await importJWK(jwk, "ES256");
  const sign = (sub: string) =>
    new SignJWT({})
      .setProtectedHeader({ alg: "ES256", kid: jwk.kid!, typ: "at+jwt" })
      .setIssuer("teller-dev-idp")
      .setAudience("teller")
      .setSubject(sub)
      .setIssuedAt()
      .setExpirationTime("1h")
      .sign(key);
  const post = (path: string, body: unknown, token?: string) =>
    fetch(`${stack.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  const say = async (token: string, id: string, text: string) => {
    const response = await post("/api/chat/messages", { id, text }, token);
    const turn = response.ok ? ((await response.json()) as { reply: Reply }) : undefined;
    return turn?.reply;
  };
  const verdict = (ok: boolean) => new Response(null, { status: ok ? 200 : 500 });

  const summary: string[][] = [["customers", "turn", "turns/s", "p50 ms", "p99 ms", "errors", "÷ echo", "target"]];
  for (const count of CUSTOMERS) {
    const customers = await createCustomers(database.url ?? stack.databaseUrl, count);
    const tokens = await Promise.all(customers.map((c) => sign(c)));
    const run = `${process.pid}-${count}`;
    const load = (label: string, request: (client: number, n: number) => Promise<Response>) =>
      runLoad(label, { concurrency: count, seconds: SECONDS }, request);

    // Warm every path (isolates, DOs, model load, connections) before measuring.
    await runLoad("warm-up", { concurrency: count, seconds: 2 }, (c, n) =>
      n % 3 === 0
        ? post("/dev/bench/echo", { customerId: customers[c], text: "hi" })
        : post("/api/chat/messages", { id: `w-${run}-${c}-${n}`, text: n % 3 === 1 ? "how do I top up?" : "what's my balance?" }, tokens[c]),
    );
    const echo = await load("echo", (c) => post("/dev/bench/echo", { customerId: customers[c], text: "what is the exchange rate for euros?" }));
    const faq = await load("FAQ", (c, n) => post("/api/chat/messages", { id: `f-${run}-${c}-${n}`, text: "what is the exchange rate for euros?" }, tokens[c]));
    const read = await load("read", async (c, n) => {
      const balance = n % 2 === 0;
      const reply = await say(tokens[c]!, `r-${run}-${c}-${n}`, balance ? "what's my balance?" : "show my recent transactions");
      return verdict(reply?.intent.name === (balance ? "balance" : "transactions"));
    });
    const money = await load("money", async (c, n) => {
      const [from, to] = n % 2 === 0 ? ["savings", "checking"] : ["checking", "savings"];
      const asked = await say(tokens[c]!, `m-${run}-${c}-${n}`, `move $1 from ${from} to ${to}`);
      if (!asked?.confirmation) return verdict(false);
      const done = await say(tokens[c]!, `y-${run}-${c}-${n}`, "yes");
      return verdict(done?.data?.kind === "transfer_receipt");
    });
    const row = (r: LoadResult, target?: number) => [
      String(count),
      r.label,
      r.perSecond.toFixed(0),
      r.p50.toFixed(1),
      r.p99.toFixed(1),
      String(r.errors),
      `${((r.perSecond / echo.perSecond) * 100).toFixed(1)}%`,
      target ? `≥ ${target}%` : "",
    ];
    summary.push(row(echo), row(faq, TARGETS.faq), row(read, TARGETS.read), row(money, TARGETS.money));
  }

  console.log(
    `\nchat benchmark — wrangler dev (local workerd behind wrangler's proxy), ${SECONDS} s per turn kind, database: ${database.kind}, Node ${process.version}`,
  );
  const widths = summary[0]!.map((_, i) => Math.max(...summary.map((r) => r[i]!.length)));
  for (const r of summary) console.log(r.map((cell, i) => (i === 1 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  "));
  console.log("money = one transfer request plus its \"yes\" (two requests, one transfer); ÷ echo = turns/s ÷ echo requests/s");
  console.log(`Postgres sessions opened during the run: ${await sessionsOpened(database.url ?? stack.databaseUrl)}`);
} finally {
  await stack.stop();
  await database.drop();
}

/** Sessions Postgres counted for this database (the server's statistics; "n/a" elsewhere). */
async function sessionsOpened(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const result = await client.query("SELECT sessions FROM pg_stat_database WHERE datname = current_database()");
    return String(result.rows[0]?.sessions ?? "n/a");
  } catch {
    return "n/a";
  } finally {
    await client.end().catch(() => {});
  }
}

interface Reply {
  intent: { name: string };
  confirmation?: { id: string };
  data?: { kind: string };
}

/** Customers with money to move (alternating directions keep balances up), created directly. */
async function createCustomers(url: string, count: number): Promise<string[]> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    const db = drizzle(pool, { schema }) as unknown as Db;
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const id = `cus_bench_${process.pid}_${count}_${i}`;
      await createTestCustomer(db, id, { checking: 100_000_00, savings: 100_000_00 });
      ids.push(id);
    }
    return ids;
  } finally {
    await pool.end();
  }
}

async function openDatabase(): Promise<{ kind: string; url: string | undefined; drop(): Promise<void> }> {
  try {
    const db = await createThrowawayDatabase(SERVER_URL, throwawayDatabaseName("teller_bench_chat"));
    return { kind: `server ${new URL(SERVER_URL).host}`, url: db.url, drop: db.drop };
  } catch (error) {
    console.log(`no Postgres server at ${SERVER_URL} (${String(error)}); the stack's embedded PGlite is used`);
    return { kind: "embedded PGlite", url: undefined, drop: async () => {} };
  }
}

import pg from "pg";
import { drizzle } from "drizzle-orm/node-postgres";
import { SignJWT, importJWK, type JWK } from "jose";
import * as schema from "../packages/db/schema/index.js";
import type { Db } from "../packages/db/client.js";
import { createTestCustomer } from "../scripts/db/fixtures.js";
import { startLocalStack, type LocalStack } from "../scripts/local-stack.js";
import { freePort } from "../test/support/free-port.js";
import { createThrowawayDatabase, throwawayDatabaseName } from "../test/support/test-database.js";
import { runLoad } from "./load.js";
import { openSocket, type BenchSocket } from "./socket-client.js";

/**
 * The turns customers make, driven end to end through the gateway of a local stack (`wrangler
 * dev`, both Workers, the ChatSession DOs) against the PostgreSQL server (a throwaway database on
 * BENCH_DATABASE_URL, default the local test server; the embedded PGlite only if no server
 * answers). Shared by `bench:chat`, `bench:peer` and `bench:turn-cost*`, so all measure the same
 * turns the same way; the turns run in a load generator of its own (bench/loadgen.ts).
 *  - echo:  gateway → chat Worker (RPC) → ChatSession DO and back, no JWT (the bare path);
 *  - FAQ:   a full turn (JWT, NLU, dialogue, DO storage) that never touches Postgres;
 *  - read:  "what's my balance?" and "show my recent transactions", alternately (Postgres reads);
 *  - money: "move $1 from savings to checking" then "yes" (one transfer through Postgres); one
 *           turn, ok only if the second reply is the transfer receipt.
 * Each returns a Response whose status says whether the turn did what it should, for runLoad.
 * Message ids carry a run name: a run must never reuse an earlier run's ids, or its turns are
 * answered from the stored turn (idempotency) instead of being taken.
 */
export type Turn = (client: number, n: number) => Promise<Response>;

/** What the turns need: a load generator in another process rebuilds them from this (JSON). */
export interface TurnPlan {
  url: string;
  customers: string[];
  tokens: string[];
  /** Unique to this set of customers; a load run adds its own name to it for message ids. */
  run: string;
}

export interface HttpTurns {
  echo: Turn;
  faq: Turn;
  read: Turn;
  money: Turn;
}

export interface TellerTurns {
  plan: TurnPlan;
}

export interface TellerBench {
  stack: LocalStack;
  databaseKind: string;
  /** `count` new customers with money to move, their tokens, and every path warmed. */
  customers(count: number): Promise<TellerTurns>;
  /** `count` new customers with money, created in Postgres only: nothing warmed for them. */
  newCustomers(label: string, count: number): Promise<string[]>;
  sessionsOpened(): Promise<string>;
  stop(): Promise<void>;
}

const SERVER_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
export const FAQ_TEXT = "what is the exchange rate for euros?";

export async function startTellerBench(name: string): Promise<TellerBench> {
  const database = await openDatabase(name);
  const stack = await startLocalStack({
    port: await freePort(),
    stateDir: "memory",
    databaseUrl: database.url,
    // BENCH_STACK_LOG=1 shows the stack's own log and the Workers' output (to see why turns failed).
    log: process.env.BENCH_STACK_LOG ? (line) => console.error(line) : () => {},
    wranglerOutput: process.env.BENCH_STACK_LOG ? "inherit" : "ignore",
    // One address drives many customers here; the limiter still runs, it just lets this through.
    rateLimitScale: 10_000,
  }).catch(async (error: unknown) => {
    await database.drop();
    throw error;
  });
  const databaseUrl = database.url ?? stack.databaseUrl;
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

  return {
    stack,
    databaseKind: database.kind,
    async customers(count) {
      const customers = await createCustomers(databaseUrl, name, count);
      const tokens = await Promise.all(customers.map((c) => sign(c)));
      const run = `${process.pid}-${count}`;
      // Warm every path (isolates, DOs, model load, connections) before measuring.
      await runLoad("warm-up", { concurrency: count, seconds: 2 }, (c, n) =>
        n % 3 === 0
          ? post("/dev/bench/echo", { customerId: customers[c], text: "hi" })
          : post("/api/chat/messages", { id: `w-${run}-${c}-${n}`, text: n % 3 === 1 ? "how do I top up?" : "what's my balance?" }, tokens[c]),
      );
      return { plan: { url: stack.url, customers, tokens, run } };
    },
    newCustomers: (label, count) => createCustomers(databaseUrl, `${name}_${label}`, count),
    sessionsOpened: () => sessionsOpened(databaseUrl),
    async stop() {
      await stack.stop();
      await database.drop();
    },
  };
}

/** The echo, FAQ, read and money turns over HTTP, from nothing but a plan; ids unique to `run`. */
export function httpTurns({ url, customers, tokens }: TurnPlan, run: string): HttpTurns {
  const post = (path: string, body: unknown, token?: string) =>
    fetch(`${url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  const say = async (token: string, id: string, text: string) => {
    const response = await post("/api/chat/messages", { id, text }, token);
    const turn = response.ok ? ((await response.json()) as { reply: Reply }) : undefined;
    return turn?.reply ?? { failed: `HTTP ${response.status}: ${turn ? "" : await response.text()}` };
  };
  return {
    echo: (c) => post("/dev/bench/echo", { customerId: customers[c], text: FAQ_TEXT }),
    faq: (c, n) => post("/api/chat/messages", { id: `f-${run}-${c}-${n}`, text: FAQ_TEXT }, tokens[c]),
    read: (c, n) => readTurn((id, text) => say(tokens[c]!, id, text), `r-${run}-${c}-${n}`, n),
    money: (c, n) => moneyTurn((id, text) => say(tokens[c]!, id, text), `${run}-${c}-${n}`, n),
  };
}

export type SocketTurns = { faq: Turn; read: Turn; money: Turn };

/** Sockets opened once for some of a plan's customers; `turns(run)` speaks on them. */
export interface TellerSockets {
  turns(run: string): SocketTurns;
  close(): void;
}

/**
 * Teller's chat WebSocket for the given clients of a plan (the web app's path): a ticket per
 * customer, one socket each, opened once and kept across runs.
 */
export async function openTellerSockets({ url, tokens }: TurnPlan, clients: number[]): Promise<TellerSockets> {
  const sockets = new Map<number, BenchSocket>();
  await Promise.all(
    clients.map(async (c) => {
      const response = await fetch(`${url}/api/chat/ws-ticket`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${tokens[c]}` },
        body: "{}",
      });
      const { ticket } = (await response.json()) as { ticket: string };
      const socket = await openSocket(`${url.replace(/^http/, "ws")}/api/chat/ws?ticket=${encodeURIComponent(ticket)}`);
      await socket.next((frame) => frame.type === "state");
      sockets.set(c, socket);
    }),
  );
  // An error frame for this message (e.g. rate_limited) answers it too: a failed turn, not a 30 s wait.
  const say = async (c: number, id: string, text: string): Promise<Reply | Failed> => {
    const answer = await sockets.get(c)!.request(
      { type: "message", id, text },
      (frame) => (frame.type === "turn" && (frame.turn as { id?: string } | undefined)?.id === id) || (frame.type === "error" && frame.id === id),
    );
    if (answer?.type === "turn") return (answer.turn as { reply: Reply }).reply;
    return { failed: answer ? JSON.stringify(answer) : "no answer (socket closed or 30 s timeout)" };
  };
  return {
    turns: (run) => ({
      faq: async (c, n) => {
        const reply = await say(c, `s-${run}-${c}-${n}`, FAQ_TEXT);
        return "failed" in reply ? verdict(false, reply.failed) : verdict(true);
      },
      read: (c, n) => readTurn((id, text) => say(c, id, text), `sr-${run}-${c}-${n}`, n),
      money: (c, n) => moneyTurn((id, text) => say(c, id, text), `s-${run}-${c}-${n}`, n),
    }),
    close: () => sockets.forEach((socket) => socket.close()),
  };
}

/** A reply, or why there was none (the HTTP status and body, or the error frame). */
type Failed = { failed: string };
type Say = (id: string, text: string) => Promise<Reply | Failed>;

/** "what's my balance?" and "show my recent transactions", alternately; ok if the intent is right. */
async function readTurn(say: Say, id: string, n: number): Promise<Response> {
  const balance = n % 2 === 0;
  const reply = await say(id, balance ? "what's my balance?" : "show my recent transactions");
  if ("failed" in reply) return verdict(false, reply.failed);
  return verdict(reply.intent.name === (balance ? "balance" : "transactions"), `intent ${reply.intent.name}`);
}

/** A transfer request and its "yes"; ok only if the second reply is the receipt. */
async function moneyTurn(say: Say, id: string, n: number): Promise<Response> {
  const [from, to] = n % 2 === 0 ? ["savings", "checking"] : ["checking", "savings"];
  const asked = await say(`m-${id}`, `move $1 from ${from} to ${to}`);
  if ("failed" in asked) return verdict(false, `request: ${asked.failed}`);
  if (!asked.confirmation) return verdict(false, `request: no confirmation (intent ${asked.intent.name})`);
  const done = await say(`y-${id}`, "yes");
  if ("failed" in done) return verdict(false, `yes: ${done.failed}`);
  return verdict(done.data?.kind === "transfer_receipt", `yes: ${done.data?.kind ?? "no data"} (intent ${done.intent.name})`);
}

/** A turn's outcome for runLoad: 200, or 500 with why (runLoad keeps the first few). */
export function verdict(ok: boolean, why?: string): Response {
  return ok ? new Response(null, { status: 200 }) : new Response(why ?? null, { status: 500 });
}

interface Reply {
  intent: { name: string };
  confirmation?: { id: string };
  data?: { kind: string };
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

/** Customers with money to move (alternating directions keep balances up), created directly. */
async function createCustomers(url: string, name: string, count: number): Promise<string[]> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    const db = drizzle(pool, { schema }) as unknown as Db;
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const id = `cus_${name}_${process.pid}_${count}_${i}`;
      await createTestCustomer(db, id, { checking: 100_000_00, savings: 100_000_00 });
      ids.push(id);
    }
    return ids;
  } finally {
    await pool.end();
  }
}

async function openDatabase(name: string): Promise<{ kind: string; url: string | undefined; drop(): Promise<void> }> {
  try {
    const db = await createThrowawayDatabase(SERVER_URL, throwawayDatabaseName(`teller_bench_${name}`));
    return { kind: `server ${new URL(SERVER_URL).host}`, url: db.url, drop: db.drop };
  } catch (error) {
    console.log(`no Postgres server at ${SERVER_URL} (${String(error)}); the stack's embedded PGlite is used`);
    return { kind: "embedded PGlite", url: undefined, drop: async () => {} };
  }
}

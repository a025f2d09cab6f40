import pg from "pg";
import { drizzle } from "drizzle-orm/node-postgres";
import { SignJWT, importJWK, type JWK } from "jose";
import * as schema from "../../packages/db/schema/index.js";
import { createTestCustomer, type TestCustomer } from "../db/fixtures.js";
import type { Db } from "../../packages/db/client.js";
import { startLocalStack } from "../local-stack.js";
import { freePort } from "../../test/support/free-port.js";

/**
 * `npm run load [-- --quick] [--customers N] [--concurrency C] [--seconds T]`: many customers at
 * once against the local stack (wrangler dev, both Workers, Postgres at DATABASE_URL or the
 * embedded one), then the invariants: acknowledged messages stored exactly once, ledger balanced,
 * money conserved, no key posted twice, no transfer left unknown, outboxes drained.
 * --faults: 30% of outbox queue sends fail (a local-only switch), and clients retry with the same
 * message id. Not yet: WebSocket clients, a Workers restart, a Postgres outage (see the report).
 */
const args = process.argv.slice(2);
const quick = args.includes("--quick");
const faults = args.includes("--faults");
const opt = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const CUSTOMERS = opt("customers", quick ? 200 : 2000);
const CONCURRENCY = opt("concurrency", quick ? 20 : 200);
const SECONDS = opt("seconds", quick ? 15 : 60);
const RUN = `load${Date.now().toString(36)}`;

type Kind = "read" | "faq" | "transfer" | "card" | "handoff" | "abuse";
const latencies: Record<string, number[]> = {};
const statuses: Record<string, number> = {};
const acked = new Map<string, Set<string>>(); // customerId → acknowledged message ids
let unknownReplies = 0;

const stack = await startLocalStack({
  port: await freePort(),
  stateDir: "memory",
  databaseUrl: process.env.DATABASE_URL || undefined,
  log: () => {},
  wranglerOutput: "ignore",
  rateLimitScale: 10_000,
  ...(faults ? { chatVars: { FAULT_QUEUE_SEND_FAIL_RATE: "0.3" } } : {}),
});
const client = new pg.Client({ connectionString: stack.databaseUrl });
let failed = false;
try {
  await client.connect();
  const db = drizzle(client, { schema }) as unknown as Db;
  const t0 = Date.now();
  const customers: TestCustomer[] = [];
  for (let i = 0; i < CUSTOMERS; i++) customers.push(await createTestCustomer(db, `cus_${RUN}_${i}`, { checking: 5_000_00, savings: 5_000_00 }));
  console.log(`seeded ${CUSTOMERS} customers in ${((Date.now() - t0) / 1000).toFixed(1)} s (${stack.databaseKind} Postgres)`);
  const ids = customers.map((c) => c.customerId);
  const before = await moneyOf(client, ids);

  const jwk = JSON.parse(stack.devIdpPrivateJwk) as JWK;
  const key = await importJWK(jwk, "ES256");
  const tokenOf = new Map<string, string>();
  const token = async (sub: string) => {
    let t = tokenOf.get(sub);
    if (!t) {
      t = await new SignJWT({}).setProtectedHeader({ alg: "ES256", kid: jwk.kid!, typ: "at+jwt" }).setIssuer("teller-dev-idp")
        .setAudience("teller").setSubject(sub).setIssuedAt().setExpirationTime("1h").sign(key);
      tokenOf.set(sub, t);
    }
    return t;
  };

  async function say(kind: Kind, customerId: string, body: unknown, raw?: string): Promise<{ status: number; json: any }> {
    const started = performance.now();
    const response = await fetch(`${stack.url}/api/chat/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${await token(customerId)}` },
      body: raw ?? JSON.stringify(body),
    });
    const json = await response.json().catch(() => null);
    (latencies[kind] ??= []).push(performance.now() - started);
    statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    const id = (body as { id?: string } | null)?.id;
    if (response.status === 200 && id) (acked.get(customerId) ?? acked.set(customerId, new Set()).get(customerId)!).add(id);
    if (json?.reply?.text && /couldn't confirm whether/.test(json.reply.text)) unknownReplies++;
    return { status: response.status, json };
  }
  let n = 0;
  const mid = () => `${RUN}-${(n++).toString(36)}`;

  async function session(customerId: string) {
    const r = Math.random();
    if (faults && r < 0.1) {
      // A client that lost the answer sends the same message id again.
      const body = { id: mid(), text: "what's my balance?" };
      await say("read", customerId, body);
      return say("read", customerId, body);
    }
    if (r < 0.45) return say("read", customerId, { id: mid(), text: ["what's my balance?", "show my recent transactions", "how much did I spend on groceries last month?"][n % 3] });
    if (r < 0.7) return say("faq", customerId, { id: mid(), text: ["how do I top up my card?", "what is the exchange rate for euros?", "how long does a new card take?"][n % 3] });
    if (r < 0.85) {
      const ask = await say("transfer", customerId, { id: mid(), text: `send $${1 + (n % 20)} from checking to savings` });
      const confirmation = ask.json?.reply?.confirmation;
      if (!confirmation) return;
      const answer = Math.random() < 0.8 ? "yes" : "no";
      return say("transfer", customerId, { id: mid(), text: answer, confirmation: { id: confirmation.id, answer } });
    }
    if (r < 0.9) {
      const ask = await say("card", customerId, { id: mid(), text: "freeze my card" });
      const confirmation = ask.json?.reply?.confirmation;
      if (confirmation) await say("card", customerId, { id: mid(), text: "yes", confirmation: { id: confirmation.id, answer: "yes" } });
      return;
    }
    if (r < 0.95) return say("handoff", customerId, { id: mid(), text: "I want to talk to a person" });
    // Abuse: control characters, bad JSON, a replayed message id, a double yes from two tabs.
    const a = n % 4;
    if (a === 0) return say("abuse", customerId, { id: mid(), text: "hi\u0000there" });
    if (a === 1) return say("abuse", customerId, null, '{"id": "x", "text": ');
    if (a === 2) {
      const body = { id: mid(), text: "what's my balance?" };
      await say("read", customerId, body);
      return say("abuse", customerId, body);
    }
    const ask = await say("transfer", customerId, { id: mid(), text: "send $3 from checking to savings" });
    const confirmation = ask.json?.reply?.confirmation;
    if (!confirmation) return;
    await Promise.all([0, 1].map(() => say("abuse", customerId, { id: mid(), text: "yes", confirmation: { id: confirmation.id, answer: "yes" } })));
  }

  const started = Date.now();
  const deadline = started + SECONDS * 1000;
  let turnsDone = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, c) => {
      // Each client owns a disjoint slice of customers, so a customer's turns stay in order.
      const mine = customers.filter((_, i) => i % CONCURRENCY === c);
      for (let i = 0; Date.now() < deadline; i++) {
        await session(mine[i % mine.length]!.customerId).catch(() => (statuses.network = (statuses.network ?? 0) + 1));
        turnsDone++;
      }
    }),
  );
  const elapsed = (Date.now() - started) / 1000;

  // Drain: every acknowledged message must reach chat_events through the outbox and the queue.
  const expected = [...acked.values()].reduce((s, v) => s + v.size, 0);
  let stored = 0;
  for (const until = Date.now() + 90_000; Date.now() < until; await new Promise((r) => setTimeout(r, 1000))) {
    stored = Number((await client.query(`SELECT count(DISTINCT (customer_id, message_id)) AS n FROM chat_events WHERE type = 'message.received' AND customer_id = ANY($1)`, [ids])).rows[0].n);
    if (stored >= expected) break;
  }
  const q = async (text: string, values: unknown[] = []) => Number((await client.query(text, values)).rows[0].n);
  const after = await moneyOf(client, ids);
  const checks: Array<[string, boolean, string]> = [
    ["acknowledged messages stored", stored === expected, `${stored} / ${expected}`],
    ["messages stored twice", (await q(`SELECT count(*) AS n FROM (SELECT 1 FROM chat_events WHERE type='message.received' AND customer_id = ANY($1) GROUP BY customer_id, message_id HAVING count(*) > 1) d`, [ids])) === 0, "0 expected"],
    ["ledger transactions that do not sum to zero", (await q(`SELECT count(*) AS n FROM (SELECT 1 FROM ledger_entries GROUP BY ledger_transaction_id HAVING sum(amount) <> 0) d`)) === 0, "0 expected"],
    ["transfers posted twice for one key", (await q(`SELECT count(*) AS n FROM (SELECT 1 FROM transfers WHERE customer_id = ANY($1) GROUP BY customer_id, idempotency_key HAVING count(*) > 1) d`, [ids])) === 0, "0 expected"],
    ["money conserved (internal transfers only)", after.total === before.total - after.paidOut, `${before.total} → ${after.total}, paid out ${after.paidOut}`],
    ["transfers left unknown", unknownReplies === 0, `${unknownReplies}`],
    ["dead letters pending", (await q(`SELECT count(*) AS n FROM dead_letters WHERE replayed_at IS NULL AND body LIKE $1`, [`%${RUN}%`])) === 0, "0 expected"],
  ];
  console.log(`\nload${faults ? " with faults" : ""}: ${CUSTOMERS} customers, ${CONCURRENCY} concurrent, ${SECONDS} s, ${turnsDone} sessions, ${(Object.values(latencies).reduce((s, l) => s + l.length, 0) / elapsed).toFixed(1)} turns/s`);
  console.log(`status counts: ${JSON.stringify(statuses)}`);
  console.log("\nturn type   count    p50 ms   p95 ms   p99 ms");
  for (const [kind, list] of Object.entries(latencies)) {
    list.sort((a, b) => a - b);
    const at = (p: number) => list[Math.min(list.length - 1, Math.floor(p * list.length))]!.toFixed(0);
    console.log(`${kind.padEnd(10)} ${String(list.length).padStart(6)} ${at(0.5).padStart(8)} ${at(0.95).padStart(8)} ${at(0.99).padStart(8)}`);
  }
  console.log("\ninvariant                                        result");
  for (const [name, ok, detail] of checks) {
    console.log(`${name.padEnd(48)} ${ok ? "ok  " : "FAIL"} ${detail}`);
    if (!ok) failed = true;
  }
} finally {
  await client.end().catch(() => {});
  await stack.stop();
}
process.exit(failed ? 1 : 0);

async function moneyOf(c: pg.Client, ids: string[]) {
  const total = Number((await c.query(`SELECT coalesce(sum(balance), 0) AS n FROM accounts WHERE customer_id = ANY($1)`, [ids])).rows[0].n);
  const paidOut = Number((await c.query(`SELECT coalesce(sum(amount), 0) AS n FROM transfers WHERE customer_id = ANY($1) AND to_payee_id IS NOT NULL`, [ids])).rows[0].n);
  return { total, paidOut };
}

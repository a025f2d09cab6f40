import { SignJWT, importJWK, type JWK } from "jose";
import { loadAverage, printTable } from "./load.js";
import { startTellerBench } from "./teller-turns.js";

/**
 * `npm run bench:first-turn`: what a customer's first turn costs against their later ones, one
 * customer at a time (no contention), in one run. `npm run load` at 200 customers is nearly all
 * first turns (each customer opens the app, asks, reads), so its read tail is this cost under load.
 *  - first FAQ:  new token, gateway status lookup, new ChatSession (storage, transcript key), no Postgres in the object;
 *  - first FAQ, status known: the gateway looked the status up before (GET /api/whoami): the new object alone;
 *  - first read: the first FAQ's costs, plus the object's first Postgres session and the read's queries;
 *  - next read, at once: everything warm (status cached, the object's pool still open);
 *  - read after a pause (PAUSE_MS, longer than the object's idle socket): a new Postgres session only.
 */
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 40);
const PAUSE_MS = Number(process.env.BENCH_PAUSE_MS ?? 3_000);

console.log(`load average at the start: ${loadAverage()}`);
const bench = await startTellerBench("first_turn");
try {
  const { stack } = bench;
  // Two sets of customers: one starts with an FAQ, one with a read (each customer's first turn once).
  await bench.customers(2); // warms isolates, the model and the paths with customers of its own
  const faqFirst = await bench.newCustomers("faq", CUSTOMERS);
  const readFirst = await bench.newCustomers("read", CUSTOMERS);
  const knownFirst = await bench.newCustomers("known", CUSTOMERS);
  const jwk = JSON.parse(stack.devIdpPrivateJwk) as JWK;
  const key = await importJWK(jwk, "ES256");
  const token = (sub: string) =>
    new SignJWT({}).setProtectedHeader({ alg: "ES256", kid: jwk.kid!, typ: "at+jwt" }).setIssuer("teller-dev-idp").setAudience("teller").setSubject(sub).setIssuedAt().setExpirationTime("1h").sign(key);
  let n = 0;
  const timed = async (sub: string, text: string, expect?: string): Promise<number> => {
    const bearer = await token(sub);
    const started = performance.now();
    const response = await fetch(`${stack.url}/api/chat/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${bearer}` },
      body: JSON.stringify({ id: `ft-${process.pid}-${n++}`, text }),
    });
    const body = (await response.json()) as { reply?: { intent?: { name?: string } } };
    const ms = performance.now() - started;
    if (!body.reply || (expect && body.reply.intent?.name !== expect)) throw new Error(`"${text}" answered ${JSON.stringify(body).slice(0, 200)}`);
    return ms;
  };

  const series: Record<string, number[]> = { "first FAQ": [], "first FAQ, status known": [], "first read": [], "next read, at once": [], "read after a pause": [] };
  for (const c of faqFirst) series["first FAQ"]!.push(await timed(c, "how do I top up?"));
  // The gateway has already looked the customer's status up (GET /api/whoami): what is left is the new object.
  for (const c of knownFirst) {
    await fetch(`${stack.url}/api/whoami`, { headers: { authorization: `Bearer ${await token(c)}` } }).then((r) => r.arrayBuffer());
    series["first FAQ, status known"]!.push(await timed(c, "how do I top up?"));
  }
  for (const c of readFirst) {
    series["first read"]!.push(await timed(c, "what's my balance?", "balance"));
    series["next read, at once"]!.push(await timed(c, "what's my balance?", "balance"));
  }
  await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  for (const c of readFirst) series["read after a pause"]!.push(await timed(c, "what's my balance?", "balance"));

  const warm = median(series["next read, at once"]!);
  const rows = [["turn", "n", "p50 ms", "p90 ms", "max ms", "p50 ÷ warm read"]];
  for (const [name, list] of Object.entries(series)) {
    const sorted = [...list].sort((a, b) => a - b);
    rows.push([name, String(list.length), at(sorted, 0.5).toFixed(1), at(sorted, 0.9).toFixed(1), sorted.at(-1)!.toFixed(1), `${(median(list) / warm).toFixed(2)}×`]);
  }
  console.log(`\nfirst turns — wrangler dev, one customer at a time, ${CUSTOMERS} customers per row, database: ${bench.databaseKind}, Node ${process.version}`);
  printTable(rows);
  console.log(`load average at the end: ${loadAverage()}`);
} finally {
  await bench.stop();
}

function at(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

function median(list: number[]): number {
  return at([...list].sort((a, b) => a - b), 0.5);
}

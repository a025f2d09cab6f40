import { SignJWT, importJWK, type JWK } from "jose";
import { startLocalStack } from "../scripts/local-stack.js";
import { freePort } from "../test/support/free-port.js";
import { printResults, runLoad } from "./load.js";

/**
 * `npm run bench:chat`: concurrent customers through the gateway of a local stack (`wrangler dev`,
 * both Workers, embedded Postgres unless BENCH_DATABASE_URL is set). Measures in one run:
 *  (a) bare: gateway → chat Worker (RPC) → ChatSession DO echo, no JWT;
 *  (b) full turn: JWT verification, NLU, dialogue, DO storage (an FAQ question: no Postgres);
 * and prints their ratio (target: the full turn keeps ≥ 70% of the bare path's throughput).
 */
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);

const stack = await startLocalStack({
  port: await freePort(),
  stateDir: "memory",
  databaseUrl: process.env.BENCH_DATABASE_URL || undefined,
  log: () => {},
  wranglerOutput: "ignore",
  // One address drives many customers here; the limiter still runs, it just lets this through.
  rateLimitScale: 10_000,
});
try {
  const jwk = JSON.parse(stack.devIdpPrivateJwk) as JWK;
  const key = await importJWK(jwk, "ES256");
  const customers = Array.from({ length: CONCURRENCY }, (_, i) => `cus_bench_${process.pid}_${i}`);
  const tokens = await Promise.all(
    customers.map((sub) =>
      new SignJWT({})
        .setProtectedHeader({ alg: "ES256", kid: jwk.kid!, typ: "at+jwt" })
        .setIssuer("teller-dev-idp")
        .setAudience("teller")
        .setSubject(sub)
        .setIssuedAt()
        .setExpirationTime("1h")
        .sign(key),
    ),
  );
  const post = (path: string, body: unknown, token?: string) =>
    fetch(`${stack.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });

  // Warm both paths (isolates, DOs, model load) before measuring.
  await runLoad("warm-up", { concurrency: CONCURRENCY, seconds: 2 }, (c, n) =>
    n % 2 ? post("/dev/bench/echo", { customerId: customers[c], text: "hi" }) : post("/api/chat/messages", { id: `w-${c}-${n}`, text: "how do I top up?" }, tokens[c]),
  );
  const bare = await runLoad("(a) bare gateway → chat → DO echo", { concurrency: CONCURRENCY, seconds: SECONDS }, (c) =>
    post("/dev/bench/echo", { customerId: customers[c], text: "what is the exchange rate for euros?" }),
  );
  const full = await runLoad("(b) full turn: JWT + NLU + dialogue + DO storage", { concurrency: CONCURRENCY, seconds: SECONDS }, (c, n) =>
    post("/api/chat/messages", { id: `b-${c}-${n}`, text: "what is the exchange rate for euros?" }, tokens[c]),
  );
  const failed = bare.errors + full.errors;
  if (failed > 0) console.log(`\nWARNING: ${failed} requests failed; the figures below are not comparable`);
  console.log(`\nchat benchmark — runtime: wrangler dev (local workerd behind wrangler's proxy), ${CONCURRENCY} concurrent customers, ${SECONDS} s each, database: ${stack.databaseKind}`);
  printResults([bare, full]);
  console.log(`\nfull turn keeps ${((full.perSecond / bare.perSecond) * 100).toFixed(1)}% of the bare path's throughput (target ≥ 70%)`);
} finally {
  await stack.stop();
}

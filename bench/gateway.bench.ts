// npm run bench:gateway — what authentication costs at the gateway. Runtime measured: workerd
// (Miniflare, the same runtime `wrangler dev` and the tests use), the gateway bundled as deployed,
// driven over loopback HTTP from Node, in one run:
//  (a) GET /healthz: no authentication, the same outer middleware (request id, headers, log);
//  (b) GET /api/whoami: the whole /api stack — CORS, body limit, ES256 JWT verification against a
//      pinned JWKS, the disabled-customer check (cached), the customer hash — and a tiny JSON body.
// Target: (b) keeps ≥ 90% of (a)'s throughput. Rate-limit bindings are left out so the run
// measures the gateway rather than 429s (Miniflare's limiter is a local Durable Object, not the
// edge's in-colo counter), and per-request info logs are off (LOG_LEVEL=warn): Miniflare pipes
// each console line to this process, which costs more than the log itself does on the edge.
// Also printed: ES256 verification alone in Node (jose), for scale.

import { build } from "esbuild";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { Miniflare, convertV4MiniflareOptions } from "miniflare";
import { SignJWT, exportJWK, generateKeyPair, jwtVerify, createLocalJWKSet } from "jose";
import { printResults, runLoad, type LoadResult } from "./load.js";
import { repoRoot } from "../scripts/local-stack.js";

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const SECONDS = Math.min(10, Number(process.env.BENCH_SECONDS ?? 8));
const ROUNDS = 4;

const outdir = mkdtempSync(path.join(tmpdir(), "teller-gateway-bench-"));
await build({
  entryPoints: [path.join(repoRoot, "workers/gateway/index.ts")],
  outfile: path.join(outdir, "gateway.js"),
  bundle: true,
  format: "esm",
  platform: "browser",
  conditions: ["workerd", "worker", "browser"],
  external: ["cloudflare:*", "node:*"],
  logLevel: "warning",
});

const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: "bench-1", alg: "ES256", use: "sig" }] };
const token = await new SignJWT({})
  .setProtectedHeader({ alg: "ES256", kid: "bench-1" })
  .setIssuer("https://login.bank.example")
  .setAudience("teller")
  .setSubject("cus_bench")
  .setIssuedAt()
  .setExpirationTime("1h")
  .sign(privateKey);

// The banking Worker reduced to the one call the gateway makes on this path.
const bankingStub = `
import { WorkerEntrypoint } from "cloudflare:workers";
export class BankingService extends WorkerEntrypoint { isCustomerActive() { return true; } }
export class ChatService extends WorkerEntrypoint {}
export default { fetch() { return new Response("stub"); } };`;

// Written in Miniflare's documented (v4) option shape; this Miniflare converts it itself.
const mf = new Miniflare(convertV4MiniflareOptions({
  workers: [
    {
      name: "gateway",
      modules: true,
      scriptPath: path.join(outdir, "gateway.js"),
      // Module paths are resolved under this root; the bundle lives outside the repository.
      modulesRoot: outdir,
      compatibilityDate: "2026-04-01",
      compatibilityFlags: ["nodejs_compat"],
      bindings: {
        ENVIRONMENT: "production",
        AUTH_ISSUER: "https://login.bank.example",
        AUTH_AUDIENCE: "teller",
        AUTH_JWKS: JSON.stringify(jwks),
        LOG_HASH_SALT: "bench-log-hash-salt-0123456789",
        LOG_LEVEL: "warn",
      },
      serviceBindings: {
        BANKING: { name: "banking", entrypoint: "BankingService" },
        CHAT: { name: "banking", entrypoint: "ChatService" },
      },
    },
    { name: "banking", modules: true, script: bankingStub, compatibilityDate: "2026-04-01" },
  ],
  port: 0,
  logRequests: false,
}));

try {
  const url = await mf.ready;
  const healthz = () => fetch(new URL("/healthz", url));
  const whoami = () => fetch(new URL("/api/whoami", url), { headers: { authorization: `Bearer ${token}` } });
  const check = await whoami();
  if (check.status !== 200) throw new Error(`whoami answered ${check.status}: ${await check.text()}`);

  await runLoad("warm-up", { concurrency: CONCURRENCY, seconds: 2 }, (_, n) => (n % 2 ? healthz() : whoami()));
  // Alternating slices, so load from elsewhere on a shared machine falls on both scenarios alike.
  const half = { concurrency: CONCURRENCY, seconds: SECONDS / ROUNDS };
  const rounds: LoadResult[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    rounds.push(await runLoad(`GET /healthz (no auth) #${round}`, half, healthz));
    rounds.push(await runLoad(`GET /api/whoami (JWT + /api stack) #${round}`, half, whoami));
  }
  const unauthenticated = combine("GET /healthz (no auth)", rounds.filter((_, i) => i % 2 === 0));
  const authenticated = combine("GET /api/whoami (JWT + /api stack)", rounds.filter((_, i) => i % 2 === 1));

  // ES256 verification alone, in Node, for scale.
  const keys = createLocalJWKSet(jwks);
  const verifyStart = performance.now();
  const VERIFICATIONS = 5_000;
  for (let i = 0; i < VERIFICATIONS; i++) {
    await jwtVerify(token, keys, { algorithms: ["ES256"], issuer: "https://login.bank.example", audience: "teller" });
  }
  const verifyMicros = ((performance.now() - verifyStart) * 1000) / VERIFICATIONS;

  console.log(`\nGateway, workerd via Miniflare, loopback HTTP, ${CONCURRENCY} concurrent clients, ${SECONDS} s per scenario`);
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}\n`);
  printResults([...rounds, unauthenticated, authenticated]);
  const kept = authenticated.perSecond / unauthenticated.perSecond;
  console.log(`\nauthenticated / unauthenticated throughput: ${(kept * 100).toFixed(1)}% (cost ${((1 - kept) * 100).toFixed(1)}%, target ≤ 10%)`);
  console.log(`p99: ${unauthenticated.p99.toFixed(1)} ms → ${authenticated.p99.toFixed(1)} ms`);
  console.log(`ES256 jwtVerify alone (Node, jose): ${verifyMicros.toFixed(0)} µs per token`);
  if (unauthenticated.errors + authenticated.errors > 0) console.log("WARNING: some requests failed; the figures above are not valid");
} finally {
  await mf.dispose();
  rmSync(outdir, { recursive: true, force: true });
}

/** All slices of a scenario: throughput over their total time; p50/p99 the worst slice's. */
function combine(label: string, parts: LoadResult[]): LoadResult {
  const requests = parts.reduce((sum, p) => sum + p.requests, 0);
  const seconds = parts.reduce((sum, p) => sum + p.seconds, 0);
  return {
    label: `${label} (all slices)`,
    requests,
    errors: parts.reduce((sum, p) => sum + p.errors, 0),
    seconds,
    perSecond: requests / seconds,
    p50: Math.max(...parts.map((p) => p.p50)),
    p99: Math.max(...parts.map((p) => p.p99)),
  };
}

// npm run bench:gateway — what authentication costs at the gateway. Runtime measured: workerd
// (Miniflare, the same runtime `wrangler dev` and the tests use), the gateway bundled as deployed,
// driven over loopback HTTP from Node, in one run:
//  (a) GET /healthz: no authentication, the same outer middleware (request id, headers, log);
//  (b) GET /api/whoami with the same token each time: the whole /api stack — CORS (skipped, as
//      for any request without Origin), body limit,
//      the token (verified once, then from the isolate's verified-token cache), the
//      disabled-customer check (cached), the customer hash — and a tiny JSON body;
//  (c) the same with a new token on every request: a full ES256 verification each time;
//  (d) the same with RS256, the default of most OIDC providers (RSA verification is cheaper).
// Target: authentication costs ≤ 10% of (a)'s throughput. (b) is what a client sees (a browser
// reuses its token for up to an hour); (c) and (d) are the worst case, printed alongside. Setup
// signs SECONDS × 4,000 (at least 25,000) tokens of each kind (RSA signing takes ~20 s). Rate-limit bindings are left out so the run
// measures the gateway rather than 429s (Miniflare's limiter is a local Durable Object, not the
// edge's in-colo counter), and per-request info logs are off (LOG_LEVEL=warn): Miniflare pipes
// each console line to this process, which costs more than the log itself does on the edge.
// Also printed: the signature check alone per primitive (the floor), the gateway app alone in a loop inside workerd
// (its own CPU, without the HTTP path), and ES256 verification alone in Node (jose), for scale.

import { build, type BuildOptions } from "esbuild";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { Miniflare, convertV4MiniflareOptions } from "miniflare";
import { SignJWT, exportJWK, generateKeyPair, jwtVerify, createLocalJWKSet } from "jose";
import { printResults, runLoad, type LoadResult } from "./load.js";
import { repoRoot } from "../scripts/local-stack.js";

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const SECONDS = Math.min(10, Number(process.env.BENCH_SECONDS ?? 8));
// Short alternating slices: run-to-run noise on a 2-core machine is several percent, and the
// spread of per-round ratios printed below shows how much.
const ROUNDS = 8;

const outdir = mkdtempSync(path.join(tmpdir(), "teller-gateway-bench-"));
// As wrangler bundles a Worker.
const workerBundle: BuildOptions = {
  bundle: true,
  format: "esm",
  platform: "browser",
  conditions: ["workerd", "worker", "browser"],
  external: ["cloudflare:*", "node:*"],
  logLevel: "warning",
};
await build({ ...workerBundle, entryPoints: [path.join(repoRoot, "workers/gateway/index.ts")], outfile: path.join(outdir, "gateway.js") });

// The same gateway app called in a loop inside workerd, without HTTP: the Worker's own CPU per
// request, which is what the edge bills. Over loopback, Miniflare's HTTP server and entry Worker
// add several times that to every request, /healthz included.
await build({
  stdin: {
    contents: `
import { createGatewayApp } from ${JSON.stringify(path.join(repoRoot, "workers/gateway/gateway.app.ts"))};
const app = createGatewayApp();
let tokens = {};
export default {
  async fetch(request, env, ctx) {
    if (request.method === "POST") { tokens = await request.json(); return new Response("prepared"); }
    const scenario = new URL(request.url).searchParams.get("scenario");
    const list = tokens[scenario];
    let ok = 0;
    for (let i = 0; i < list.length; i++) {
      const headers = list[i] ? { authorization: "Bearer " + list[i] } : {};
      const response = await app.fetch(new Request(list[i] ? "http://gateway/api/whoami" : "http://gateway/healthz", { headers }), env, ctx);
      await response.arrayBuffer();
      if (response.status === 200) ok++;
    }
    return new Response(String(ok));
  },
};`,
    resolveDir: repoRoot,
    sourcefile: "in-isolate.js",
  },
  outfile: path.join(outdir, "in-isolate.js"),
  ...workerBundle,
});

const ecKeys = await generateKeyPair("ES256", { extractable: true });
const rsaKeys = await generateKeyPair("RS256", { extractable: true, modulusLength: 2048 });
const jwks = {
  keys: [
    { ...(await exportJWK(ecKeys.publicKey)), kid: "bench-es", alg: "ES256", use: "sig" },
    { ...(await exportJWK(rsaKeys.publicKey)), kid: "bench-rs", alg: "RS256", use: "sig" },
  ],
};
function signToken(alg: "ES256" | "RS256", jti: string): Promise<string> {
  return new SignJWT({ jti })
    .setProtectedHeader({ alg, kid: alg === "ES256" ? "bench-es" : "bench-rs", typ: "at+jwt" })
    .setIssuer("https://login.bank.example")
    .setAudience("teller")
    .setSubject("cus_bench")
    .setIssuedAt()
    .setExpirationTime("1h")
    .sign(alg === "ES256" ? ecKeys.privateKey : rsaKeys.privateKey);
}
const token = await signToken("ES256", "reused");

// Distinct tokens (a jti each), one per request of the cold scenarios, so each one is a full
// signature verification: more than a scenario can send in its time.
// 4,000 a second is about twice what one workerd isolate answers on this route.
const FRESH_TOKENS = Math.max(SECONDS * 4_000, 25_000); // and 25,000 for the in-isolate rounds
async function signTokens(alg: "ES256" | "RS256"): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < FRESH_TOKENS; i++) tokens.push(await signToken(alg, `bench-${alg}-${i}`));
  return tokens;
}
function supplyOf(tokens: string[]): () => string {
  let next = 0;
  return () => {
    if (next >= tokens.length) throw new Error("ran out of fresh tokens: raise FRESH_TOKENS");
    return tokens[next++]!;
  };
}
const es256Tokens = await signTokens("ES256");
const rs256Tokens = await signTokens("RS256");
const nextEs256Token = supplyOf(es256Tokens);
const nextRs256Token = supplyOf(rs256Tokens);

// The banking Worker reduced to the one call the gateway makes on this path.
const bankingStub = `
import { WorkerEntrypoint } from "cloudflare:workers";
export class BankingService extends WorkerEntrypoint { isCustomerActive() { return true; } }
export class ChatService extends WorkerEntrypoint {}
export default { fetch() { return new Response("stub"); } };`;

// The floor under a new token: the signature check alone, in the same workerd, on a key imported
// once — what any verifier pays per new token, whatever else it does. Signatures are decoded before
// the measured request; each is checked REPEATS times (nothing caches a verification) so that
// /proc's 10 ms ticks resolve about 1 µs. Three ways a Worker can check one: WebCrypto (what the
// gateway uses), node:crypto under nodejs_compat (P-256 with ieee-p1363 signatures; workerd takes
// only a JWK there, not a KeyObject, with that option), and RS256 through WebCrypto.
const signatureFloor = `
import nodeCrypto from "node:crypto";
const REPEATS = 5;
let prepared;
const bytes = (b64url) => Uint8Array.from(atob(b64url.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
export default {
  async fetch(request) {
    const { method, jwk, tokens } = await request.json();
    if (tokens) {
      const ascii = new TextEncoder();
      const signed = tokens.map((token) => ({ data: ascii.encode(token.slice(0, token.lastIndexOf("."))), signature: bytes(token.slice(token.lastIndexOf(".") + 1)) }));
      const rsa = jwk.kty === "RSA";
      const algorithm = rsa ? { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" } : { name: "ECDSA", namedCurve: "P-256" };
      prepared = { signed, jwk, key: await crypto.subtle.importKey("jwk", jwk, algorithm, false, ["verify"]), params: rsa ? { name: "RSASSA-PKCS1-v1_5" } : { name: "ECDSA", hash: "SHA-256" } };
      return new Response("prepared");
    }
    const { signed, key, params } = prepared;
    const nodeKey = { key: prepared.jwk, format: "jwk", dsaEncoding: "ieee-p1363" };
    let valid = 0;
    for (let r = 0; r < REPEATS; r++) {
      for (const { data, signature } of signed) {
        const ok = method === "node" ? nodeCrypto.verify("sha256", data, nodeKey, signature) : await crypto.subtle.verify(params, key, signature, data);
        if (ok) valid++;
      }
    }
    return new Response(String(valid / REPEATS));
  },
};`;

const gatewayWorker = (name: string, bundle: string) => ({
  name,
  modules: true,
  scriptPath: path.join(outdir, bundle),
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
});

// Written in Miniflare's documented (v4) option shape; this Miniflare converts it itself.
const mf = new Miniflare(convertV4MiniflareOptions({
  workers: [
    gatewayWorker("gateway", "gateway.js"),
    gatewayWorker("in-isolate", "in-isolate.js"),
    { name: "banking", modules: true, script: bankingStub, compatibilityDate: "2026-04-01" },
    { name: "signature-floor", modules: true, script: signatureFloor, compatibilityDate: "2026-04-01", compatibilityFlags: ["nodejs_compat"] },
  ],
  port: 0,
  logRequests: false,
}));

try {
  const url = await mf.ready;
  const healthz = () => fetch(new URL("/healthz", url));
  const whoamiWith = (jwt: string) => fetch(new URL("/api/whoami", url), { headers: { authorization: `Bearer ${jwt}` } });
  const whoami = () => whoamiWith(token);
  const check = await whoami();
  if (check.status !== 200) throw new Error(`whoami answered ${check.status}: ${await check.text()}`);

  await runLoad("warm-up", { concurrency: CONCURRENCY, seconds: 2 }, (_, n) => (n % 2 ? healthz() : whoami()));
  // Alternating slices, so load from elsewhere on a shared machine falls on all scenarios alike.
  const slice = { concurrency: CONCURRENCY, seconds: SECONDS / ROUNDS };
  const scenarios: Array<[string, () => Promise<Response>]> = [
    ["GET /healthz (no auth)", healthz],
    ["GET /api/whoami, token reused (verified once)", whoami],
    ["GET /api/whoami, new ES256 token every request", () => whoamiWith(nextEs256Token())],
    ["GET /api/whoami, new RS256 token every request", () => whoamiWith(nextRs256Token())],
  ];
  const rounds: LoadResult[][] = scenarios.map(() => []);
  // workerd's own CPU time per scenario: steadier than throughput on a shared machine, since the
  // load generator and anything else running compete for the same cores.
  const workerd = workerdProcesses();
  const cpu = scenarios.map(() => 0);
  for (let round = 1; round <= ROUNDS; round++) {
    for (const [i, [label, send]] of scenarios.entries()) {
      const before = cpuSeconds(workerd);
      rounds[i]!.push(await runLoad(`${label} #${round}`, slice, send));
      cpu[i]! += cpuSeconds(workerd) - before;
    }
  }
  const [unauthenticated, authenticated, coldEs256, coldRs256] = scenarios.map(([label], i) => combine(label, rounds[i]!)) as [LoadResult, LoadResult, LoadResult, LoadResult];
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
  printResults([unauthenticated, authenticated, coldEs256, coldRs256]);
  for (const [i, what, result] of [[1, "token reused", authenticated], [2, "new ES256 token every request", coldEs256], [3, "new RS256 token every request", coldRs256]] as const) {
    const kept = result.perSecond / unauthenticated.perSecond;
    const perRound = rounds[i]!.map((r, round) => r.perSecond / rounds[0]![round]!.perSecond).sort((a, b) => a - b);
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    console.log(
      `\n${what}: ${pct(kept)} of the unauthenticated throughput (cost ${pct(1 - kept)}, target ≤ 10%); ` +
        `per round ${pct(perRound[0]!)}–${pct(perRound.at(-1)!)}, median ${pct(median(perRound))}; ` +
        `p99 ${unauthenticated.p99.toFixed(1)} → ${result.p99.toFixed(1)} ms`,
    );
  }
  const floors = await signatureFloors(workerd);
  const inIsolate = await inIsolateMicros(workerd, scenarios.map(([label]) => label));
  if (workerd.length > 0) {
    const perRequest = scenarios.map((_, i) => (cpu[i]! / rounds[i]!.reduce((sum, r) => sum + r.requests, 0)) * 1e6);
    console.log(`\nworkerd CPU per request (all its threads, /proc): ${scenarios.map(([label], i) => `${label}: ${perRequest[i]!.toFixed(0)} µs`).join("; ")}`);
    for (const i of [1, 2, 3]) {
      console.log(`  ${scenarios[i]![0]}: +${(perRequest[i]! - perRequest[0]!).toFixed(0)} µs, throughput at the same CPU ${((100 * perRequest[0]!) / perRequest[i]!).toFixed(1)}% of /healthz`);
    }
  }
  if (floors && workerd.length > 0) {
    const healthzMicros = (cpu[0]! / rounds[0]!.reduce((sum, r) => sum + r.requests, 0)) * 1e6;
    console.log(`  the floor, the signature check alone (same workerd, key imported once), µs CPU per token, and what it alone would cost against /healthz (F / (H + F)):`);
    for (const [label, micros] of floors) console.log(`    ${label}: ${micros.toFixed(1)} µs → ${((100 * micros) / (healthzMicros + micros)).toFixed(1)}%`);
  }
  if (inIsolate) {
    console.log(`\nthe gateway app alone, called in a loop in workerd (no HTTP, no Miniflare entry Worker), µs CPU per request, median of 4 rounds (after one to warm up), including the loop's own Request:`);
    for (const [label, micros] of inIsolate) console.log(`  ${label}: ${micros.toFixed(1)} µs (${((100 * inIsolate[0]![1]) / micros).toFixed(1)}% of /healthz's throughput at the same CPU)`);
  }
  console.log(`ES256 jwtVerify alone (Node, jose): ${verifyMicros.toFixed(0)} µs per token`);
  if (unauthenticated.errors + authenticated.errors + coldEs256.errors + coldRs256.errors > 0) console.log("WARNING: some requests failed; the figures above are not valid");
} finally {
  await mf.dispose();
  rmSync(outdir, { recursive: true, force: true });
}

/** workerd CPU per signature check alone (µs), by primitive: unused tokens, checked in one request each. */
async function signatureFloors(pids: number[]): Promise<Array<[string, number]> | undefined> {
  if (pids.length === 0) return undefined;
  const floorWorker = await mf.getWorker("signature-floor");
  const post = async (body: object) => (await floorWorker.fetch("http://floor/", { method: "POST", body: JSON.stringify(body) })).text();
  const floors: Array<[string, number]> = [];
  for (const [label, alg, method] of [["ES256, WebCrypto (the gateway's)", "ES256", "subtle"], ["ES256, node:crypto", "ES256", "node"], ["RS256, WebCrypto", "RS256", "subtle"]] as const) {
    const tokens = Array.from({ length: 2_000 }, alg === "ES256" ? nextEs256Token : nextRs256Token);
    await post({ jwk: jwks.keys[alg === "ES256" ? 0 : 1], tokens });
    await post({ method }); // warm
    const before = cpuSeconds(pids);
    const valid = Number(await post({ method }));
    const seconds = cpuSeconds(pids) - before;
    if (valid !== tokens.length) throw new Error(`signature floor ${label}: ${valid} of ${tokens.length} verified`);
    floors.push([label, (seconds / (tokens.length * 5)) * 1e6]);
  }
  return floors;
}

/** The gateway app's CPU per request inside workerd (app.fetch in a loop), per scenario: median of rounds. */
async function inIsolateMicros(pids: number[], labels: string[]): Promise<Array<[string, number]> | undefined> {
  if (pids.length === 0) return undefined;
  const harness = await mf.getWorker("in-isolate");
  // 5,000 requests a round resolve 2 µs with /proc's 10 ms ticks. New tokens need only be new to
  // this harness's isolate: each round takes its own slice of all the signed ones.
  const PER_ROUND = 5_000;
  const ROUNDS_IN_ISOLATE = 5;
  if (PER_ROUND * ROUNDS_IN_ISOLATE > FRESH_TOKENS) throw new Error("too few fresh tokens for the in-isolate rounds");
  const micros: number[][] = labels.map(() => []);
  for (let round = 0; round < ROUNDS_IN_ISOLATE; round++) {
    const fresh = (all: string[]) => all.slice(round * PER_ROUND, (round + 1) * PER_ROUND);
    const scenarioTokens = [Array<string>(PER_ROUND).fill(""), Array<string>(PER_ROUND).fill(token), fresh(es256Tokens), fresh(rs256Tokens)];
    const tokens = Object.fromEntries(scenarioTokens.map((list, i) => [i, list]));
    await (await harness.fetch("http://harness/", { method: "POST", body: JSON.stringify(tokens) })).text();
    for (const i of scenarioTokens.keys()) {
      const before = cpuSeconds(pids);
      const ok = Number(await (await harness.fetch(`http://harness/?scenario=${i}`)).text());
      const seconds = cpuSeconds(pids) - before;
      if (ok !== PER_ROUND) throw new Error(`in-isolate ${labels[i]}: ${ok} of ${PER_ROUND} answered 200`);
      if (round > 0) micros[i]!.push((seconds / PER_ROUND) * 1e6); // round 0 warms up
    }
  }
  return labels.map((label, i) => [label, median(micros[i]!.sort((a, b) => a - b))]);
}

/** Of a sorted list. */
function median(sorted: number[]): number {
  const middle = sorted.length / 2;
  return Number.isInteger(middle) ? (sorted[middle - 1]! + sorted[middle]!) / 2 : sorted[Math.floor(middle)]!;
}

/** All slices of a scenario: throughput over their total time; p50/p99 the worst slice's. */
function combine(label: string, parts: LoadResult[]): LoadResult {
  const requests = parts.reduce((sum, p) => sum + p.requests, 0);
  const seconds = parts.reduce((sum, p) => sum + p.seconds, 0);
  return {
    label: `${label} (all slices)`,
    requests,
    errors: parts.reduce((sum, p) => sum + p.errors, 0),
    errorKinds: parts.reduce<Record<string, number>>((kinds, p) => {
      for (const [kind, n] of Object.entries(p.errorKinds)) kinds[kind] = (kinds[kind] ?? 0) + n;
      return kinds;
    }, {}),
    seconds,
    perSecond: requests / seconds,
    p50: Math.max(...parts.map((p) => p.p50)),
    p99: Math.max(...parts.map((p) => p.p99)),
    latencies: [],
    failures: parts.flatMap((p) => p.failures).slice(0, 3),
  };
}

/** The workerd processes Miniflare started for this run (Linux /proc; none elsewhere). */
function workerdProcesses(): number[] {
  try {
    return readdirSync("/proc")
      .filter((entry) => /^\d+$/.test(entry))
      .filter((pid) => {
        try {
          const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
          const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
          const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
          return name.includes("workerd") && parent === process.pid;
        } catch {
          return false;
        }
      })
      .map(Number);
  } catch {
    return [];
  }
}

/** User + system CPU seconds of those processes (clock ticks of 1/100 s). */
function cpuSeconds(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / 100;
}

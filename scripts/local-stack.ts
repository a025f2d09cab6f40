import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./db/embedded-postgres.js";
import { startWsProxy, type WsProxy } from "./db/ws-proxy.js";
import { migrateDatabase } from "./db/migrate.js";
import { generateDevIdpKey, generateDevTranscriptKeys } from "./lib/dev-keys.js";
import { parse as parseToml } from "smol-toml";
import { freePort } from "../test/support/free-port.js";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface LocalStackOptions {
  /** Where the gateway listens (default 8787). */
  port?: number;
  /** Any Postgres / Neon; unset → the embedded PGlite. */
  databaseUrl?: string;
  /** Folder for embedded data, the dev key and wrangler state; "memory" for a throwaway stack. */
  stateDir?: string;
  /** Build the web app first (default true). */
  buildWeb?: boolean;
  log?: (line: string) => void;
  /** Where wrangler's own output goes (default: inherited). */
  /** Where wrangler dev writes its output and the Workers' logs: this process's, nowhere, a pipe, or an open file (its descriptor). */
  wranglerOutput?: "inherit" | "ignore" | "pipe" | number;
  /** wrangler dev's --log-level: "warn" (the default) hides the Workers' console.log lines; "log" keeps them. */
  wranglerLogLevel?: "warn" | "info" | "log" | "debug";
  /**
   * Multiplies the gateway's rate limits and the ChatSession's socket budgets (benchmarks drive far
   * more than one customer's worth of traffic from one address). The limiters still run on every request.
   */
  rateLimitScale?: number;
  /** Extra vars for the chat Worker (local fault switches such as FAULT_QUEUE_SEND_FAIL_RATE). */
  chatVars?: Record<string, string>;
  /**
   * Server connections the local pooler holds to a Postgres server (clients wait for one only
   * during a transaction, as behind Neon's pooler). Default: 20, or half the server's
   * max_connections if that is fewer.
   */
  dbSessions?: number;
}

/**
 * Where a throwaway stack (benchmarks, `npm run load`) keeps its state: tmpfs when the machine has
 * one, else `.data/`. Local Durable Object storage is SQLite files that workerd fsyncs on every
 * commit; on a virtual disk that is ~5 ms an fsync (this CI machine), several per turn, which
 * measured the disk rather than Teller (a first turn 102 → 44 ms p50 in bench:first-turn).
 * Cloudflare's Durable Objects confirm writes by replication, not a local fsync. tmpfs survives a
 * `kill -9` of the Workers, which is all a throwaway stack's faults need.
 * TELLER_THROWAWAY_DIR overrides (e.g. `.data` to measure with the disk).
 */
export function throwawayBase(): string {
  const chosen = process.env.TELLER_THROWAWAY_DIR;
  if (chosen) return path.resolve(chosen);
  return tmpfsRoom("/dev/shm") >= MIN_TMPFS_BYTES ? "/dev/shm/teller" : path.join(repoRoot, ".data");
}

/** A 2,000-customer load run keeps ~2,000 objects' SQLite files; containers often give /dev/shm 64 MB. */
const MIN_TMPFS_BYTES = 2 * 1024 ** 3;

function tmpfsRoom(dir: string): number {
  try {
    const stats = statfsSync(dir);
    return stats.bavail * stats.bsize;
  } catch {
    return 0;
  }
}

export interface LocalStack {
  url: string;
  databaseUrl: string;
  /** The WebSocket proxy in front of Postgres: the way in while the embedded one is in use. */
  proxyAddress: string;
  /** The development identity provider's signing key (benchmarks sign tokens for many customers). */
  devIdpPrivateJwk: string;
  /** The chat Worker's transcript master keyring (tests read transcripts in clear with it). */
  transcriptKeys: { TRANSCRIPT_MASTER_KEYS: string; TRANSCRIPT_MASTER_KEY_ID: string };
  databaseKind: "embedded" | "server";
  /** wrangler dev's --persist-to folder (Durable Object storage, local only). */
  persistDir: string;
  /** The WebSocket proxy's session counts (held, waiting, closed at rest, refused in an outage). */
  dbStats(): ReturnType<WsProxy["stats"]>;
  /** Fault injection: Postgres unreachable for `ms` (the proxy cuts every session and refuses new ones). */
  dbOutage(ms: number): Promise<void>;
  /**
   * Fault injection: kills the Workers process (kill -9: both Workers, every Durable Object) and
   * starts it again; `whileDown` runs in between, when what survived the crash can be read.
   */
  restartWorkers(whileDown?: () => void | Promise<void>): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The whole product on loopback: Postgres (embedded unless a URL is given), the WebSocket proxy,
 * migrations and demo data, the web app build, and `wrangler dev` running the gateway and chat
 * Workers with their Durable Objects and queues.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const log = options.log ?? ((line: string) => console.log(line));
  // Before anything else: with the port taken, wrangler failed only after the rest had started, and
  // the health check had already found the *other* server there and printed "Teller is ready".
  const port = options.port ?? 8787;
  await assertPortFree(port);
  const throwaway = options.stateDir === "memory";
  const stateDir = throwaway
    ? path.join(throwawayBase(), `run-${process.pid}-${Date.now().toString(36)}`)
    : path.resolve(options.stateDir ?? path.join(repoRoot, ".data"));
  mkdirSync(stateDir, { recursive: true });
  const cleanups: Array<() => Promise<void>> = [];
  if (throwaway) cleanups.push(async () => rmSync(stateDir, { recursive: true, force: true }));
  const stop = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  };

  try {
    // 1. Postgres
    let databaseUrl = options.databaseUrl;
    let embedded: EmbeddedPostgres | undefined;
    if (!databaseUrl) {
      embedded = await startEmbeddedPostgres({ dataDir: throwaway ? undefined : path.join(stateDir, "pglite") });
      cleanups.push(() => embedded!.stop());
      databaseUrl = embedded.url;
      log(`postgres   embedded PGlite on 127.0.0.1:${embedded.port}${throwaway ? " (in memory)" : ` (data in ${path.relative(repoRoot, stateDir)}/pglite)`}`);
    } else {
      log(`postgres   ${redactUrl(databaseUrl)}`);
    }
    const target = new URL(databaseUrl);
    const proxy: WsProxy = await startWsProxy({
      allowedTargets: [`${target.hostname}:${target.port || 5432}`],
      // The embedded Postgres's port is a pooler already (embedded-postgres.ts): piped as it is.
      // A server gets a transaction-mode pooler, as Neon's pooled endpoint: 20 server
      // connections (PgBouncer's default pool size) unless the server allows fewer.
      ...(embedded
        ? {}
        : { pool: { size: options.dbSessions ?? Math.min(20, await serverSessionBudget(databaseUrl)), user: decodeURIComponent(target.username || "postgres"), password: decodeURIComponent(target.password) } }),
      log: (line) => log(`ws-proxy   ${line}`),
    });
    cleanups.push(() => proxy.close());

    // 2. Schema and demo data
    await migrateDatabase(databaseUrl);
    const seeded = await seedIfAvailable(databaseUrl);
    log(`database   migrated${seeded ? ", demo customers seeded" : ""}`);

    // 3. Web app
    if (options.buildWeb !== false) {
      const { build } = await import("vite");
      await build({ configFile: path.join(repoRoot, "web/vite.config.ts"), logLevel: "warn" });
      log("web        built web/dist");
    }

    // 4. Workers
    const devKey = await loadOrCreateDevKey(path.join(stateDir, "dev-idp-key.json"), throwaway);
    const gatewayEnvFile = path.join(stateDir, "gateway.env");
    writeFileSync(gatewayEnvFile, `DEV_IDP_PRIVATE_JWK=${devKey}\n`, { mode: 0o600 });
    const transcriptKeys = loadOrCreateTranscriptKeys(path.join(stateDir, "transcript-master-keys.json"), throwaway);
    const chatConfig = await writeChatConfig(path.join(stateDir, "chat.wrangler.json"), {
      ...transcriptKeys,
      DATABASE_URL: databaseUrl,
      DB_WS_PROXY: proxy.address,
      DB_MAX_CONNECTIONS: embedded ? "1" : "4",
      // The ChatSession's socket budgets scale with the gateway's limits.
      ...(options.rateLimitScale ? { SOCKET_RATE_LIMIT_SCALE: String(options.rateLimitScale) } : {}),
      ...options.chatVars,
    });
    const gatewayConfig = options.rateLimitScale
      ? await writeGatewayConfig(path.join(stateDir, "gateway.wrangler.json"), options.rateLimitScale)
      : "wrangler.toml";
    const wranglerArgs = [
      "dev",
      "-c", gatewayConfig,
      "-c", chatConfig,
      "--ip", "127.0.0.1",
      "--port", String(port),
      // TELLER_INSPECTOR_PORT fixes the DevTools port, to profile the Workers under `npm run load`.
      "--inspector-port", String(process.env.TELLER_INSPECTOR_PORT ?? (await freePort())),
      "--env-file", gatewayEnvFile,
      "--persist-to", path.join(stateDir, "wrangler"),
      "--show-interactive-dev-session=false",
      "--log-level", options.wranglerLogLevel ?? "warn",
    ];
    const startWrangler = () =>
      spawn(path.join(repoRoot, "node_modules/.bin/wrangler"), wranglerArgs, {
        cwd: repoRoot,
        env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", NO_COLOR: "1" },
        stdio: ["ignore", options.wranglerOutput ?? "inherit", options.wranglerOutput ?? "inherit"],
        detached: true,
      });
    let wrangler = startWrangler();
    cleanups.push(() => stopProcess(wrangler));
    const url = `http://127.0.0.1:${port}`;
    await waitForHealth(url, wrangler);
    log(`workers    gateway + chat on ${url}`);
    return {
      url,
      databaseUrl,
      proxyAddress: proxy.address,
      devIdpPrivateJwk: devKey,
      transcriptKeys,
      databaseKind: embedded ? "embedded" : "server",
      persistDir: path.join(stateDir, "wrangler"),
      dbOutage: (ms) => proxy.outage(ms),
      dbStats: () => proxy.stats(),
      async restartWorkers(whileDown) {
        // SIGKILL: a crash, not a shutdown. Durable Object storage survives in --persist-to.
        await stopProcess(wrangler, "SIGKILL");
        await whileDown?.();
        wrangler = startWrangler();
        await waitForHealth(url, wrangler);
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The seed ships with the banking core; until then the stack runs without demo accounts. */
async function seedIfAvailable(databaseUrl: string): Promise<boolean> {
  const seedModule = path.join(repoRoot, "scripts/db/seed.ts");
  if (!existsSync(seedModule)) return false;
  const { seedDemoData } = (await import(seedModule)) as { seedDemoData?: (url: string) => Promise<void> };
  if (!seedDemoData) return false;
  await seedDemoData(databaseUrl);
  return true;
}

/**
 * wrangler dev applies --env-file to the first Worker only, and a shared .dev.vars beside the chat
 * config would be clobbered by a second stack (tests run one while `npm start` runs): the chat
 * Worker gets a per-stack copy of its config with these vars added.
 */
async function writeChatConfig(file: string, vars: Record<string, string>): Promise<string> {
  const source = path.join(repoRoot, "workers/chat/wrangler.toml");
  const rawConfig = readToml(source) as { main?: string; vars?: Record<string, string> };
  const config = {
    ...rawConfig,
    main: path.resolve(path.dirname(source), rawConfig.main ?? "index.ts"),
    vars: { ...(rawConfig.vars ?? {}), ...vars },
  };
  writeFileSync(file, JSON.stringify(config, null, 2), { mode: 0o600 });
  return file;
}

/**
 * Reads a wrangler.toml as data. Not through wrangler's own reader: importing wrangler installs
 * SIGINT/SIGTERM handlers that exit at once, before Ctrl-C could stop what `npm start` started.
 */
function readToml(file: string): Record<string, unknown> {
  return parseToml(readFileSync(file, "utf8")) as Record<string, unknown>;
}

/** A copy of the gateway's config with its rate limits multiplied (benchmarks only). */
async function writeGatewayConfig(file: string, scale: number): Promise<string> {
  type RateLimit = { name: string; namespace_id: string; simple: { limit: number; period: number } };
  const raw = readToml(path.join(repoRoot, "wrangler.toml")) as {
    main?: string;
    assets?: { directory?: string };
    ratelimits?: RateLimit[];
  };
  const config = {
    ...raw,
    main: path.resolve(repoRoot, raw.main ?? "workers/gateway/index.ts"),
    assets: raw.assets ? { ...raw.assets, directory: path.resolve(repoRoot, raw.assets.directory ?? "web/dist") } : undefined,
    ratelimits: raw.ratelimits?.map((r: RateLimit) => ({ ...r, simple: { ...r.simple, limit: r.simple.limit * scale } })),
  };
  writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}

/** The development identity provider's key survives restarts, so signed-in tabs stay signed in. */
/** The local transcript master keyring: kept with the embedded data, which is unreadable without it. */
function loadOrCreateTranscriptKeys(file: string, throwaway: boolean): ReturnType<typeof generateDevTranscriptKeys> {
  if (!throwaway && existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as ReturnType<typeof generateDevTranscriptKeys>;
  const keys = generateDevTranscriptKeys();
  writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
  return keys;
}

async function loadOrCreateDevKey(file: string, throwaway: boolean): Promise<string> {
  if (!throwaway && existsSync(file)) return readFileSync(file, "utf8").trim();
  const key = await generateDevIdpKey();
  writeFileSync(file, key, { mode: 0o600 });
  return key;
}

/** Thrown when the gateway's port is taken; `npm start` prints its message alone. Its code is Node's, so onFreePort tries another port. */
export class PortInUseError extends Error {
  readonly code = "EADDRINUSE";
}

async function assertPortFree(port: number): Promise<void> {
  const { createServer } = await import("node:net");
  const free = await new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
  if (!free) {
    throw new PortInUseError(
      `127.0.0.1:${port} is already in use (another \`npm start\`?). Stop it, or start on another port: PORT=${port + 1} npm start`,
    );
  }
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: number | null = null;
  child.once("exit", (code) => (exited = code ?? -1));
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`wrangler dev exited with code ${exited}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the gateway did not answer ${url}/healthz within ${timeoutMs / 1000} s`);
}

/** Stops wrangler and its workerd children (they share its process group). */
async function stopProcess(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // already gone
    }
  }, 5_000);
  await exited;
  clearTimeout(timer);
}

/** Half the server's connections: the rest stay for other clients (psql, tests, migrations). */
async function serverSessionBudget(databaseUrl: string): Promise<number> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    const { rows } = await client.query("SHOW max_connections");
    return Math.max(4, Math.floor(Number(rows[0].max_connections) / 2));
  } catch {
    return 20;
  } finally {
    await client.end().catch(() => {});
  }
}

function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

import pg from "pg";
import { startEmbeddedPostgres } from "../../scripts/db/embedded-postgres.js";
import { startWsProxy } from "../../scripts/db/ws-proxy.js";
import { migrateDatabase } from "../../scripts/db/migrate.js";

/**
 * The Postgres the tests run against: a throwaway database on the server named by
 * TEST_DATABASE_URL (CI always sets it: real concurrency), else an in-memory embedded PGlite.
 * Either way it is migrated and reachable through the WebSocket proxy, as in the local stack.
 */
export interface TestDatabase {
  kind: "server" | "embedded";
  /** Connection string of the test database itself. */
  url: string;
  proxyAddress: string;
  stop(): Promise<void>;
}

/** Decided when the config loads, because the Workers' bindings are fixed from then on. */
export interface TestDatabasePlan {
  kind: "server" | "embedded";
  url: string;
  proxyPort: number;
  embeddedPort: number;
  /** The server URL to create the throwaway database through. */
  serverUrl?: string;
  databaseName?: string;
}

export function planTestDatabase(ports: { proxyPort: number; embeddedPort: number }): TestDatabasePlan {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const databaseName = throwawayDatabaseName("teller_test");
    return { kind: "server", url: withDatabase(serverUrl, databaseName), serverUrl, databaseName, ...ports };
  }
  return { kind: "embedded", url: `postgres://postgres:postgres@127.0.0.1:${ports.embeddedPort}/postgres`, ...ports };
}

export async function startTestDatabase(plan: TestDatabasePlan): Promise<TestDatabase> {
  const database = await openDatabase(plan);
  await migrateDatabase(database.url);
  // PGlite serves one session at a time, but the embedded Postgres's port queues its clients by
  // transaction (scripts/db/embedded-postgres.ts); a server takes them concurrently.
  const proxy = await startWsProxy({ port: plan.proxyPort, allowedTargets: [database.target] });
  return {
    kind: database.kind,
    url: database.url,
    proxyAddress: proxy.address,
    async stop() {
      await proxy.close();
      await database.release();
    },
  };
}

/** The database itself: a throwaway one on the server, or an embedded PGlite. */
async function openDatabase(plan: TestDatabasePlan): Promise<{ kind: TestDatabase["kind"]; url: string; target: string; release(): Promise<void> }> {
  if (plan.kind === "server" && plan.serverUrl && plan.databaseName) {
    const database = await createThrowawayDatabase(plan.serverUrl, plan.databaseName);
    const target = new URL(database.url);
    return { kind: "server", url: database.url, target: `${target.hostname}:${target.port || 5432}`, release: () => database.drop() };
  }
  const embedded = await startEmbeddedPostgres({ port: plan.embeddedPort });
  return { kind: "embedded", url: embedded.url, target: `${embedded.host}:${embedded.port}`, release: () => embedded.stop() };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A database name no other run on this server uses. */
export function throwawayDatabaseName(prefix: string): string {
  return `${prefix}_${process.pid}_${Date.now().toString(36)}`;
}

/**
 * A fresh database on the server at `serverUrl` (tests, e2e, benchmarks), dropped by the
 * returned function.
 */
export async function createThrowawayDatabase(serverUrl: string, name: string): Promise<{ url: string; drop(): Promise<void> }> {
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  return { url: withDatabase(serverUrl, name), drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

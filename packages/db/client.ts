import { Pool, neonConfig } from "@neondatabase/serverless";
import { drizzle } from "drizzle-orm/neon-serverless";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema/index.js";

export type Schema = typeof schema;
/**
 * Any drizzle Postgres database over our schema: the Neon driver in Workers, node-postgres in
 * Node tooling. Domain code depends on this, never on a driver.
 */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface DbConfig {
  /** postgres://… connection string (Neon in production, any Postgres locally). */
  databaseUrl: string;
  /**
   * "127.0.0.1:8788" — our local WebSocket-to-TCP proxy. Unset in production, where Neon
   * terminates WebSockets itself.
   */
  wsProxy?: string | undefined;
  /** Upper bound of connections this request's pool may open. The embedded PGlite wants 1. */
  maxConnections?: number | undefined;
  /** A socket idle this long is closed (default 10 s). */
  idleTimeoutMs?: number | undefined;
  /**
   * Give up on opening a connection, or on a query's answer, after this long. Unset: wait
   * forever, so a connection that dies silently (a dropped WebSocket to the database) would hold
   * its caller — a queue consumer invocation, and the whole queue behind it — indefinitely.
   */
  timeoutMs?: number | undefined;
}

export interface DbHandle {
  db: Db;
  /** Closes the pool's sockets; call from ctx.waitUntil() once the request is answered. */
  end(): Promise<void>;
}

/**
 * Points the Neon driver at our local WebSocket-to-TCP proxy ("127.0.0.1:8788"). The driver's
 * settings are module-wide; Node callers (tests) also set `neonConfig.webSocketConstructor`.
 */
export function useLocalProxy(proxy: string): void {
  neonConfig.wsProxy = (host, port) => `${proxy}/v2?address=${host}:${port}`;
  neonConfig.useSecureWebSocket = false;
  // The proxy speaks plain TCP to Postgres: no TLS to pipeline, and SCRAM needs round trips.
  neonConfig.pipelineTLS = false;
  neonConfig.pipelineConnect = false;
}

/**
 * A pool per request, as Neon recommends for Workers: sockets cannot outlive the request that
 * opened them, so a module-level pool would hand out dead connections.
 */
export function openDb(config: DbConfig): DbHandle {
  if (config.wsProxy) useLocalProxy(config.wsProxy);
  const pool = new Pool({
    connectionString: config.databaseUrl,
    max: config.maxConnections ?? 4,
    ...(config.idleTimeoutMs !== undefined ? { idleTimeoutMillis: config.idleTimeoutMs } : {}),
    ...(config.timeoutMs !== undefined ? { connectionTimeoutMillis: config.timeoutMs, query_timeout: config.timeoutMs } : {}),
  });
  // An idle socket that breaks is dropped by the pool; without a listener the event would throw.
  pool.on("error", () => {});
  const db = drizzle({ client: pool, schema });
  return { db, end: () => pool.end() };
}

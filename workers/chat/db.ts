import type { Db, DbHandle } from "../../packages/db/client.js";
import { sqlState } from "../../packages/banking/db.js";
import { describeError } from "../../packages/logging/log-error.js";
import { DB_TIMEOUT_MS, openDbDeferred } from "../../packages/db/deferred-client.js";
import type { ChatEnv } from "./env.js";

const END_WAIT_MS = 2_000;

/**
 * Opens this request's pool and closes it after the response, off the critical path. Async: the
 * driver loads on first use (packages/db/deferred-client.ts).
 */
export async function requestDb(env: ChatEnv, ctx: { waitUntil(promise: Promise<unknown>): void }): Promise<DbHandle> {
  const handle = await openDbDeferred({
    databaseUrl: env.DATABASE_URL,
    wsProxy: env.DB_WS_PROXY || undefined,
    maxConnections: env.DB_MAX_CONNECTIONS ? Number(env.DB_MAX_CONNECTIONS) : undefined,
    timeoutMs: DB_TIMEOUT_MS,
  });
  return {
    db: handle.db,
    end: () => {
      // pool.end() waits for every socket's close; one that died without a close event (a cut
      // WebSocket to the database) would keep it pending for good — and, awaited by the queue
      // consumer, hold its invocation and every message queued behind it. Bounded, then left.
      const ending = Promise.race([handle.end().catch(() => {}), delay(END_WAIT_MS)]);
      ctx.waitUntil(ending);
      return ending;
    },
  };
}

/** A failure sooner than this, with no SQLSTATE, is a dropped connection rather than an unreachable database. */
const DROPPED_WITHIN_MS = 2_000;

/**
 * A read over a request pool, tried once more on a new pool when the connection dropped before
 * Postgres answered (no SQLSTATE, and quickly: not a timeout, which stays a failure). A pooled
 * connection can drop between a pooler and its database; the customer's balance should not fail
 * for it.
 * Reads only: a write whose answer was lost may have committed.
 */
export async function readWithRetry<T>(
  env: ChatEnv,
  ctx: { waitUntil(promise: Promise<unknown>): void },
  read: (db: Db) => Promise<T>,
  /** Wait for the pool to close before answering (the caller calls a Durable Object next: see StaffService). */
  options: { closeFirst?: boolean } = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const started = Date.now();
    const { db, end } = await requestDb(env, ctx);
    try {
      return await read(db);
    } catch (error) {
      const dropped = sqlState(error) === undefined && Date.now() - started < DROPPED_WITHIN_MS;
      if (attempt >= 2 || !dropped) throw error;
      console.warn(JSON.stringify({ msg: "read retried after a dropped database connection", error: describeError(error) }));
    } finally {
      if (options.closeFirst) await end();
      else void end();
    }
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

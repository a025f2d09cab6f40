import type { DbHandle } from "../../packages/db/client.js";
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

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

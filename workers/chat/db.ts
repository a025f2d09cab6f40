import { DB_TIMEOUT_MS, openDb, type DbHandle } from "../../packages/db/client.js";
import type { ChatEnv } from "./env.js";

/** Opens this request's pool and closes it after the response, off the critical path. */
export function requestDb(env: ChatEnv, ctx: { waitUntil(promise: Promise<unknown>): void }): DbHandle {
  const handle = openDb({
    databaseUrl: env.DATABASE_URL,
    wsProxy: env.DB_WS_PROXY || undefined,
    maxConnections: env.DB_MAX_CONNECTIONS ? Number(env.DB_MAX_CONNECTIONS) : undefined,
    timeoutMs: DB_TIMEOUT_MS,
  });
  return {
    db: handle.db,
    end: () => {
      const ending = handle.end().catch(() => {});
      ctx.waitUntil(ending);
      return ending;
    },
  };
}

import type * as Client from "./client.js";
import type { DbConfig, DbHandle } from "./client.js";
import { lazyModule } from "../lazy-module/lazy-module.js";

/**
 * A connection or query that has not answered in this long has failed: the caller retries (the
 * queue consumer's messages are retried, an RPC answers 503) instead of waiting for good.
 */
export const DB_TIMEOUT_MS = 15_000;

/**
 * openDb() behind a dynamic import, for the chat Worker: the Neon driver (and drizzle's driver
 * for it) then run their top level on the first turn that needs Postgres, not in every fresh
 * isolate's startup (~15 ms of it; an FAQ turn never touches Postgres). The bundler keeps one
 * script and wraps client.ts in an initialiser; workerd compiles it either way.
 */
const client = lazyModule((): Promise<typeof Client> => import("./client.js"));

export async function openDbDeferred(config: DbConfig): Promise<DbHandle> {
  const { openDb } = await client();
  return openDb(config);
}

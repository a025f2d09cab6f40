import { afterAll, beforeAll } from "vitest";
import { startEmbeddedPostgres } from "../../scripts/db/embedded-postgres.js";
import { migrateDatabase } from "../../scripts/db/migrate.js";
import { createThrowawayDatabase, throwawayDatabaseName } from "./test-database.js";

/**
 * A fresh, migrated Postgres for one Node test file: a throwaway database on the server at
 * TEST_DATABASE_URL, else an embedded PGlite; created before the file's tests, dropped after.
 * Call at the top of the file; read `url` inside tests.
 */
export function useMigratedDatabase(prefix: string): { readonly url: string } {
  let url: string | undefined;
  let stop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const server = process.env.TEST_DATABASE_URL;
    if (server) {
      const database = await createThrowawayDatabase(server, throwawayDatabaseName(prefix));
      [url, stop] = [database.url, database.drop];
    } else {
      const embedded = await startEmbeddedPostgres({});
      [url, stop] = [embedded.url, embedded.stop];
    }
    await migrateDatabase(url);
  }, 60_000);
  afterAll(async () => stop?.());
  return {
    get url() {
      if (url === undefined) throw new Error("the test database is not ready (read its url inside a test)");
      return url;
    },
  };
}

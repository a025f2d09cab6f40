import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { sql } from "drizzle-orm";
import { DB_TIMEOUT_MS, openDbDeferred } from "./deferred-client.js";

const bindings = env as unknown as { DATABASE_URL: string; DB_WS_PROXY: string };

describe("openDbDeferred", () => {
  it("loads the driver on first use and opens a working pool", async () => {
    const { db, end } = await openDbDeferred({ databaseUrl: bindings.DATABASE_URL, wsProxy: bindings.DB_WS_PROXY, maxConnections: 1, timeoutMs: DB_TIMEOUT_MS });
    try {
      const rows = (await db.execute(sql`SELECT 6 * 7 AS answer`)) as unknown as { rows: Array<{ answer: number }> };
      expect(rows.rows).toEqual([{ answer: 42 }]);
    } finally {
      await end();
    }
  });
});

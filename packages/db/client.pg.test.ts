import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { sql } from "drizzle-orm";
import { neonConfig } from "@neondatabase/serverless";
import { openDb, useLocalProxy } from "./client.js";
import { customers } from "./schema/banking.js";

const bindings = env as unknown as { DATABASE_URL: string; DB_WS_PROXY: string };

describe("openDb", () => {
  it("opens a pool over the Workers' driver, through the local proxy, with the whole schema", async () => {
    const { db, end } = openDb({ databaseUrl: bindings.DATABASE_URL, wsProxy: bindings.DB_WS_PROXY, maxConnections: 1, timeoutMs: 10_000 });
    try {
      const rows = (await db.execute(sql`SELECT 1 + 1 AS two`)) as unknown as { rows: Array<{ two: number }> };
      expect(rows.rows).toEqual([{ two: 2 }]);
      expect(await db.select({ id: customers.id }).from(customers).where(sql`false`)).toEqual([]);
    } finally {
      await end();
    }
  });

  it("gives up on a database that does not answer within its timeout, instead of waiting for good", async () => {
    const { db, end } = openDb({ databaseUrl: "postgres://nobody:nothing@127.0.0.1:9/none", wsProxy: bindings.DB_WS_PROXY, maxConnections: 1, timeoutMs: 2_000 });
    const started = Date.now();
    await expect(db.execute(sql`SELECT 1`)).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(15_000);
    await end().catch(() => {});
  });
});

describe("useLocalProxy", () => {
  it("points the driver at the proxy, plain WebSocket, no pipelining", () => {
    useLocalProxy(bindings.DB_WS_PROXY);
    const wsProxy = neonConfig.wsProxy as (host: string, port: number | string) => string;
    expect(wsProxy("db.example", 5432)).toBe(`${bindings.DB_WS_PROXY}/v2?address=db.example:5432`);
    expect([neonConfig.useSecureWebSocket, neonConfig.pipelineTLS, neonConfig.pipelineConnect]).toEqual([false, false, false]);
  });
});

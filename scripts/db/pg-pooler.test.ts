import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Pool, neonConfig } from "@neondatabase/serverless";
import pg from "pg";
import { WebSocket } from "ws";
import { useLocalProxy } from "../../packages/db/client.js";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres.js";
import { startWsProxy, type WsProxy } from "./ws-proxy.js";

// The proxy as a transaction-mode pooler (Neon's pooled endpoint, locally), with the driver
// settings the Workers use. The server here is the embedded PGlite — one Postgres session — so
// one server connection serves every client, a transaction at a time: if the pooler mixed two
// clients' transactions, these tests would see it.
let server: EmbeddedPostgres;
let proxy: WsProxy;

beforeAll(async () => {
  server = await startEmbeddedPostgres({});
  proxy = await startWsProxy({ allowedTargets: [`127.0.0.1:${server.port}`], pool: { size: 1, user: "postgres", password: "postgres" } });
  neonConfig.webSocketConstructor = WebSocket;
  useLocalProxy(proxy.address);
  const setup = new pg.Client({ connectionString: server.url });
  await setup.connect();
  await setup.query("CREATE TABLE IF NOT EXISTS pooled (client int, n int)");
  await setup.end();
  // PGlite's WASM start takes seconds on a busy 2-core machine.
}, 60_000);

afterAll(async () => {
  await proxy?.close();
  await server?.stop();
});

const keptPool = () => {
  const pool = new Pool({ connectionString: server.url, max: 1, idleTimeoutMillis: 60_000 });
  pool.on("error", () => {});
  return pool;
};

describe("WebSocket proxy as a transaction-mode pooler", () => {
  it("serves many kept client sessions over one server connection, each transaction whole", async () => {
    const clients = Array.from({ length: 8 }, keptPool);
    await Promise.all(
      clients.map(async (pool, client) => {
        for (let n = 0; n < 5; n++) {
          const connection = await pool.connect();
          try {
            await connection.query("BEGIN");
            await connection.query("INSERT INTO pooled VALUES ($1, $2)", [client, n]);
            // Inside the transaction the client sees exactly its own rows so far.
            const { rows } = await connection.query("SELECT count(*)::int AS c FROM pooled WHERE client = $1", [client]);
            expect(rows[0].c).toBe(n + 1);
            await connection.query("COMMIT");
          } finally {
            connection.release();
          }
        }
      }),
    );
    expect(proxy.stats().pooled).toMatchObject({ clients: 8, servers: 1 });
    const { rows } = await clients[0]!.query("SELECT count(*)::int AS c FROM pooled");
    expect(rows[0].c).toBe(40);
    await Promise.all(clients.map((pool) => pool.end()));
  });

  it("rolls back a transaction its client left open, and lends the connection on", async () => {
    const quitter = keptPool();
    const connection = await quitter.connect();
    await connection.query("BEGIN");
    await connection.query("INSERT INTO pooled VALUES (99, 1)");
    // The client goes away without COMMIT (a Worker's socket cut mid-transaction).
    connection.release(true);
    await quitter.end();
    const other = keptPool();
    const { rows } = await other.query("SELECT count(*)::int AS c FROM pooled WHERE client = 99");
    expect(rows[0].c).toBe(0);
    expect(proxy.stats().pooled?.servers).toBe(1);
    await other.end();
  });

  it("cuts every client in an outage and serves new ones afterwards", async () => {
    const pool = keptPool();
    await pool.query("SELECT 1");
    await proxy.outage(200);
    await expect(pool.query("SELECT 1")).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 250));
    const { rows } = await pool.query("SELECT 2 AS two");
    expect(rows[0].two).toBe(2);
    await pool.end();
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Pool, neonConfig } from "@neondatabase/serverless";
import pg from "pg";
import { WebSocket } from "ws";
import { useLocalProxy } from "../../packages/db/client.js";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres.js";
import { startWsProxy, type WsProxy } from "./ws-proxy.js";
import { joined } from "./pg-pooler.js";
import { MessageReader, authenticationOk, message, readyForQuery, startupMessage } from "./pg-wire.js";
import { createServer, type AddressInfo } from "node:net";

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

/** A raw WebSocket session with the pooler: protocol bytes in, frames out as they arrive. */
async function rawSession(address = proxy.address, port = server.port): Promise<{ send(...messages: Buffer[]): void; frames: Buffer[]; until(type: string): Promise<void>; close(): void }> {
  const ws = new WebSocket(`ws://${address}/v2?address=127.0.0.1:${port}`);
  const frames: Buffer[] = [];
  let waiter: (() => void) | undefined;
  ws.on("message", (data: Buffer) => {
    frames.push(Buffer.from(data));
    waiter?.();
  });
  await new Promise((resolve) => ws.once("open", resolve));
  const session = {
    frames,
    send: (...messages: Buffer[]) => ws.send(Buffer.concat(messages)),
    // Resolves once a frame holds a message of `type` (ReadyForQuery 'Z', DataRow 'D', …).
    until: async (type: string) => {
      while (!frames.some((f) => new MessageReader().push(f).some((m) => m.type === type))) {
        await new Promise<void>((resolve) => (waiter = resolve));
      }
    },
    close: () => ws.close(),
  };
  session.send(startupMessage({ user: "postgres", database: "postgres" }));
  await session.until("Z");
  frames.length = 0;
  return session;
}

const cstr = (text: string) => Buffer.from(`${text}\0`);
// Parse, Bind (no parameters, text results), Describe portal, Execute: what the driver sends per query.
const extendedQuery = (sql: string) => [
  message("P", Buffer.concat([cstr(""), cstr(sql), Buffer.from([0, 0])])),
  message("B", Buffer.concat([cstr(""), cstr(""), Buffer.from([0, 0, 0, 0, 0, 0])])),
  message("D", Buffer.concat([Buffer.from("P"), cstr("")])),
  message("E", Buffer.concat([cstr(""), Buffer.from([0, 0, 0, 0])])),
];

describe("the pooler's wire path", () => {
  it("forwards a frame's messages to the server in one write, leaving out a Flush that a Sync follows", async () => {
    // A stand-in server that records what arrives: Postgres answers a Flush with a send of its
    // own, so with it every query was answered in two sends, each read and framed on again.
    const received: Buffer[] = [];
    const fake = createServer((socket) => {
      const reader = new MessageReader();
      let started = false;
      socket.on("data", (chunk) => {
        if (!started) {
          started = Boolean(reader.takeUntyped(chunk));
          if (started) socket.write(Buffer.concat([authenticationOk(), readyForQuery("I")]));
          return;
        }
        received.push(Buffer.from(chunk));
        if (reader.push(chunk).some((m) => m.type === "S")) socket.write(readyForQuery("I"));
      });
    });
    await new Promise<void>((resolve) => fake.listen(0, "127.0.0.1", resolve));
    const port = (fake.address() as AddressInfo).port;
    const pooler = await startWsProxy({ allowedTargets: [`127.0.0.1:${port}`], pool: { size: 1, user: "postgres", password: "" } });
    try {
      const session = await rawSession(pooler.address, port);
      session.send(...extendedQuery("SELECT 1"), message("H"), message("S"));
      await session.until("Z");
      expect(received).toHaveLength(1);
      expect(new MessageReader().push(received[0]).map((m) => m.type)).toEqual(["P", "B", "D", "E", "S"]);
      session.close();
    } finally {
      await pooler.close();
      fake.close();
    }
  });

  it("still answers a Flush with no Sync behind it, before the client sends anything more", async () => {
    const session = await rawSession();
    session.send(...extendedQuery("SELECT 7 AS n"), message("H"));
    await session.until("D");
    session.send(message("S"));
    await session.until("Z");
    session.close();
  });

  it("joins messages read back to back without copying, and copies ones that are not", () => {
    const bytes = Buffer.concat([message("Z", Buffer.from("I")), message("C", Buffer.from("SELECT 1\0")), message("Z", Buffer.from("I"))]);
    const messages = new MessageReader().push(bytes);
    const view = joined(messages, 2);
    expect(view.buffer).toBe(bytes.buffer);
    expect(view.equals(bytes.subarray(0, messages[0]!.raw.length + messages[1]!.raw.length))).toBe(true);
    const apart = joined([messages[0]!, messages[2]!], 2);
    expect(apart.equals(Buffer.concat([messages[0]!.raw, messages[2]!.raw]))).toBe(true);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Pool, neonConfig } from "@neondatabase/serverless";
import pg from "pg";
import { WebSocket } from "ws";
import { createConnection } from "node:net";
import { TransactionPooler } from "./pg-pooler.js";
import { listenPooler } from "./pooler-front.js";
import { MessageReader, message, startupMessage } from "./pg-wire.js";
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

  it("runs the Neon driver's named statements from kept pools, one transaction after another", async () => {
    const pools = [keptPool(), keptPool()];
    for (let n = 0; n < 3; n++) {
      for (const [i, pool] of pools.entries()) {
        const { rows } = await pool.query({ name: "q", text: "SELECT $1::int + 1 AS n" }, [n + i]);
        expect(rows[0].n).toBe(n + i + 1);
      }
    }
    await Promise.all(pools.map((pool) => pool.end()));
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

// Named (protocol-level) prepared statements across the pooler's server connections, as
// PgBouncer's max_prepared_statements carries them (scripts/db/pg-statements.ts): on the
// PostgreSQL server (TEST_DATABASE_URL; a pooler of 2 connections here) and on the embedded
// PGlite (its own pooler of 1 in front of one Postgres session that every client shares).
interface Target {
  url: string;
  stop(): Promise<void>;
}

async function serverBehindPooler(serverUrl: string, size: number): Promise<Target & { pooler: TransactionPooler }> {
  const parsed = new URL(serverUrl);
  const user = decodeURIComponent(parsed.username || "postgres");
  const password = decodeURIComponent(parsed.password);
  const pooler = new TransactionPooler({ target: `${parsed.hostname}:${parsed.port || 5432}`, size, user, password });
  const front = await listenPooler(pooler);
  const url = new URL(serverUrl);
  url.host = `127.0.0.1:${front.port}`;
  return { url: url.toString(), pooler, stop: () => front.close() };
}

const connected = async (url: string) => {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  await client.connect();
  return client;
};

const PLUS_ONE = { name: "q", text: "SELECT $1::int + 1 AS n, pg_backend_pid() AS pid" };

/** A client that speaks the wire protocol itself, to send Close and pipelined batches. */
async function rawClient(url: string) {
  const parsed = new URL(url);
  const socket = createConnection({ host: parsed.hostname, port: Number(parsed.port) });
  const reader = new MessageReader();
  let waiting: { types: string[]; resolve: (types: string[]) => void } | undefined;
  let started = false;
  const ready = new Promise<void>((resolve) => {
    socket.on("data", (chunk) => {
      for (const m of reader.push(chunk)) {
        if (!started) {
          if (m.type === "Z") (started = true), resolve();
          continue;
        }
        waiting?.types.push(m.type === "E" ? `E:${errorCode(m.body)}` : m.type);
        if (m.type === "Z") waiting?.resolve(waiting.types);
      }
    });
  });
  socket.on("connect", () => socket.write(startupMessage({ user: decodeURIComponent(parsed.username || "postgres"), database: parsed.pathname.slice(1) || "postgres" })));
  await ready;
  return {
    /** Sends the messages (ending with Sync) and answers the types of what came back. */
    exchange: (...messages: Buffer[]) =>
      new Promise<string[]>((resolve) => {
        waiting = { types: [], resolve };
        socket.write(Buffer.concat(messages));
      }),
    end: () => socket.destroy(),
  };
}

const z = (text: string) => Buffer.from(`${text}\0`);
const int16 = (n: number) => Buffer.from([n >> 8, n & 255]);
const wire = {
  parse: (name: string, text: string) => message("P", Buffer.concat([z(name), z(text), int16(0)])),
  bind: (name: string, value: string) => {
    const length = Buffer.alloc(4);
    length.writeInt32BE(value.length);
    return message("B", Buffer.concat([z(""), z(name), int16(0), int16(1), length, Buffer.from(value), int16(0)]));
  },
  execute: () => message("E", Buffer.concat([z(""), Buffer.alloc(4)])),
  close: (name: string) => message("C", Buffer.concat([Buffer.from("S"), z(name)])),
  sync: () => message("S"),
};

function errorCode(body: Buffer): string {
  for (const field of body.toString("utf8").split("\0")) if (field.startsWith("C")) return field.slice(1);
  return "?";
}

const targets: Array<{ name: string; skip: boolean; open: () => Promise<Target & { pooler?: TransactionPooler }> }> = [
  { name: "the PostgreSQL server", skip: !process.env.TEST_DATABASE_URL, open: () => serverBehindPooler(process.env.TEST_DATABASE_URL!, 2) },
  {
    name: "the embedded PGlite",
    skip: false,
    open: async () => {
      const embedded = await startEmbeddedPostgres({});
      return { url: embedded.url, stop: embedded.stop };
    },
  },
];

for (const target of targets) {
  describe.skipIf(target.skip)(`named prepared statements through the pooler, on ${target.name}`, () => {
    let opened: Target & { pooler?: TransactionPooler };
    beforeAll(async () => {
      opened = await target.open();
    }, 60_000);
    afterAll(async () => {
      await opened?.stop();
    });

    it("runs a client's statement on a server connection other than the one that parsed it", async () => {
      const client = await connected(opened.url);
      const holder = await connected(opened.url);
      try {
        const first = await client.query(PLUS_ONE, [1]);
        expect(first.rows[0].n).toBe(2);
        // The connection that parsed it is now inside another client's transaction.
        await holder.query("BEGIN");
        await holder.query("SELECT 1");
        const size = opened.pooler ? 2 : 1;
        const second = size > 1 ? await client.query(PLUS_ONE, [2]) : undefined;
        await holder.query("COMMIT");
        if (second) {
          expect(second.rows[0].n).toBe(3);
          expect(second.rows[0].pid).not.toBe(first.rows[0].pid);
        }
        const third = await client.query(PLUS_ONE, [3]);
        expect(third.rows[0].n).toBe(4);
      } finally {
        await client.end();
        await holder.end();
      }
    });

    it("keeps two clients' statements of one name apart, and shares one statement's text", async () => {
      const clients = await Promise.all([connected(opened.url), connected(opened.url), connected(opened.url)]);
      try {
        for (let round = 0; round < 3; round++) {
          const [a, b, c] = await Promise.all([
            clients[0]!.query(PLUS_ONE, [round]),
            clients[1]!.query({ name: "q", text: "SELECT $1::int * 10 AS n" }, [round]),
            clients[2]!.query({ name: "other", text: PLUS_ONE.text }, [round]),
          ]);
          expect([a.rows[0].n, b.rows[0].n, c.rows[0].n]).toEqual([round + 1, round * 10, round + 1]);
        }
      } finally {
        await Promise.all(clients.map((client) => client.end()));
      }
    });

    it("leaves nothing behind for a Parse the server refused, and keeps a statement whose Bind failed", async () => {
      const client = await connected(opened.url);
      try {
        await expect(client.query({ name: "bad", text: "SELEC 1" })).rejects.toMatchObject({ code: "42601" });
        expect((await client.query({ name: "bad", text: "SELECT 2 AS two" })).rows[0].two).toBe(2);
        await expect(client.query(PLUS_ONE, ["not a number"])).rejects.toMatchObject({ code: "22P02" });
        expect((await client.query(PLUS_ONE, [41])).rows[0].n).toBe(42);
        expect((await client.query(PLUS_ONE, [42])).rows[0].n).toBe(43);
      } finally {
        await client.end();
      }
    });

    it("prepares again on a server connection another client reset with DISCARD ALL", async () => {
      const client = await connected(opened.url);
      const resetter = await connected(opened.url);
      try {
        expect((await client.query(PLUS_ONE, [1])).rows[0].n).toBe(2);
        // The idle connection the client just gave back is the next one lent.
        await resetter.query("DISCARD ALL");
        expect((await client.query(PLUS_ONE, [2])).rows[0].n).toBe(3);
      } finally {
        await client.end();
        await resetter.end();
      }
    });

    it("answers Close and a Parse the connection already holds in place, and forgets only the client's name", async () => {
      const warm = await connected(opened.url);
      const raw = await rawClient(opened.url);
      try {
        await warm.query({ name: "warm", text: "SELECT $1::int AS v" }, [0]);
        // Already prepared on the (only idle) connection: no Parse reaches the server.
        expect(await raw.exchange(wire.parse("mine", "SELECT $1::int AS v"), wire.bind("mine", "7"), wire.execute(), wire.close("mine"), wire.sync())).toEqual(["1", "2", "D", "C", "3", "Z"]);
        expect(await raw.exchange(wire.bind("mine", "8"), wire.execute(), wire.sync())).toEqual(["E:26000", "Z"]);
        // The server's copy still serves the other client.
        expect((await warm.query({ name: "warm", text: "SELECT $1::int AS v" }, [9])).rows[0].v).toBe(9);
        // After an error the server skips to Sync: a Parse sent meanwhile prepared nothing.
        expect(await raw.exchange(wire.bind("nothing", "1"), wire.parse("late", "SELECT 1"), wire.sync())).toEqual(["E:26000", "Z"]);
        expect(await raw.exchange(wire.parse("late", "SELECT 1"), wire.sync())).toEqual(["1", "Z"]);
      } finally {
        raw.end();
        await warm.end();
      }
    });

    it.skipIf(target.skip || target.name !== "the PostgreSQL server")("prepares again on a new server connection after one died", async () => {
      const client = await connected(opened.url);
      const admin = await connected(process.env.TEST_DATABASE_URL!);
      try {
        const { pid } = (await client.query(PLUS_ONE, [1])).rows[0];
        await admin.query("SELECT pg_terminate_backend($1)", [pid]);
        await new Promise((resolve) => setTimeout(resolve, 200));
        const after = await client.query(PLUS_ONE, [2]);
        expect(after.rows[0].n).toBe(3);
        expect(after.rows[0].pid).not.toBe(pid);
      } finally {
        await client.end();
        await admin.end();
      }
    });
  });
}

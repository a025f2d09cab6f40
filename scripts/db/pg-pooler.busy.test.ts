import { createServer, connect, type AddressInfo, type Server, type Socket } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres.js";
import { TransactionPooler } from "./pg-pooler.js";
import { listenPooler, type PoolerFront } from "./pooler-front.js";

// PGlite's socket server turns a connection away with "Too many connections" while its one slot
// is taken, and Node's net.Server limit under it (maxConnections 1) closes one before reading a
// byte while the last connection's socket is not yet closed; on a starved machine either can
// happen a moment after the embedded Postgres's pooler closed its server connection. A stand-in
// in front of the embedded Postgres turns the pooler's first connections away the same ways.
let embedded: EmbeddedPostgres;
let standIn: Server;
let turnAway = 0;
let dropUnread = 0;
let connections = 0;
const open = new Set<Socket>();
let front: PoolerFront | undefined;

beforeAll(async () => {
  embedded = await startEmbeddedPostgres({});
  standIn = createServer((client) => {
    connections++;
    open.add(client);
    if (dropUnread > 0) {
      dropUnread--;
      client.destroy();
      return;
    }
    if (turnAway > 0) {
      turnAway--;
      client.end("Too many connections\n");
      return;
    }
    const server = connect(embedded.port, "127.0.0.1");
    open.add(server);
    client.pipe(server).pipe(client);
    client.on("error", () => server.destroy());
    server.on("error", () => client.destroy());
  });
  await new Promise<void>((resolve) => standIn.listen(0, "127.0.0.1", resolve));
  // PGlite's WASM start takes seconds on a busy 2-core machine.
}, 60_000);

afterEach(async () => {
  await front?.close();
  front = undefined;
});

afterAll(async () => {
  for (const socket of open) socket.destroy();
  await new Promise((resolve) => standIn?.close(resolve));
  await embedded?.stop();
});

/** A fresh pooler (no server connection yet) in front of the stand-in, as the embedded Postgres sets its own. */
async function pooledUrl(): Promise<string> {
  const target = `127.0.0.1:${(standIn.address() as AddressInfo).port}`;
  front = await listenPooler(new TransactionPooler({ target, size: 1, user: "postgres", password: "postgres", connectAttempts: 20 }));
  return `postgres://postgres:postgres@127.0.0.1:${front.port}/postgres`;
}

async function query(url: string, sql: string): Promise<unknown> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows[0];
  } finally {
    await client.end();
  }
}

describe("the pooler in front of PGlite, when its one slot is still taken", () => {
  it("connects again instead of failing the client's query", async () => {
    const url = await pooledUrl();
    turnAway = 3;
    const before = connections;
    expect(await query(url, "select 41 + 1 as n")).toEqual({ n: 42 });
    expect(connections - before).toBe(4);
  });

  it("connects again when a connection is closed before anything was answered", async () => {
    const url = await pooledUrl();
    dropUnread = 2;
    turnAway = 1;
    const before = connections;
    expect(await query(url, "select 40 + 2 as n")).toEqual({ n: 42 });
    expect(connections - before).toBe(4);
  });

  it("carries a transaction on the connection it got after being turned away", async () => {
    const url = await pooledUrl();
    turnAway = 1;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("begin");
    await client.query("create temp table busy_probe (n int) on commit drop");
    await client.query("insert into busy_probe values (1), (2)");
    const { rows } = await client.query("select sum(n)::int as total from busy_probe");
    await client.query("commit");
    await client.end();
    expect(rows[0].total).toBe(3);
  });
});

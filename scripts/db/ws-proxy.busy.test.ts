import { createServer, connect, type Server } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Pool, neonConfig } from "@neondatabase/serverless";
import { WebSocket } from "ws";
import { useLocalProxy } from "../../packages/db/client.js";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres.js";
import { startWsProxy, type WsProxy } from "./ws-proxy.js";

// PGlite's socket server turns a connection away with "Too many connections" while its one slot
// is taken, and Node's net.Server limit under it (maxConnections 1) closes one before reading a
// byte while the last session's socket is not yet closed; on a starved machine either can happen a
// moment after the proxy let the next session in. A stand-in in front of PGlite turns the first
// connections away the same ways.
let pg: EmbeddedPostgres;
let proxy: WsProxy;
let front: Server;
let turnAway = 0;
let dropUnread = 0;
let connections = 0;
const open = new Set<import("node:net").Socket>();

beforeAll(async () => {
  pg = await startEmbeddedPostgres({});
  front = createServer((client) => {
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
    const server = connect(pg.port, "127.0.0.1");
    open.add(server);
    client.pipe(server).pipe(client);
    client.on("error", () => server.destroy());
    server.on("error", () => client.destroy());
  });
  await new Promise<void>((resolve) => front.listen(0, "127.0.0.1", resolve));
  const frontTarget = `127.0.0.1:${(front.address() as AddressInfo).port}`;
  proxy = await startWsProxy({ allowedTargets: [frontTarget], exclusive: true });
  neonConfig.webSocketConstructor = WebSocket;
  useLocalProxy(proxy.address);
}, 60_000);

afterAll(async () => {
  await proxy?.close();
  for (const socket of open) socket.destroy();
  await new Promise((resolve) => front?.close(resolve));
  await pg?.stop();
});

const url = () => `postgres://postgres:postgres@${(front.address() as AddressInfo).address}:${(front.address() as AddressInfo).port}/postgres`;

describe("the proxy in front of the embedded Postgres, when PGlite's one slot is still taken", () => {
  it("connects again instead of failing the client's query", async () => {
    turnAway = 3;
    const before = connections;
    const pool = new Pool({ connectionString: url(), max: 1 });
    const { rows } = await pool.query("select 41 + 1 as n");
    expect(rows[0].n).toBe(42);
    expect(connections - before).toBe(4);
    await pool.end();
  });

  it("connects again when a connection is closed before anything was answered", async () => {
    dropUnread = 2;
    turnAway = 1;
    const before = connections;
    const pool = new Pool({ connectionString: url(), max: 1 });
    const { rows } = await pool.query("select 40 + 2 as n");
    expect(rows[0].n).toBe(42);
    expect(connections - before).toBe(4);
    await pool.end();
  });

  it("carries a transaction on the connection it got after being turned away", async () => {
    turnAway = 1;
    const pool = new Pool({ connectionString: url(), max: 1 });
    const client = await pool.connect();
    await client.query("begin");
    await client.query("create temp table busy_probe (n int) on commit drop");
    await client.query("insert into busy_probe values (1), (2)");
    const { rows } = await client.query("select sum(n)::int as total from busy_probe");
    await client.query("commit");
    client.release();
    expect(rows[0].total).toBe(3);
    await pool.end();
  });
});

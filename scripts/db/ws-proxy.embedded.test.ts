import { describe, expect, it } from "vitest";
import { Pool } from "@neondatabase/serverless";
import { WebSocket } from "ws";
import { embeddedBehindProxy } from "./embedded-behind-proxy.js";

// The proxy only pipes each session to the embedded Postgres: that port's own pooler keeps
// PGlite's one session to one client's transaction at a time (embedded-postgres.ts).
const stack = embeddedBehindProxy({});

describe("WebSocket-to-TCP proxy in front of the embedded Postgres", () => {
  it("carries the Neon driver's queries, including transactions", async () => {
    const pool = new Pool({ connectionString: stack.pg.url, max: 1 });
    await pool.query("create table if not exists proxy_probe (n int)");
    const client = await pool.connect();
    await client.query("begin");
    await client.query("insert into proxy_probe values (1), (2)");
    await client.query("commit");
    client.release();
    const { rows } = await pool.query("select sum(n)::int as total from proxy_probe");
    expect(rows[0].total).toBe(3);
    await pool.end();
  });

  it("queues concurrent sessions instead of interleaving them on PGlite's one session", async () => {
    const pools = Array.from({ length: 4 }, () => new Pool({ connectionString: stack.pg.url, max: 1 }));
    const results = await Promise.all(
      pools.map(async (pool, i) => {
        const client = await pool.connect();
        await client.query("begin");
        await client.query("create temp table if not exists mine (v int) on commit drop");
        await client.query("insert into mine values ($1)", [i]);
        const { rows } = await client.query("select array_agg(v) as vs from mine");
        await client.query("commit");
        client.release();
        await pool.end();
        return rows[0].vs as number[];
      }),
    );
    // Each session saw only its own row: no statement from another client crept in.
    expect(results).toEqual([[0], [1], [2], [3]]);
    expect(stack.proxy.stats().served).toBeGreaterThanOrEqual(4);
  });

  it("refuses any target it was not configured for", async () => {
    const ws = new WebSocket(`ws://${stack.proxy.address}/v2?address=10.0.0.1:5432`);
    const code = await new Promise<number>((resolve) => ws.on("close", (c) => resolve(c)));
    expect(code).toBe(1008);
  });
});

import { describe, expect, it } from "vitest";
import { Pool } from "@neondatabase/serverless";
import { embeddedBehindProxy } from "./embedded-behind-proxy.js";

// The proxy's session budget (as Neon's pooler queues clients) and its outage switch, with the
// driver settings the Workers use. One session at a time makes every wait visible.
const stack = embeddedBehindProxy({ maxSessions: 1, idleMsWhenContended: 100 });

const keptPool = () => {
  const pool = new Pool({ connectionString: stack.pg.url, max: 1, idleTimeoutMillis: 60_000 });
  pool.on("error", () => {});
  return pool;
};

describe("WebSocket-to-TCP proxy with a session budget", () => {
  it("queues a session over the budget and frees the slot by closing a kept socket at rest", async () => {
    const keeper = keptPool();
    const other = keptPool();
    await keeper.query("select 1");
    const reapedBefore = stack.proxy.stats().reaped;
    // The keeper's socket stays open in its pool; the other client waits for it to be closed.
    const { rows } = await other.query("select 2 as n");
    expect(rows[0].n).toBe(2);
    expect(stack.proxy.stats().reaped).toBeGreaterThan(reapedBefore);
    // The keeper's pool drops the closed socket and opens a new one when asked again.
    const again = await keeper.query("select 3 as n");
    expect(again.rows[0].n).toBe(3);
    await Promise.all([keeper.end(), other.end()]);
  });

  it("never closes a session inside a transaction, however long others wait", async () => {
    const keeper = keptPool();
    const other = keptPool();
    await keeper.query("create table if not exists budget_probe (n int)");
    const client = await keeper.connect();
    await client.query("begin");
    await client.query("insert into budget_probe values (7)");
    let otherDone = false;
    const waiting = other.query("select count(*)::int as n from budget_probe").then((r) => ((otherDone = true), r));
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(otherDone).toBe(false);
    await client.query("commit");
    client.release();
    expect((await waiting).rows[0].n).toBe(1);
    await Promise.all([keeper.end(), other.end()]);
  });

  it("makes Postgres unreachable for the length of an outage, then serves again", async () => {
    const pool = keptPool();
    await pool.query("select 1");
    await stack.proxy.outage(1_000);
    // The kept socket was cut, and a new one is refused.
    await expect(pool.query("select 1")).rejects.toThrow();
    const fresh = keptPool();
    await expect(fresh.query("select 1")).rejects.toThrow();
    expect(stack.proxy.stats().refused).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const { rows } = await pool.query("select 4 as n");
    expect(rows[0].n).toBe(4);
    await Promise.all([pool.end(), fresh.end()]);
  });
});

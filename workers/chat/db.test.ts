import { describe, expect, it } from "vitest";
import { env } from "cloudflare:test";
import { sql } from "drizzle-orm";
import { UNREACHABLE_DB } from "../../test/workerd/session-faults.js";
import type { ChatEnv } from "./env.js";
import { readWithRetry, requestDb } from "./db.js";

function recordingCtx() {
  const handed: Promise<unknown>[] = [];
  return { handed, waitUntil: (promise: Promise<unknown>) => void handed.push(promise) };
}

describe("a request's database pool", () => {
  it("reaches Postgres through the configured proxy, and hands its closing to waitUntil", async () => {
    const ctx = recordingCtx();
    const { db, end } = await requestDb(env as unknown as ChatEnv, ctx);
    const { rows } = (await db.execute(sql`select 7 as n`)) as unknown as { rows: Array<{ n: number }> };
    expect(Number(rows[0]!.n)).toBe(7);
    await end();
    expect(ctx.handed).toHaveLength(1);
  });

  it("closes within its bound even after Postgres refused it, so no caller waits on a dead socket", async () => {
    const ctx = recordingCtx();
    const { db, end } = await requestDb({ ...(env as unknown as ChatEnv), DATABASE_URL: UNREACHABLE_DB }, ctx);
    await expect(db.execute(sql`select 1`)).rejects.toThrow();
    const started = Date.now();
    await end();
    expect(Date.now() - started).toBeLessThan(2_500);
  });
});

describe("a read over a request pool", () => {
  const chatEnv = env as unknown as ChatEnv;
  // What the driver throws when the socket closes under a query: no SQLSTATE.
  const dropped = () => new Error("Connection terminated unexpectedly");

  it("is tried once more on a new pool when the connection dropped", async () => {
    let calls = 0;
    const value = await readWithRetry(chatEnv, recordingCtx(), async (db) => {
      calls++;
      if (calls === 1) throw dropped();
      const { rows } = (await db.execute(sql`select 8 as n`)) as unknown as { rows: Array<{ n: number }> };
      return Number(rows[0]!.n);
    });
    expect(value).toBe(8);
    expect(calls).toBe(2);
  });

  it("fails after a second drop, and never retries what Postgres itself refused", async () => {
    let calls = 0;
    await expect(readWithRetry(chatEnv, recordingCtx(), async () => (calls++, Promise.reject(dropped())))).rejects.toThrow("terminated");
    expect(calls).toBe(2);
    calls = 0;
    const refused = readWithRetry(chatEnv, recordingCtx(), async (db) => (calls++, db.execute(sql`select 1 / 0`)));
    await expect(refused).rejects.toThrow();
    expect(calls).toBe(1);
  });
});

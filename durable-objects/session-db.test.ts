import { describe, expect, it } from "vitest";
import { env } from "cloudflare:test";
import { sql } from "drizzle-orm";
import type { ChatSessionEnv } from "./chat-session.env.js";
import { SessionDb } from "./session-db.js";

function sessionDb(overrides: Partial<ChatSessionEnv>) {
  const settings = { current: { ...(env as unknown as ChatSessionEnv), ...overrides } };
  const handed: Promise<unknown>[] = [];
  return { settings, handed, pools: new SessionDb(() => settings.current, (promise) => void handed.push(promise)) };
}

describe("a ChatSession's Postgres pool", () => {
  it("is kept across turns against a server, and reopened when the database settings change", async () => {
    const { settings, handed, pools } = sessionDb({ DB_MAX_CONNECTIONS: "4" });
    const first = pools.forTurn();
    const db = await first.db();
    const result = (await db.execute(sql`select 1 as n`)) as unknown as { rows: Array<{ n: number }> };
    expect(Number(result.rows[0]!.n)).toBe(1);
    await first.end();
    expect(await pools.forTurn().db()).toBe(db);
    settings.current = { ...settings.current, DATABASE_URL: `${settings.current.DATABASE_URL}?changed=1` };
    expect(await pools.forTurn().db()).not.toBe(db);
    // The old pool's closing is handed to waitUntil, off the turn's path.
    expect(handed).toHaveLength(1);
    await Promise.all(handed);
  });

  it("is closed after every turn where Postgres has one session for everyone (DB_MAX_CONNECTIONS 1)", async () => {
    const { handed, pools } = sessionDb({ DB_MAX_CONNECTIONS: "1" });
    const turn = pools.forTurn();
    const db = await turn.db();
    await turn.end();
    expect(handed).toHaveLength(1);
    expect(await pools.forTurn().db()).not.toBe(db);
  });

  it("with one session for everyone, stays open while another caller still uses it (a status check beside a turn)", async () => {
    const { handed, pools } = sessionDb({ DB_MAX_CONNECTIONS: "1" });
    const [check, turn] = [pools.forTurn(), pools.forTurn()];
    const db = await check.db();
    expect(await turn.db()).toBe(db);
    await check.end();
    // Before: the check's end() closed the pool under the turn, whose query then waited 15 s and failed.
    expect(handed).toEqual([]);
    const result = (await db.execute(sql`select 2 as n`)) as unknown as { rows: Array<{ n: number }> };
    expect(Number(result.rows[0]!.n)).toBe(2);
    await turn.end();
    expect(handed).toHaveLength(1);
    expect(await pools.forTurn().db()).not.toBe(db);
  });

  it("opens nothing for a turn that never touches Postgres", async () => {
    const { handed, pools } = sessionDb({ DB_MAX_CONNECTIONS: "1" });
    await pools.forTurn().end();
    expect(handed).toEqual([]);
  });
});

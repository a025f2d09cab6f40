import { describe, expect, it } from "vitest";
import { evictDurableObject, runInDurableObject } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { balancesOf, runScript, type ScriptContext } from "./script.js";
import { gatewayFetch, postJson, withTestDb } from "../helpers.js";
import { chatSession, setSessionEnv, storedDialogueState, UNREACHABLE_DB } from "../session-faults.js";
import { transfer } from "../../../packages/banking/index.js";
import { transfers } from "../../../packages/db/schema/banking.js";
import type { Reply } from "../../../packages/dialogue/index.js";

const session = (ctx: ScriptContext) => chatSession(ctx.customer.customerId);
/** Points this DO instance at a Postgres that refuses connections, until it is evicted. */
const cutPostgres = (ctx: ScriptContext) => setSessionEnv(ctx.customer.customerId, { DATABASE_URL: UNREACHABLE_DB });
const dialogueState = (ctx: ScriptContext) => storedDialogueState(ctx.customer.customerId);

async function say(ctx: ScriptContext, text: string): Promise<Reply> {
  const response = await postJson("/api/chat/messages", ctx.token, { id: `f-${crypto.randomUUID().slice(0, 8)}`, text });
  expect(response.status).toBe(200);
  return ((await response.json()) as { reply: Reply }).reply;
}

async function transferCount(ctx: ScriptContext): Promise<number> {
  const rows = await withTestDb((db) => db.select().from(transfers).where(eq(transfers.customerId, ctx.customer.customerId)));
  return rows.length;
}

describe("dialogue under faults", () => {
  it("keeps a pending confirmation across an eviction", async () => {
    const ctx = await runScript("evict-pending", { turns: [{ say: "send $30 to Jordan from checking", expect: { confirmation: true } }] });
    await evictDurableObject(session(ctx));
    await say(ctx, "yes");
    expect((await balancesOf(ctx.customer)).checking).toBe(970_00);
  });

  it("says plainly when Postgres is down, still answers questions, and loses nothing", async () => {
    const ctx = await runScript("pg-down", { turns: [] });
    // Signed in before the outage: the gateway has checked the customer's status (through their
    // ChatSession, whose Postgres this test then cuts) and keeps it for 30 s.
    expect((await gatewayFetch("/api/whoami", { headers: { authorization: `Bearer ${ctx.token}` } })).status).toBe(200);
    await cutPostgres(ctx);
    expect((await say(ctx, "what's my balance?")).text).toMatch(/(can't|cannot|couldn't|unable)[\s\S]*(reach|get to|access|right now)/i);
    expect((await say(ctx, "my new card still hasn't arrived")).intent.name).toBe("card_arrival");
    const stored = await runInDurableObject(session(ctx), (_i, state) =>
      state.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM turns").one().n,
    );
    expect(stored).toBe(2);
  });

  it("finishes a confirmed transfer after an outage and an eviction, exactly once", async () => {
    const ctx = await runScript("pg-down-yes", { turns: [{ say: "send $30 to Jordan from checking", expect: { confirmation: true } }] });
    await cutPostgres(ctx);
    await say(ctx, "yes");
    const executing = (await dialogueState(ctx)).executing;
    expect(executing?.effect.kind).toBe("transfer");
    expect((await balancesOf(ctx.customer)).checking).toBe(1_000_00);

    // Postgres is back and the DO restarts: the next turn finishes the transfer first.
    await evictDurableObject(session(ctx));
    await say(ctx, "what's my balance?");
    expect((await dialogueState(ctx)).executing).toBeNull();
    expect((await balancesOf(ctx.customer)).checking).toBe(970_00);
    expect(await transferCount(ctx)).toBe(1);
  });

  it("never moves money twice when the first attempt committed but its answer was lost", async () => {
    const ctx = await runScript("lost-answer", { turns: [{ say: "send $30 to Jordan from checking", expect: { confirmation: true } }] });
    await cutPostgres(ctx);
    await say(ctx, "yes");
    const executing = (await dialogueState(ctx)).executing!;
    expect(executing.effect.kind).toBe("transfer");
    const effect = executing.effect as Extract<typeof executing.effect, { kind: "transfer" }>;
    // The call reached Postgres and committed, then the DO died before reading the answer.
    const committed = await withTestDb((db) =>
      transfer(db, ctx.customer.customerId, {
        idempotencyKey: effect.idempotencyKey,
        fromAccountId: effect.fromAccountId,
        to: effect.to,
        amount: effect.amount,
      }),
    );
    expect(committed.ok).toBe(true);
    await evictDurableObject(session(ctx));
    await say(ctx, "thanks");
    expect((await balancesOf(ctx.customer)).checking).toBe(970_00);
    const byKey = await withTestDb((db) =>
      db.select().from(transfers).where(and(eq(transfers.customerId, ctx.customer.customerId), eq(transfers.idempotencyKey, effect.idempotencyKey))),
    );
    expect(byKey).toHaveLength(1);
  });

  it("keeps a bounded history in the Durable Object", async () => {
    const ctx = await runScript("bounded", { turns: [{ say: "hi" }] });
    const kept = await runInDurableObject(session(ctx), async (_instance, state) => {
      const { ChatSessionStore } = await import("../../../durable-objects/chat-session.storage.js");
      const store = new ChatSessionStore(state.storage.sql);
      const turn = { id: "x", reply: { text: "", intent: { name: "x", confidence: 0 }, actions: [] } };
      for (let i = 0; i < 250; i++) store.saveTurn(`bulk-${i}`, "t", JSON.stringify({ ...turn, id: `bulk-${i}` }), [], Date.now());
      store.trimTurns(200);
      return store.countTurns();
    });
    expect(kept).toBe(200);
  });
});

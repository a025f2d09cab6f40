import { describe, expect, it } from "vitest";
import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { chatEvents } from "../../packages/db/schema/events.js";
import { runRetention } from "../../workers/chat/retention.js";
import { postJson, tokenFor, uniqueCustomerId, withTestDb } from "./helpers.js";

const DAY_MS = 24 * 60 * 60 * 1000;
const ctx = { waitUntil: (promise: Promise<unknown>) => void promise.catch(() => {}) };

describe("transcript retention (Cron Trigger)", () => {
  it("deletes conversation events older than 90 days in batches, keeps newer ones and every audit event", async () => {
    const customerId = uniqueCustomerId("retention");
    const now = Date.now();
    const at = (daysAgo: number) => new Date(now - daysAgo * DAY_MS);
    const rows = [
      ...Array.from({ length: 5 }, (_, i) => ({ type: "message.received", occurredAt: at(91 + i), payload: { text: `old ${i}` } })),
      { type: "reply.sent", occurredAt: at(120), payload: { reply: { text: "old reply" } } },
      { type: "audit.transfer", occurredAt: at(400), payload: { ok: true } },
      { type: "message.received", occurredAt: at(89), payload: { text: "recent" } },
    ];
    await withTestDb((db) => db.insert(chatEvents).values(rows.map((row) => ({ id: crypto.randomUUID(), customerId, ...row }))));

    // Batches of 2, so the 6 expired events take several statements.
    const run = await runRetention(env, ctx, now, 2);
    expect(run.complete).toBe(true);
    expect(run.deleted).toBeGreaterThanOrEqual(6);

    const left = await withTestDb((db) => db.select().from(chatEvents).where(eq(chatEvents.customerId, customerId)));
    expect(left.map((e) => e.type).sort()).toEqual(["audit.transfer", "message.received"]);
    expect(left.find((e) => e.type === "message.received")!.payload).toEqual({ text: "recent" });
  });

  it("trims the Durable Object's turns older than 90 days from its alarm, and wakes again when the next expires", async () => {
    const customerId = uniqueCustomerId("do-retention");
    expect((await postJson("/api/chat/messages", await tokenFor(customerId), { id: "keep-1", text: "hello" })).status).toBe(200);
    const stub = env.CHAT_SESSION.get(env.CHAT_SESSION.idFromName(customerId));
    await runInDurableObject(stub, async (_instance, state) => {
      state.storage.sql.exec("INSERT INTO turns (message_id, seq, text, turn, created_at) VALUES ('old-1', 0, 'old words', '{}', ?)", Date.now() - 91 * DAY_MS);
      await state.storage.setAlarm(Date.now() + 60_000);
    });
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const after = await runInDurableObject(stub, async (_instance, state) => ({
      turns: state.storage.sql.exec<{ message_id: string }>("SELECT message_id FROM turns").toArray().map((r) => r.message_id),
      alarm: await state.storage.getAlarm(),
    }));
    expect(after.turns).toEqual(["keep-1"]);
    // The next wake-up: when "keep-1" turns 90 days old.
    expect(after.alarm).toBeGreaterThan(Date.now() + 89 * DAY_MS);
  });
});

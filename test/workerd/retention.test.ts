import { describe, expect, it } from "vitest";
import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { eventually, postJson, tokenFor, uniqueCustomerId } from "./helpers.js";
import { messageEvent, storedIds } from "./queue-helpers.js";

const DAY_MS = 24 * 60 * 60 * 1000;

// The Cron Trigger's retention in Postgres is tested beside it: workers/chat/retention.test.ts.
describe("transcript retention in the Durable Object", () => {
  it("trims the Durable Object's turns and waiting conversation events older than 90 days from its alarm, and wakes again when the next expires", async () => {
    const customerId = uniqueCustomerId("do-retention");
    expect((await postJson("/api/chat/messages", await tokenFor(customerId), { id: "keep-1", text: "hello" })).status).toBe(200);
    const stub = env.CHAT_SESSION.get(env.CHAT_SESSION.idFromName(customerId));
    const old = messageEvent(customerId, "old words");
    await runInDurableObject(stub, async (_instance, state) => {
      state.storage.sql.exec("INSERT INTO turns (message_id, seq, text, turn, created_at) VALUES ('old-1', 0, 'old words', '{}', ?)", Date.now() - 91 * DAY_MS);
      // Sent long ago and never confirmed: retention takes it rather than resend it.
      state.storage.sql.exec("INSERT INTO outbox (event_id, body, created_at) VALUES (?, ?, ?)", old.id, JSON.stringify(old), Date.now() - 91 * DAY_MS);
      state.storage.sql.exec("INSERT INTO outbox_sent (event_id, confirm_at, sends) VALUES (?, ?, 3)", old.id, Date.now() + DAY_MS);
      await state.storage.setAlarm(Date.now() + 60_000);
    });
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const after = await runInDurableObject(stub, async (_instance, state) => ({
      turns: state.storage.sql.exec<{ message_id: string }>("SELECT message_id FROM turns").toArray().map((r) => r.message_id),
      old: state.storage.sql.exec<{ n: number }>("SELECT (SELECT COUNT(*) FROM outbox WHERE event_id = ?1) + (SELECT COUNT(*) FROM outbox_sent WHERE event_id = ?1) AS n", old.id).one().n,
      alarm: await state.storage.getAlarm(),
    }));
    expect(after.turns).toEqual(["keep-1"]);
    expect(after.old).toBe(0);
    // The next wake-up: the confirmation of the turn's events just sent, at most 30 s ahead.
    expect(after.alarm).toBeLessThanOrEqual(Date.now() + 31_000);
    // Once they are stored and confirmed, the next is when "keep-1" turns 90 days old.
    const sentIds = await runInDurableObject(stub, (_i, state) => state.storage.sql.exec<{ event_id: string }>("SELECT event_id FROM outbox_sent").toArray().map((r) => r.event_id));
    await eventually(async () => ((await storedIds(sentIds)).length === sentIds.length ? true : undefined), 20_000);
    await runInDurableObject(stub, async (_i, state) => {
      state.storage.sql.exec("UPDATE outbox_sent SET confirm_at = 0");
      await state.storage.setAlarm(Date.now() + 60_000);
    });
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const alarm = await runInDurableObject(stub, (_i, state) => state.storage.getAlarm());
    expect(alarm).toBeGreaterThan(Date.now() + 89 * DAY_MS);
  });
});

import { describe, expect, it } from "vitest";
import { env, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { chatEvents } from "../packages/db/schema/events.js";
import { eventually, postJson, tokenFor, uniqueCustomerId, withTestDb } from "../test/workerd/helpers.js";
import { messageEvent, storedIds } from "../test/workerd/queue-helpers.js";
import { chatSession, setSessionEnv } from "../test/workerd/session-faults.js";

const RETRY_MS = 5_000;

const sessionOf = chatSession;

/** The local-only switch (durable-objects/chat-session.outbox.ts): this fraction of queue sends fails. */
const failQueueSends = (customerId: string, rate: "0" | "1") => setSessionEnv(customerId, { FAULT_QUEUE_SEND_FAIL_RATE: rate });

async function outboxAndAlarm(customerId: string) {
  return runInDurableObject(sessionOf(customerId), async (_instance, state) => ({
    // Not sent yet: a sent event stays, marked sent, until Postgres is seen to hold it (outbox-confirm.test.ts).
    outbox: state.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM outbox WHERE event_id NOT IN (SELECT event_id FROM outbox_sent)").one().n,
    alarm: await state.storage.getAlarm(),
  }));
}

// The alarm's other duties: hand-off expiry (test/workerd/handoff), unfinished transfers
// (test/workerd/dialogues/transfer-recovery.dialogue.test.ts).
describe("ChatSession outbox", () => {
  it("re-arms its alarm when the queue send fails inside alarm(), and the next alarm delivers the events to chat_events", async () => {
    const customerId = uniqueCustomerId("outbox-alarm");
    await failQueueSends(customerId, "1");
    expect((await postJson("/api/chat/messages", await tokenFor(customerId), { id: "ob-1", text: "hello" })).status).toBe(200);

    // The alarm whose send fails: scheduled far ahead so only this run executes it.
    await runInDurableObject(sessionOf(customerId), (_i, state) => state.storage.setAlarm(Date.now() + 60_000));
    expect(await runDurableObjectAlarm(sessionOf(customerId))).toBe(true);
    const failed = await outboxAndAlarm(customerId);
    expect(failed.outbox).toBeGreaterThan(0);
    // getAlarm() inside the running alarm did not hide the retry: a new alarm is set, RETRY_MS ahead.
    expect(failed.alarm).not.toBeNull();
    expect(failed.alarm!).toBeLessThanOrEqual(Date.now() + RETRY_MS + 1_000);

    await failQueueSends(customerId, "0");
    await runDurableObjectAlarm(sessionOf(customerId));
    expect((await outboxAndAlarm(customerId)).outbox).toBe(0);

    // Through Miniflare's real queue and the consumer into Postgres.
    let stored = 0;
    for (let tries = 0; tries < 100 && stored === 0; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const rows = await withTestDb((db) =>
        db.select().from(chatEvents).where(and(eq(chatEvents.customerId, customerId), eq(chatEvents.type, "message.received"))),
      );
      stored = rows.filter((r) => r.messageId === "ob-1").length;
    }
    expect(stored).toBe(1);
  });
});

const DAY_MS = 24 * 60 * 60 * 1000;

// The Cron Trigger's retention in Postgres: workers/chat/retention.test.ts.
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

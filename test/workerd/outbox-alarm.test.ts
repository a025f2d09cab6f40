import { describe, expect, it } from "vitest";
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { chatEvents } from "../../packages/db/schema/events.js";
import { postJson, tokenFor, uniqueCustomerId, withTestDb } from "./helpers.js";
import { chatSession, setSessionEnv } from "./session-faults.js";

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

import { describe, expect, it } from "vitest";
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { and, eq } from "drizzle-orm";
import { chatEvents } from "../../packages/db/schema/events.js";
import { transcriptKeys } from "../../packages/db/schema/transcript-keys.js";
import { parkDeadLetter } from "../../packages/db/chat-events.repo.js";
import type { ConfirmOutcome, SessionOutbox } from "../../durable-objects/chat-session.outbox.js";
import { eventually, postJson, tokenFor, uniqueCustomerId, withTestDb } from "./helpers.js";
import { messageEvent } from "./queue-helpers.js";
import { chatSession, setSessionEnv } from "./session-faults.js";

// End-to-end delivery: an event leaves the ChatSession's outbox only once Postgres holds it.
// Sending and retrying a failed send: outbox-alarm.test.ts.

const DAY_MS = 24 * 60 * 60 * 1000;

/** The local-only switch (durable-objects/fault-switches.ts): this fraction of queue sends resolves but sends nothing. */
const dropQueueSends = (customerId: string, rate: "0" | "1") => setSessionEnv(customerId, { FAULT_QUEUE_SEND_DROP_RATE: rate });

async function outboxOf(customerId: string) {
  return runInDurableObject(chatSession(customerId), async (_instance, state) => ({
    unsent: state.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM outbox WHERE event_id NOT IN (SELECT event_id FROM outbox_sent)").one().n,
    sent: state.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM outbox_sent").one().n,
    events: state.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM outbox").one().n,
    alarm: await state.storage.getAlarm(),
  }));
}

/** As if CONFIRM_AFTER_MS had passed since every send (the test does not wait 30 s). */
async function makeSentEventsDue(customerId: string): Promise<void> {
  await runInDurableObject(chatSession(customerId), (_instance, state) => void state.storage.sql.exec("UPDATE outbox_sent SET confirm_at = 0"));
}

/** Runs the object's alarm now, as the runtime would when it is due (the next one is set far ahead first, so only this run executes it). */
async function runAlarm(customerId: string): Promise<void> {
  await runInDurableObject(chatSession(customerId), (_i, state) => state.storage.setAlarm(Date.now() + 60_000));
  expect(await runDurableObjectAlarm(chatSession(customerId))).toBe(true);
}

function confirmNow(customerId: string): Promise<ConfirmOutcome> {
  return runInDurableObject(chatSession(customerId), (instance) => (instance as unknown as { outbox: SessionOutbox }).outbox.confirm());
}

const receivedRows = (customerId: string, messageId: string) =>
  withTestDb((db) =>
    db
      .select()
      .from(chatEvents)
      .where(and(eq(chatEvents.customerId, customerId), eq(chatEvents.type, "message.received"), eq(chatEvents.messageId, messageId))),
  );

describe("the ChatSession outbox confirms delivery in Postgres", () => {
  it("resends an acknowledged message the queue accepted but lost, and it is stored exactly once", async () => {
    const customerId = uniqueCustomerId("outbox-lost");
    await dropQueueSends(customerId, "1");
    expect((await postJson("/api/chat/messages", await tokenFor(customerId), { id: "lost-1", text: "hello" })).status).toBe(200);
    await runAlarm(customerId);

    // The queue "took" the bundle and lost it: the events stay, marked sent, with a confirm alarm set.
    const sent = await outboxOf(customerId);
    expect(sent).toMatchObject({ unsent: 0 });
    expect(sent.sent).toBeGreaterThanOrEqual(2);
    expect(sent.alarm).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await receivedRows(customerId, "lost-1")).toHaveLength(0);

    // The confirm alarm finds none of them in Postgres and sends them again, through Miniflare's real queue.
    await dropQueueSends(customerId, "0");
    await makeSentEventsDue(customerId);
    await runAlarm(customerId);
    await eventually(async () => ((await receivedRows(customerId, "lost-1")).length > 0 ? true : undefined), 20_000);

    // The next confirm alarm finds them all and deletes them: the outbox is empty and no confirm
    // alarm is left (only retention's, 90 days ahead), so an idle object is not woken again.
    await makeSentEventsDue(customerId);
    await runAlarm(customerId);
    const after = await outboxOf(customerId);
    expect(after).toMatchObject({ unsent: 0, sent: 0, events: 0 });
    expect(after.alarm === null || after.alarm > Date.now() + 89 * DAY_MS).toBe(true);
    expect(await receivedRows(customerId, "lost-1")).toHaveLength(1);
  });

  it("deletes a delivered event at its confirmation without sending it again, and waits until it is due", async () => {
    const customerId = uniqueCustomerId("outbox-confirmed");
    expect((await postJson("/api/chat/messages", await tokenFor(customerId), { id: "kept-1", text: "hello" })).status).toBe(200);
    await runAlarm(customerId);
    await eventually(async () => ((await receivedRows(customerId, "kept-1")).length > 0 ? true : undefined), 20_000);
    const sent = await outboxOf(customerId);
    expect(sent.sent).toBeGreaterThanOrEqual(2);

    // Not due yet: nothing is asked, nothing deleted.
    expect(await confirmNow(customerId)).toEqual({ confirmed: 0, resent: 0, dropped: 0 });
    expect((await outboxOf(customerId)).sent).toBe(sent.sent);

    await makeSentEventsDue(customerId);
    expect(await confirmNow(customerId)).toEqual({ confirmed: sent.sent, resent: 0, dropped: 0 });
    expect(await outboxOf(customerId)).toMatchObject({ sent: 0, events: 0 });
    expect(await receivedRows(customerId, "kept-1")).toHaveLength(1);
  });

  it("counts an event parked in dead_letters as delivered", async () => {
    const customerId = uniqueCustomerId("outbox-parked");
    const event = messageEvent(customerId, "refused by the consumer");
    await withTestDb((db) => parkDeadLetter(db, "chat-events", { events: [event] }, "refused by Postgres (22P05): test"));
    await runInDurableObject(chatSession(customerId), (_instance, state) => {
      state.storage.sql.exec("INSERT INTO outbox (event_id, body, created_at) VALUES (?, ?, ?)", event.id, JSON.stringify(event), Date.now());
      state.storage.sql.exec("INSERT INTO outbox_sent (event_id, confirm_at, sends) VALUES (?, 0, 1)", event.id);
    });
    expect(await confirmNow(customerId)).toEqual({ confirmed: 1, resent: 0, dropped: 0 });
    expect((await outboxOf(customerId)).events).toBe(0);
  });

  it("drops lost events sealed with a data key that erasure shredded, instead of resending them", async () => {
    const customerId = uniqueCustomerId("outbox-shredded");
    await dropQueueSends(customerId, "1");
    expect((await postJson("/api/chat/messages", await tokenFor(customerId), { id: "shred-1", text: "hello" })).status).toBe(200);
    await runAlarm(customerId);
    const sealed = await runInDurableObject(chatSession(customerId), (_instance, state) =>
      state.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM outbox WHERE json_extract(body, '$.payload.sealed') IS NOT NULL").one().n,
    );
    expect(sealed).toBeGreaterThanOrEqual(2);
    // An operator's erasure in Postgres shreds the key before the cron reaches the object.
    await withTestDb((db) => db.delete(transcriptKeys).where(eq(transcriptKeys.customerId, customerId)));

    await dropQueueSends(customerId, "0");
    await makeSentEventsDue(customerId);
    const outcome = await confirmNow(customerId);
    expect(outcome.dropped).toBe(sealed);
    const left = await runInDurableObject(chatSession(customerId), (_instance, state) =>
      state.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM outbox WHERE json_extract(body, '$.payload.sealed') IS NOT NULL").one().n,
    );
    expect(left).toBe(0);
  });
});

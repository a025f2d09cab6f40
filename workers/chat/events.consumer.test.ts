import { describe, expect, it } from "vitest";
import { createExecutionContext, createMessageBatch, env, getQueueResult } from "cloudflare:test";
import { eq, like } from "drizzle-orm";
import { chatEvents, deadLetters } from "../../packages/db/schema/events.js";
import { openDb } from "../../packages/db/client.js";
import { eventually, uniqueCustomerId, withTestDb } from "../../test/workerd/helpers.js";
import { deliver, messageEvent as chatEvent, queueMessage as message, storedIds } from "../../test/workerd/queue-helpers.js";
import { consumeChatEvents } from "./events.consumer.js";

describe("the chat-events consumer", () => {
  it("stores the other customers' messages when one message has a NUL, and dead-letters that one alone", async () => {
    const good = [0, 1, 2].map((i) => chatEvent(uniqueCustomerId(`good${i}`), `hello ${i}`));
    const poisoned = chatEvent(uniqueCustomerId("nul"), "bad\u0000text");
    const { batch, result } = await deliver("chat-events", [
      { events: [good[0]] },
      { events: [poisoned] },
      { events: [good[1]] },
      good[2],
    ]);
    expect(result.retryMessages).toEqual([]);
    expect(result.explicitAcks.sort()).toEqual(batch.messages.map((m) => m.id).sort());
    expect((await storedIds(good.map((e) => e.id))).sort()).toEqual(good.map((e) => e.id).sort());
    expect(await storedIds([poisoned.id])).toEqual([]);
    // The real DLQ delivers to the DLQ consumer, which parks the message in Postgres with why.
    const parked = await eventually(() =>
      withTestDb(async (db) => (await db.select().from(deadLetters).where(like(deadLetters.body, `%${poisoned.id}%`)))[0]),
    );
    expect(parked.error).toMatch(/22P05|22021|refused by Postgres/);
    expect(parked.count).toBe(1);
    expect(parked.replayedAt).toBeNull();
  });

  it("sends a malformed body to the DLQ alone and stores the rest of the batch", async () => {
    const good = chatEvent(uniqueCustomerId("ok"), "fine");
    const marker = crypto.randomUUID();
    const { result } = await deliver("chat-events", [{ events: [good] }, { not: "an event", marker }]);
    expect(result.retryMessages).toEqual([]);
    expect(await storedIds([good.id])).toEqual([good.id]);
    const parked = await eventually(() =>
      withTestDb(async (db) => (await db.select().from(deadLetters).where(like(deadLetters.body, `%${marker}%`)))[0]),
    );
    expect(parked.error).toBe("malformed event");
  });

  it("retries every message, acks none, when Postgres is unreachable", async () => {
    const events = [0, 1].map((i) => chatEvent(uniqueCustomerId(`down${i}`), "hi"));
    const batch = createMessageBatch("chat-events", events.map((e, i) => message({ events: [e] }, i)));
    const ctx = createExecutionContext();
    // A real connection failure: the proxy is asked for a port nothing listens on.
    const dead = openDb({ databaseUrl: "postgres://postgres@127.0.0.1:9/none", wsProxy: env.DB_WS_PROXY, maxConnections: 1 });
    const outcome = await consumeChatEvents(batch, dead.db, env.CHAT_EVENTS_DLQ);
    await dead.end().catch(() => {});
    const result = await getQueueResult(batch, ctx);
    expect(outcome.retried).toBe(2);
    expect(result.explicitAcks).toEqual([]);
    expect(result.retryMessages.map((m) => m.msgId).sort()).toEqual(batch.messages.map((m) => m.id).sort());
    expect(await storedIds(events.map((e) => e.id))).toEqual([]);
  });

  it("stores a redelivered batch once", async () => {
    const event = chatEvent(uniqueCustomerId("redeliver"), "again");
    await deliver("chat-events", [{ events: [event] }]);
    const { result } = await deliver("chat-events", [{ events: [event] }]);
    expect(result.retryMessages).toEqual([]);
    const rows = await withTestDb((db) => db.select().from(chatEvents).where(eq(chatEvents.id, event.id)));
    expect(rows).toHaveLength(1);
  });
});

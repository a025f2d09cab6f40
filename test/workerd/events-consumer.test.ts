import { describe, expect, it } from "vitest";
import { createExecutionContext, createMessageBatch, env, getQueueResult, runInDurableObject } from "cloudflare:test";
import { eq, like } from "drizzle-orm";
import { chatEvents, deadLetters } from "../../packages/db/schema/events.js";
import { openDb } from "../../packages/db/client.js";
import { consumeChatEvents } from "../../workers/chat/events.consumer.js";
import { eventually, postJson, tokenFor, uniqueCustomerId, withTestDb } from "./helpers.js";
import { deliver, messageEvent as chatEvent, queueMessage as message, storedIds } from "./queue-helpers.js";

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

describe("the outbox", () => {
  it("drains an outbox of long messages in bundles below the queue's size limit", async () => {
    const customer = uniqueCustomerId("bigoutbox");
    const stub = env.CHAT_SESSION.get(env.CHAT_SESSION.idFromName(customer));
    const long = "漢".repeat(2000);
    // 60 turns' worth of 2,000 CJK characters (~6 KB each): ~360 KB, far over one queue message.
    const events = Array.from({ length: 60 }, () => chatEvent(customer, long));
    const sent = await runInDurableObject(stub, async (instance, state) => {
      for (const e of events) state.storage.sql.exec("INSERT INTO outbox (event_id, body, created_at) VALUES (?, ?, ?)", e.id, JSON.stringify(e), Date.now());
      return (instance as unknown as { flushOutbox(): Promise<number> }).flushOutbox();
    });
    expect(sent).toBe(60);
    const left = await runInDurableObject(stub, (_i, state) => state.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM outbox").one().n);
    expect(left).toBe(0);
    await eventually(async () => ((await storedIds(events.map((e) => e.id))).length === 60 ? true : undefined), 20_000);
  });
});

describe("control characters at the edge", () => {
  it("refuses a NUL or other control character with a 400, over HTTP", async () => {
    const token = await tokenFor(uniqueCustomerId("ctl"));
    for (const text of ["hi\u0000there", "bell\u0007", "esc\u001b[31m", "del\u007f", "c1\u0085"]) {
      const response = await postJson("/api/chat/messages", token, { id: `m-ctl-${text.length}`, text });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: { code: string; message: string; requestId: string } };
      expect(body.error.code).toBe("validation_failed");
      expect(body.error.message).toMatch(/control characters/);
    }
    const fine = await postJson("/api/chat/messages", token, { id: "m-ctl-ok", text: "line one\n\tline two" });
    expect(fine.status).toBe(200);
  });
});

import { describe, expect, it } from "vitest";
import { createExecutionContext, createMessageBatch, env, getQueueResult, runInDurableObject } from "cloudflare:test";
import worker from "./worker-under-test.js";
import { eq, inArray, like } from "drizzle-orm";
import { chatEvents, deadLetters } from "../../packages/db/schema/events.js";
import type { ChatEvent } from "../../packages/contract/events.js";
import { openDb } from "../../packages/db/client.js";
import { consumeChatEvents } from "../../workers/chat/events.consumer.js";
import { replayAllDeadLetters, replayDeadLetter } from "../../packages/db/dead-letters.replay.js";
import { parkDeadLetter } from "../../packages/db/chat-events.repo.js";
import { eventually, postJson, tokenFor, uniqueCustomerId, withTestDb } from "./helpers.js";

function chatEvent(customerId: string, text: string): ChatEvent {
  return {
    id: crypto.randomUUID(),
    type: "message.received",
    customerId,
    messageId: `m-${crypto.randomUUID().slice(0, 8)}`,
    occurredAt: new Date().toISOString(),
    payload: { text },
  };
}

function message(body: unknown, n: number) {
  return { id: `msg-${n}-${crypto.randomUUID()}`, timestamp: new Date(), attempts: 1, body };
}

/** Runs the Worker's own queue handler on a batch, as the queue would, and collects its acks. */
async function deliver(queue: string, bodies: unknown[]) {
  const batch = createMessageBatch(queue, bodies.map(message));
  const ctx = createExecutionContext();
  await worker.queue(batch, env as never, ctx);
  return { batch, result: await getQueueResult(batch, ctx) };
}

async function storedIds(ids: string[]): Promise<string[]> {
  return withTestDb(async (db) => (await db.select({ id: chatEvents.id }).from(chatEvents).where(inArray(chatEvents.id, ids))).map((r) => r.id));
}

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

describe("dead letters", () => {
  it("counts a message parked twice once, and a replay stores its events exactly once", async () => {
    const event = chatEvent(uniqueCustomerId("replay"), "parked");
    const { result } = await deliver("chat-events-dlq", [{ events: [event] }, { reason: "test reason", body: { events: [event] } }]);
    expect(result.retryMessages).toEqual([]);
    const id = await withTestDb(async (db) => {
      const rows = await db.select().from(deadLetters).where(like(deadLetters.body, `%${event.id}%`));
      expect(rows).toHaveLength(1);
      expect(rows[0]!.count).toBe(2);
      expect(rows[0]!.error).toBe("test reason");
      return rows[0]!.id;
    });
    const first = await withTestDb((db) => replayDeadLetter(db, id));
    expect(first).toEqual({ id, ok: true, stored: 1 });
    const again = await withTestDb((db) => replayDeadLetter(db, id));
    expect(again.ok).toBe(true);
    expect(await storedIds([event.id])).toEqual([event.id]);
    const row = await withTestDb(async (db) => (await db.select().from(deadLetters).where(eq(deadLetters.id, id)))[0]!);
    expect(row.replayedAt).not.toBeNull();
  });

  it("keeps a body that still fails parked, with the new error", async () => {
    const event = chatEvent(uniqueCustomerId("stillbad"), "nul\u0000again");
    const id = await withTestDb((db) => parkDeadLetter(db, "chat-events", { events: [event] }, "first"));
    const outcomes = await withTestDb((db) => replayAllDeadLetters(db));
    const mine = outcomes.find((o) => o.id === id)!;
    expect(mine.ok).toBe(false);
    const row = await withTestDb(async (db) => (await db.select().from(deadLetters).where(eq(deadLetters.id, id)))[0]!);
    expect(row.replayedAt).toBeNull();
    expect(row.error).toMatch(/replay failed/);
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

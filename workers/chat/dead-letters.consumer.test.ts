import { describe, expect, it } from "vitest";
import { createExecutionContext, createMessageBatch, env, getQueueResult } from "cloudflare:test";
import { eq, like } from "drizzle-orm";
import { deadLetters } from "../../packages/db/schema/events.js";
import { openDb } from "../../packages/db/client.js";
import { replayDeadLetter } from "../../packages/db/dead-letters.replay.js";
import { uniqueCustomerId, withTestDb } from "../../test/workerd/helpers.js";
import { deliver, messageEvent as chatEvent, queueMessage, storedIds } from "../../test/workerd/queue-helpers.js";
import { isDeadLetterQueue, parkDeadLetters } from "./dead-letters.consumer.js";

const parkedWith = (marker: string) => withTestDb(async (db) => db.select().from(deadLetters).where(like(deadLetters.body, `%${marker}%`)));

describe("the dead-letter consumer", () => {
  it("runs for the DLQ of every environment, and only for it", () => {
    for (const name of ["chat-events-dlq", "chat-events-dlq-staging", "chat-events-dlq-production"]) expect(isDeadLetterQueue(name)).toBe(true);
    for (const name of ["chat-events", "chat-events-staging", "audit-dlq"]) expect(isDeadLetterQueue(name)).toBe(false);
  });

  it("parks a message the queue gave up on with a reason saying so, and acks it", async () => {
    const event = chatEvent(uniqueCustomerId("exhausted"), "retried out");
    const { batch, result } = await deliver("chat-events-dlq", [{ events: [event] }]);
    expect(result.explicitAcks).toEqual([batch.messages[0]!.id]);
    const [row] = await parkedWith(event.id);
    expect(row!.error).toMatch(/^delivery retries exhausted/);
    expect(row!.queue).toBe("chat-events");
    // Found by its events' ids: a ChatSession's outbox counts a parked event as delivered.
    expect(row!.eventIds).toEqual([event.id]);
    expect(await storedIds([event.id])).toEqual([]);
  });

  it("retries every dead letter, acking none, when Postgres is unreachable", async () => {
    const bodies = [0, 1].map((i) => ({ reason: "malformed event", body: { events: [chatEvent(uniqueCustomerId(`dl-down${i}`), "hi")] } }));
    const batch = createMessageBatch("chat-events-dlq", bodies.map(queueMessage));
    const ctx = createExecutionContext();
    // A real connection failure: the proxy is asked for a port nothing listens on.
    const dead = openDb({ databaseUrl: "postgres://postgres@127.0.0.1:9/none", wsProxy: env.DB_WS_PROXY, maxConnections: 1 });
    const outcome = await parkDeadLetters(batch, dead.db);
    await dead.end().catch(() => {});
    const result = await getQueueResult(batch, ctx);
    expect({ parked: outcome.parked, retried: outcome.retried, error: typeof outcome.error }).toEqual({ parked: 0, retried: 2, error: "string" });
    expect(result.explicitAcks).toEqual([]);
    expect(result.retryMessages.map((m) => m.msgId).sort()).toEqual(batch.messages.map((m) => m.id).sort());
  });
});

describe("dead letters, parked and replayed", () => {
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
});


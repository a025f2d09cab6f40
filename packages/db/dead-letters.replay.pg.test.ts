import { describe, expect, it } from "vitest";
import { eq, inArray } from "drizzle-orm";
import { chatEvents, deadLetters } from "./schema/events.js";
import { parkDeadLetter } from "./chat-events.repo.js";
import { replayAllDeadLetters, replayDeadLetter } from "./dead-letters.replay.js";
import type { ChatEvent } from "../contract/events.js";
import { uniqueCustomerId, withTestDb } from "../../test/workerd/helpers.js";

/** A customer's message as the ChatSession queues it. */
function chatEvent(customerId: string, text: string): ChatEvent {
  return { id: crypto.randomUUID(), type: "message.received", customerId, messageId: `m-${crypto.randomUUID().slice(0, 8)}`, occurredAt: new Date().toISOString(), payload: { text } };
}

const storedIds = (ids: string[]) => withTestDb(async (db) => (await db.select({ id: chatEvents.id }).from(chatEvents).where(inArray(chatEvents.id, ids))).map((r) => r.id));

describe("dead letters, parked and replayed", () => {
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

  it("stores a parked body's events once, however often it is replayed", async () => {
    const event = chatEvent(uniqueCustomerId("replay"), "parked");
    const id = await withTestDb((db) => parkDeadLetter(db, "chat-events", { events: [event] }, "queue gave up"));
    expect(await withTestDb((db) => replayDeadLetter(db, id))).toEqual({ id, ok: true, stored: 1 });
    expect(await withTestDb((db) => replayDeadLetter(db, id))).toEqual({ id, ok: true, stored: 1 });
    expect(await storedIds([event.id])).toEqual([event.id]);
    expect((await withTestDb(async (db) => (await db.select().from(deadLetters).where(eq(deadLetters.id, id)))[0]!)).replayedAt).not.toBeNull();
  });

  it("leaves malformed events parked for fixing, and answers for an id it does not hold", async () => {
    const id = await withTestDb((db) => parkDeadLetter(db, "chat-events", { events: [{ id: "not-an-event" }] }, "first"));
    const outcome = await withTestDb((db) => replayDeadLetter(db, id));
    expect(outcome).toEqual({ id, ok: false, error: "1 malformed event(s): fix the body or discard it" });
    expect((await withTestDb(async (db) => (await db.select().from(deadLetters).where(eq(deadLetters.id, id)))[0]!)).error).toBe(outcome.ok ? "" : outcome.error);
    expect(await withTestDb((db) => replayDeadLetter(db, "no-such-id"))).toEqual({ id: "no-such-id", ok: false, error: "no dead letter with this id" });
  });
});

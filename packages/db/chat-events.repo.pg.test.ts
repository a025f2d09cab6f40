import { describe, expect, it } from "vitest";
import { inArray } from "drizzle-orm";
import { chatEvents } from "./schema/events.js";
import { deadLetterId, deliveredEvents, getDeadLetter, listDeadLetters, markDeadLetter, parkDeadLetter, storeChatEvents } from "./chat-events.repo.js";
import { registerDataKey } from "./transcript-keys.repo.js";
import type { ChatEvent } from "../contract/events.js";
import { uniqueCustomerId, withTestDb } from "../../test/workerd/helpers.js";

function event(customerId: string, text: string): ChatEvent {
  return { id: crypto.randomUUID(), type: "message.received", customerId, messageId: "m-1", occurredAt: new Date().toISOString(), payload: { text } };
}

describe("chat events in Postgres", () => {
  it("are stored once per id, however often they are delivered", async () => {
    const customerId = uniqueCustomerId("events");
    const [a, b] = [event(customerId, "one"), event(customerId, "two")];
    await withTestDb((db) => storeChatEvents(db, [a!, b!]));
    await withTestDb((db) => storeChatEvents(db, [a!, { ...a!, payload: { text: "changed" } }]));
    await withTestDb((db) => storeChatEvents(db, []));
    const rows = await withTestDb((db) => db.select().from(chatEvents).where(inArray(chatEvents.id, [a!.id, b!.id])));
    expect(rows.map((r) => [r.id, (r.payload as { text: string }).text]).sort()).toEqual([[a!.id, "one"], [b!.id, "two"]].sort());
    expect(rows[0]).toMatchObject({ customerId, type: "message.received", messageId: "m-1" });
  });

  it("keep every field as sent: time to the millisecond, no message id, nested and non-ASCII payloads; one row for an id twice in a batch", async () => {
    const customerId = uniqueCustomerId("events");
    const at = "2026-12-01T09:30:15.123Z";
    const sent: ChatEvent = { id: crypto.randomUUID(), type: "audit.transfer", customerId, occurredAt: at, payload: { amount: { minor: 1_00 }, note: "café — ✓ \"quoted\"", list: [1, null, true] } };
    await withTestDb((db) => storeChatEvents(db, [sent, sent]));
    const rows = await withTestDb((db) => db.select().from(chatEvents).where(inArray(chatEvents.id, [sent.id])));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: sent.id, customerId, type: "audit.transfer", messageId: null, payload: sent.payload });
    expect(rows[0]!.occurredAt.toISOString()).toBe(at);
  });
});

describe("dead letters", () => {
  it("are one row per body: parked again, it counts once more and keeps the latest error", async () => {
    const body = { events: [event(uniqueCustomerId("dlq"), "parked")] };
    const id = await withTestDb((db) => parkDeadLetter(db, "chat-events", body, "first"));
    expect(id).toBe(await deadLetterId("chat-events", JSON.stringify(body)));
    expect(await deadLetterId("other-queue", JSON.stringify(body))).not.toBe(id);
    await withTestDb((db) => markDeadLetter(db, id, { replayed: true }));
    expect(await withTestDb((db) => parkDeadLetter(db, "chat-events", body, "second"))).toBe(id);
    const row = await withTestDb((db) => getDeadLetter(db, id));
    // Parked again after a replay: it is pending once more.
    expect(row).toMatchObject({ queue: "chat-events", count: 2, error: "second", replayedAt: null, eventIds: [body.events[0]!.id] });
    expect((await withTestDb((db) => listDeadLetters(db))).map((r) => r.id)).toContain(id);
    await withTestDb((db) => markDeadLetter(db, id, { replayed: true }));
    expect((await withTestDb((db) => listDeadLetters(db))).map((r) => r.id)).not.toContain(id);
    expect((await withTestDb((db) => listDeadLetters(db, { includeReplayed: true }))).map((r) => r.id)).toContain(id);
  });

  it("accept any body, control characters and all", async () => {
    const id = await withTestDb((db) => parkDeadLetter(db, "chat-events", "nul\u0000here", "bad body"));
    expect((await withTestDb((db) => getDeadLetter(db, id)))?.body).toBe(JSON.stringify("nul\u0000here"));
    expect(await withTestDb((db) => getDeadLetter(db, "no-such-id"))).toBeUndefined();
  });
});

describe("deliveredEvents", () => {
  it("finds events stored or parked, and data keys not shredded, in one query", async () => {
    const customerId = uniqueCustomerId("delivered");
    const [stored, parked, lost] = [event(customerId, "a"), event(customerId, "b"), event(customerId, "c")];
    await withTestDb((db) => storeChatEvents(db, [stored!]));
    await withTestDb((db) => parkDeadLetter(db, "chat-events", { events: [parked] }, "parked"));
    const keyId = crypto.randomUUID();
    await withTestDb((db) => registerDataKey(db, { keyId, customerId, masterKeyId: "k1", wrapped: "AAAA" }));
    const gone = crypto.randomUUID();
    const found = await withTestDb((db) => deliveredEvents(db, [stored!.id.toUpperCase(), parked!.id, lost!.id, "not-a-uuid"], [keyId, gone]));
    expect([...found.events].sort()).toEqual([stored!.id, parked!.id].sort());
    expect([...found.keys]).toEqual([keyId]);
    expect(await withTestDb((db) => deliveredEvents(db, []))).toEqual({ events: new Set(), keys: new Set() });
  });
});

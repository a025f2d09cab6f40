import { describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { chatEvents } from "./schema/events.js";
import { erasureRequests, transcriptKeys } from "./schema/transcript-keys.js";
import { storeChatEvents } from "./chat-events.repo.js";
import { registerDataKey } from "./transcript-keys.repo.js";
import { eraseConversationEvents, requestOperatorErasure } from "./conversation-erasure.js";
import type { ChatEvent } from "../contract/events.js";
import { uniqueCustomerId, withTestDb } from "../../test/workerd/helpers.js";

function event(customerId: string, type: string): ChatEvent {
  return { id: crypto.randomUUID(), type, customerId, occurredAt: new Date().toISOString(), payload: {} } as ChatEvent;
}

/** A customer with two turns' events, an audit of a transfer, and a data key. */
async function customerWithTranscript(label: string) {
  const customerId = uniqueCustomerId(label);
  await withTestDb((db) =>
    storeChatEvents(db, [event(customerId, "message.received"), event(customerId, "reply.sent"), event(customerId, "handoff.requested"), event(customerId, "audit.transfer")]),
  );
  await withTestDb((db) => registerDataKey(db, { keyId: crypto.randomUUID(), customerId, masterKeyId: "k1", wrapped: "AAAA" }));
  return customerId;
}

const typesOf = (customerId: string) =>
  withTestDb(async (db) => (await db.select({ type: chatEvents.type }).from(chatEvents).where(eq(chatEvents.customerId, customerId))).map((r) => r.type).sort());
const keysOf = (customerId: string) => withTestDb((db) => db.select().from(transcriptKeys).where(eq(transcriptKeys.customerId, customerId)));

describe("erasing a conversation in Postgres", () => {
  it("deletes what was said and the data keys, keeps audits, and records an erasure without content; a retry records once", async () => {
    const customerId = await customerWithTranscript("erase");
    const other = await customerWithTranscript("erase_other");
    const erasure = { id: crypto.randomUUID(), by: "customer" as const, at: new Date() };
    expect(await withTestDb((db) => eraseConversationEvents(db, customerId, erasure))).toEqual({ events: 3, shreddedKeys: 1 });
    expect(await typesOf(customerId)).toEqual(["audit.erasure", "audit.transfer"]);
    expect(await keysOf(customerId)).toEqual([]);
    const [audit] = await withTestDb((db) => db.select().from(chatEvents).where(eq(chatEvents.id, erasure.id)));
    expect(audit!.payload).toEqual({ by: "customer", deletedEvents: 3, shreddedKeys: 1 });
    expect(await withTestDb((db) => eraseConversationEvents(db, customerId, erasure))).toEqual({ events: 0, shreddedKeys: 0 });
    expect((await typesOf(customerId)).filter((t) => t === "audit.erasure")).toHaveLength(1);
    // Nobody else's.
    expect(await typesOf(other)).toEqual(["audit.transfer", "handoff.requested", "message.received", "reply.sent"]);
    expect(await keysOf(other)).toHaveLength(1);
  });

  it("leaves what came after it: events after its instant and a data key registered after it began (a late commit past the turn deadline)", async () => {
    const customerId = await customerWithTranscript("erase_late");
    const at = new Date();
    const later = { ...event(customerId, "message.received"), occurredAt: new Date(at.getTime() + 60_000).toISOString() } as ChatEvent;
    await withTestDb((db) => storeChatEvents(db, [later]));
    const newKey = crypto.randomUUID();
    // Registered by a turn answered after the 504, while the erasure's transaction was still open.
    await withTestDb((db) => db.insert(transcriptKeys).values({ keyId: newKey, customerId, masterKeyId: "k1", wrappedKey: "AAAA", createdAt: sql`now() + interval '1 minute'` }));
    expect(await withTestDb((db) => eraseConversationEvents(db, customerId, { id: crypto.randomUUID(), by: "customer", at }))).toEqual({ events: 3, shreddedKeys: 1 });
    expect(await typesOf(customerId)).toEqual(["audit.erasure", "audit.transfer", "message.received"]);
    expect((await keysOf(customerId)).map((k) => k.keyId)).toEqual([newKey]);
  });

  it("for an operator, also leaves a request for the Durable Object, which a later erasure completes", async () => {
    const customerId = await customerWithTranscript("operator");
    const { requestId, ...result } = await withTestDb((db) => requestOperatorErasure(db, customerId));
    expect(result).toEqual({ events: 3, shreddedKeys: 1 });
    const pending = await withTestDb((db) => db.select().from(erasureRequests).where(eq(erasureRequests.id, requestId)));
    expect(pending).toMatchObject([{ customerId, completedAt: null }]);
    const at = new Date();
    await withTestDb((db) => eraseConversationEvents(db, customerId, { id: crypto.randomUUID(), by: "operator", at, completesRequest: requestId }));
    const [done] = await withTestDb((db) => db.select().from(erasureRequests).where(eq(erasureRequests.id, requestId)));
    expect(done!.completedAt).toEqual(at);
  });
});

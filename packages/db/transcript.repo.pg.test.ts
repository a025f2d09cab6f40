import { describe, expect, it } from "vitest";
import { createDataKey, generateMasterKey, importMasterKeys, sealPayload } from "../transcript-crypto/index.js";
import { storeChatEvents } from "./chat-events.repo.js";
import { registerDataKey } from "./transcript-keys.repo.js";
import { eraseConversationEvents } from "./conversation-erasure.js";
import { readTranscript } from "./transcript.repo.js";
import type { ChatEvent } from "../contract/events.js";
import { uniqueCustomerId, withTestDb } from "../../test/workerd/helpers.js";

const keyringOf = async () => importMasterKeys(JSON.stringify({ [`k-${crypto.randomUUID()}`]: generateMasterKey() }), undefined);

describe("readTranscript", () => {
  it("opens the customer's sealed events, oldest first with the words before their answer, and keeps unsealed ones as they are", async () => {
    const customerId = uniqueCustomerId("transcript");
    const keyring = await keyringOf();
    const { wrapped, dataKey } = await createDataKey(keyring, customerId);
    await withTestDb((db) => registerDataKey(db, wrapped));
    const at = "2026-11-30T10:00:00.000Z";
    const events: ChatEvent[] = [
      { id: crypto.randomUUID(), type: "reply.sent", customerId, messageId: "m1", occurredAt: at, payload: (await sealPayload(dataKey, { reply: { text: "You have $10." } })) as never },
      { id: crypto.randomUUID(), type: "message.received", customerId, messageId: "m1", occurredAt: at, payload: (await sealPayload(dataKey, { text: "balance?" })) as never },
      { id: crypto.randomUUID(), type: "handoff.requested", customerId, occurredAt: "2026-11-30T10:01:00.000Z", payload: { reason: "customer_request" } },
      { id: crypto.randomUUID(), type: "audit.transfer", customerId, occurredAt: at, payload: { ok: true } },
    ];
    await withTestDb((db) => storeChatEvents(db, events));
    const transcript = await withTestDb((db) => readTranscript(db, keyring, customerId));
    expect(transcript.unreadable).toBe(0);
    expect(transcript.events.map((e) => [e.type, e.payload])).toEqual([
      ["message.received", { text: "balance?" }],
      ["reply.sent", { reply: { text: "You have $10." } }],
      ["handoff.requested", { reason: "customer_request" }],
    ]);
    const since = await withTestDb((db) => readTranscript(db, keyring, customerId, { since: new Date("2026-11-30T10:00:30Z") }));
    expect(since.events.map((e) => e.type)).toEqual(["handoff.requested"]);
  });

  it("counts, never returns, events whose key was shredded or belongs to someone else", async () => {
    const customerId = uniqueCustomerId("shredded");
    const other = uniqueCustomerId("shredded_other");
    const keyring = await keyringOf();
    const mine = await createDataKey(keyring, customerId);
    const theirs = await createDataKey(keyring, other);
    await withTestDb((db) => registerDataKey(db, mine.wrapped));
    await withTestDb((db) => registerDataKey(db, theirs.wrapped));
    const sealedWith = async (key: typeof mine.dataKey, text: string): Promise<ChatEvent> => ({
      id: crypto.randomUUID(), type: "message.received", customerId, messageId: "m", occurredAt: new Date().toISOString(), payload: (await sealPayload(key, { text })) as never,
    });
    // A row sealed with another customer's key, as if copied over: it does not open.
    await withTestDb(async (db) => storeChatEvents(db, [await sealedWith(mine.dataKey, "mine"), await sealedWith(theirs.dataKey, "theirs")]));
    const read = await withTestDb((db) => readTranscript(db, keyring, customerId));
    expect([read.events.map((e) => e.payload), read.unreadable]).toEqual([[{ text: "mine" }], 1]);

    // A late delivery after erasure: its key is gone, so it stays unreadable.
    await withTestDb((db) => eraseConversationEvents(db, customerId, { id: crypto.randomUUID(), by: "customer", at: new Date() }));
    await withTestDb(async (db) => storeChatEvents(db, [await sealedWith(mine.dataKey, "late")]));
    expect(await withTestDb((db) => readTranscript(db, keyring, customerId))).toEqual({ events: [], unreadable: 1 });
  });
});

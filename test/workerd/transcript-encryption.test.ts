import { createExecutionContext, createScheduledController, env, evictDurableObject, runInDurableObject, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import chat from "../../workers/chat/index.js";
import type { ChatEnv } from "../../workers/chat/env.js";
import { chatEvents } from "../../packages/db/schema/events.js";
import { erasureRequests, transcriptKeys } from "../../packages/db/schema/transcript-keys.js";
import { readTranscript } from "../../packages/db/transcript.repo.js";
import { requestOperatorErasure } from "../../packages/db/conversation-erasure.js";
import { rewrapDataKeys } from "../../packages/db/transcript-keys.repo.js";
import { dataKeysOf } from "../support/db-reads.js";
import { generateMasterKey, importMasterKeys, masterKeyring, rewrapDataKey } from "../../packages/transcript-crypto/index.js";
import { eventually, postJson, tokenFor, uniqueCustomerId, withTestDb } from "./helpers.js";

// Encryption at rest (issue 16): message text is sealed in the Durable Object, before it is
// stored or queued, with the customer's data key; erasure destroys the key (crypto-shredding).

const keyring = () => masterKeyring(env.TRANSCRIPT_MASTER_KEYS, env.TRANSCRIPT_MASTER_KEY_ID);
const session = (customerId: string) => env.CHAT_SESSION.get(env.CHAT_SESSION.idFromName(customerId));
const sealedRows = (customerId: string) =>
  withTestDb((db) => db.select().from(chatEvents).where(eq(chatEvents.customerId, customerId))).then((rows) =>
    rows.filter((r) => r.type === "message.received" || r.type === "reply.sent"),
  );

/** What `psql -c "select * from chat_events"` would show, as one string per row. */
async function rawRowsContaining(needle: string): Promise<number> {
  const result = await withTestDb((db) =>
    db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM chat_events t WHERE position(convert_to(${needle}, 'UTF8') IN convert_to(t::text, 'UTF8')) > 0`),
  );
  return (result as unknown as { rows: { n: number }[] }).rows[0]!.n;
}

/** Everything the customer's Durable Object keeps in SQLite, as text. */
const durableObjectText = (customerId: string) =>
  runInDurableObject(session(customerId), (_instance, state) =>
    ["turns", "outbox", "meta"].map((table) => JSON.stringify(state.storage.sql.exec(`SELECT * FROM ${table}`).toArray())).join("\n"),
  );

async function say(customerId: string, token: string, id: string, text: string): Promise<void> {
  const response = await postJson("/api/chat/messages", token, { id, text });
  expect(response.status, await response.clone().text()).toBe(200);
}

async function runCron(): Promise<void> {
  const ctx = createExecutionContext();
  await chat.scheduled(createScheduledController({ scheduledTime: new Date(), cron: "*/15 * * * *" }), env as unknown as ChatEnv, ctx);
  await waitOnExecutionContext(ctx);
}

describe("transcripts are encrypted at rest", () => {
  it("stores a turn's words and reply as the seals of its two events, and answers a retried id from them", async () => {
    const customerId = uniqueCustomerId("shared-seal");
    const token = await tokenFor(customerId);
    const first = await postJson("/api/chat/messages", token, { id: "shared-1", text: "what is the exchange rate for euros?" });
    expect(first.status).toBe(200);
    const row = await runInDurableObject(session(customerId), (_instance, state) =>
      state.storage.sql.exec<{ text: string; turn: string }>("SELECT text, turn FROM turns WHERE message_id = 'shared-1'").one(),
    );
    const rows = await eventually(async () => {
      const found = await sealedRows(customerId);
      return found.length === 2 ? found : undefined;
    }, 20_000);
    const sealedOf = (type: string) => (rows.find((r) => r.type === type)!.payload as { sealed: string }).sealed;
    expect(row.text).toBe(`m1.${sealedOf("message.received")}`);
    expect(row.turn.startsWith("r1.") && row.turn.endsWith(`.shared-1.${sealedOf("reply.sent")}`)).toBe(true);
    const again = await postJson("/api/chat/messages", token, { id: "shared-1", text: "what is the exchange rate for euros?" });
    expect(await again.json()).toEqual(await first.json());
  });

  it("leaves no plaintext in chat_events or the Durable Object, and reads back in clear through readTranscript", async () => {
    const customerId = uniqueCustomerId("sealed");
    const token = await tokenFor(customerId);
    // Letters only: a run of digits in it would be masked as an account number before storage.
    const phrase = `marmalade festival ${crypto.randomUUID().slice(0, 8).replace(/[0-9]/g, (d) => "ghijklmnop"[Number(d)]!)}`;
    await say(customerId, token, "sealed-1", `how much does the ${phrase} cost?`);
    await eventually(async () => ((await sealedRows(customerId)).length === 2 ? true : undefined), 20_000);

    // A psql-style look: no row of the table, in any column, holds the words.
    expect(await rawRowsContaining(phrase)).toBe(0);
    expect(await rawRowsContaining("marmalade")).toBe(0);
    for (const row of await sealedRows(customerId)) expect(row.payload).toEqual({ sealed: expect.stringMatching(/^tc1\./) });
    expect(await durableObjectText(customerId)).not.toContain("marmalade");

    const keys = await withTestDb((db) => dataKeysOf(db, customerId));
    expect(keys).toHaveLength(1);
    expect(keys[0]!.masterKeyId).toBe((await keyring()).currentId);
    expect(keys[0]!.wrapped).not.toContain("marmalade");

    const transcript = await withTestDb(async (db) => readTranscript(db, await keyring(), customerId));
    expect(transcript.unreadable).toBe(0);
    expect(transcript.events.map((e) => e.type)).toEqual(["message.received", "reply.sent"]);
    expect(transcript.events[0]!.payload).toMatchObject({ text: `how much does the ${phrase} cost?` });
    expect(transcript.events[1]!.payload).toMatchObject({ reply: { text: expect.any(String) } });

    // The same message id again is still answered from the (sealed) stored turn, not run twice.
    const again = await postJson("/api/chat/messages", token, { id: "sealed-1", text: `how much does the ${phrase} cost?` });
    expect(again.status).toBe(200);
    const conflict = await postJson("/api/chat/messages", token, { id: "sealed-1", text: "something else" });
    expect(conflict.status).toBe(409);
  });

  it("an operator's erasure shreds the key at once and reaches the Durable Object on the next cron tick; a restored backup stays unreadable", async () => {
    const customerId = uniqueCustomerId("op-erase");
    const token = await tokenFor(customerId);
    await say(customerId, token, "op-1", "hello there");
    await say(customerId, token, "op-2", "my card 4242 4242 4242 4242 was charged twice");
    await eventually(async () => ((await sealedRows(customerId)).length === 4 ? true : undefined), 20_000);
    // A backup taken before the erasure.
    const backup = await sealedRows(customerId);

    const erased = await withTestDb((db) => requestOperatorErasure(db, customerId));
    expect(erased).toMatchObject({ events: 4, shreddedKeys: 1 });
    expect(await withTestDb(async (db) => readTranscript(db, await keyring(), customerId))).toEqual({ events: [], unreadable: 0 });

    // The Durable Object is reached by the chat Worker's 15-minute Cron Trigger.
    await runCron();
    const inObject = await runInDurableObject(session(customerId), (_instance, state) => ({
      turns: state.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM turns").one().n,
      key: state.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM meta WHERE key = 'transcript_key'").one().n,
    }));
    expect(inObject).toEqual({ turns: 0, key: 0 });
    const requests = await withTestDb((db) => db.select().from(erasureRequests).where(eq(erasureRequests.customerId, customerId)));
    expect(requests).toEqual([expect.objectContaining({ id: erased.requestId, completedAt: expect.any(Date), lastError: null })]);
    const left = await withTestDb((db) => db.select().from(chatEvents).where(eq(chatEvents.customerId, customerId)));
    expect(left.map((r) => [r.type, r.payload])).toEqual([["audit.erasure", { by: "operator", deletedEvents: 4, shreddedKeys: 1 }]]);

    // Restoring the backup brings back ciphertext only: its key is gone.
    await withTestDb((db) => db.insert(chatEvents).values(backup.map(({ storedAt: _, ...row }) => row)));
    expect(await withTestDb(async (db) => readTranscript(db, await keyring(), customerId))).toEqual({ events: [], unreadable: 4 });

    // The conversation starts afresh, under a new key.
    await say(customerId, token, "op-3", "hello again");
    const keys = await eventually(async () => {
      const rows = await withTestDb((db) => dataKeysOf(db, customerId));
      return rows.length === 1 ? rows : undefined;
    }, 20_000);
    expect(backup.some((row) => JSON.stringify(row.payload).includes(keys[0]!.keyId))).toBe(false);
  });

  it("after a master key rotation the old ciphertext still reads, and a Durable Object whose copy of its key was wrapped by the retired master fetches the re-wrapped one", async () => {
    const customerId = uniqueCustomerId("rotate");
    const token = await tokenFor(customerId);
    await say(customerId, token, "rot-1", "what's the fee for an international transfer");
    await eventually(async () => ((await sealedRows(customerId)).length === 2 ? true : undefined), 20_000);

    // Rotation in Postgres: the customer's key row moves to the current master key. Here the row is
    // first wrapped by an older master ("retired"), as if written before the rotation.
    const current = await keyring();
    const retiredSecret = generateMasterKey();
    const withRetired = await importMasterKeys(
      JSON.stringify({ ...JSON.parse(env.TRANSCRIPT_MASTER_KEYS!), retired: retiredSecret }),
      "retired",
    );
    // (This customer's row only: other tests share the database.)
    const retiredCopy = await rewrapDataKey(withRetired, (await withTestDb((db) => dataKeysOf(db, customerId)))[0]!);
    expect(retiredCopy.masterKeyId).toBe("retired");
    await withTestDb((db) =>
      db.update(transcriptKeys).set({ masterKeyId: retiredCopy.masterKeyId, wrappedKey: retiredCopy.wrapped }).where(eq(transcriptKeys.keyId, retiredCopy.keyId)),
    );
    // The Durable Object's own copy is wrapped by "retired" too, and the object is evicted.
    await runInDurableObject(session(customerId), (_instance, state) => {
      state.storage.sql.exec("UPDATE meta SET value = ? WHERE key = 'transcript_key'", JSON.stringify({ ...retiredCopy, registered: true }));
    });
    await evictDurableObject(session(customerId));

    // The rotation run holds both master keys, the new one current; the Worker then holds only the new one.
    const rotation = await importMasterKeys(JSON.stringify({ ...JSON.parse(env.TRANSCRIPT_MASTER_KEYS!), retired: retiredSecret }), current.currentId);
    const rotated = await withTestDb((db) => rewrapDataKeys(db, rotation));
    expect(rotated).toMatchObject({ unavailable: [], remaining: 0 });
    expect(rotated.rewrapped).toBeGreaterThanOrEqual(1);

    // "retired" is not in the Worker's keyring: the object fetches the re-wrapped key from Postgres,
    // so the same message id is answered from the sealed turn written before the rotation.
    const replay = await postJson("/api/chat/messages", token, { id: "rot-1", text: "what's the fee for an international transfer" });
    expect(replay.status).toBe(200);
    await say(customerId, token, "rot-2", "thanks");
    await eventually(async () => ((await sealedRows(customerId)).length === 4 ? true : undefined), 20_000);
    const transcript = await withTestDb(async (db) => readTranscript(db, current, customerId));
    expect(transcript.unreadable).toBe(0);
    expect(transcript.events.filter((e) => e.type === "message.received").map((e) => e.payload.text)).toEqual(["what's the fee for an international transfer", "thanks"]);
    const keys = await withTestDb((db) => db.select().from(transcriptKeys).where(eq(transcriptKeys.customerId, customerId)));
    expect(keys).toEqual([expect.objectContaining({ masterKeyId: current.currentId, rewrappedAt: expect.any(Date) })]);
  });
});

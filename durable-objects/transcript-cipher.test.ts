import { describe, expect, it } from "vitest";
import { env, runInDurableObject } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { transcriptKeys } from "../packages/db/schema/transcript-keys.js";
import { isSealed, isSealedPayload } from "../packages/transcript-crypto/index.js";
import type { ChatEvent } from "../packages/contract/events.js";
import type { Db } from "../packages/db/client.js";
import { testDb, uniqueCustomerId, withTestDb } from "../test/workerd/helpers.js";
import { ChatSessionStore } from "./chat-session.storage.js";
import { TranscriptCipher, sealedSessionStorage } from "./transcript-cipher.js";
import type { ChatTurn } from "../packages/contract/chat.js";

// No plaintext anywhere, erasure and master key rotation end to end: test/workerd/transcript-encryption.test.ts.
const secrets = () => env as unknown as { TRANSCRIPT_MASTER_KEYS?: string; TRANSCRIPT_MASTER_KEY_ID?: string };
/** Postgres must not be needed: a call fails the test. */
const noDb = (): Promise<Db> => {
  throw new Error("Postgres was asked for");
};
const freshObject = () => env.CHAT_SESSION.get(env.CHAT_SESSION.idFromName(`cipher-test-${crypto.randomUUID()}`));
const event = (type: ChatEvent["type"], payload: Record<string, unknown>): ChatEvent => ({ id: crypto.randomUUID(), type, customerId: "c", occurredAt: new Date().toISOString(), payload });

describe("the ChatSession's transcript cipher", () => {
  it("seals with the customer's key and opens again from the object's own storage, without Postgres", async () => {
    const customerId = uniqueCustomerId("cipher");
    const result = await runInDurableObject(freshObject(), async (_instance, state) => {
      const store = new ChatSessionStore(state.storage.sql);
      const sealed = await new TranscriptCipher(store, secrets).seal(customerId, noDb, "my PIN is not here");
      // Another instance of the object (a wake-up): the key comes from storage.
      const reopened = await new TranscriptCipher(new ChatSessionStore(state.storage.sql), secrets).open(customerId, noDb, sealed);
      return { sealed, reopened, plain: await new TranscriptCipher(store, secrets).open(customerId, noDb, "stored before encryption") };
    });
    expect(isSealed(result.sealed)).toBe(true);
    expect(result.sealed).not.toContain("PIN");
    expect(result.reopened).toBe("my PIN is not here");
    expect(result.plain).toBe("stored before encryption");
  });

  it("after forgetting its key reads old values as unreadable and seals new ones with a new key", async () => {
    const customerId = uniqueCustomerId("cipher-forget");
    const result = await runInDurableObject(freshObject(), async (_instance, state) => {
      const cipher = new TranscriptCipher(new ChatSessionStore(state.storage.sql), secrets);
      const before = await cipher.seal(customerId, noDb, "before");
      cipher.forget();
      const after = await cipher.seal(customerId, noDb, "after");
      return { old: await cipher.open(customerId, noDb, before), fresh: await cipher.open(customerId, noDb, after) };
    });
    expect(result).toEqual({ old: undefined, fresh: "after" });
  });

  it("seals only the events that carry words", async () => {
    const sealed = await runInDurableObject(freshObject(), async (_instance, state) =>
      new TranscriptCipher(new ChatSessionStore(state.storage.sql), secrets).sealEvents(uniqueCustomerId("cipher-events"), noDb, [
        event("message.received", { text: "hello" }),
        event("audit.auth", { outcome: "refused" }),
      ]),
    );
    expect(isSealedPayload(sealed[0]!.payload)).toBe(true);
    expect(sealed[1]!.payload).toEqual({ outcome: "refused" });
  });

  it("registers a new key in Postgres once, before sealed events may leave", async () => {
    const customerId = uniqueCustomerId("cipher-register");
    await runInDurableObject(freshObject(), async (_instance, state) => {
      const cipher = new TranscriptCipher(new ChatSessionStore(state.storage.sql), secrets);
      await cipher.seal(customerId, noDb, "words");
      // Opened inside the object: a socket belongs to the Durable Object that made it.
      const { db, end } = testDb();
      try {
        await cipher.ensureRegistered(async () => db);
      } finally {
        await end();
      }
      // Registered: the next flush does not ask Postgres again.
      await cipher.ensureRegistered(noDb);
    });
    const rows = await withTestDb((tdb) => tdb.select().from(transcriptKeys).where(eq(transcriptKeys.customerId, customerId)));
    expect(rows).toHaveLength(1);
  });
  it("seals a turn's words and reply once each: the stored turn shares its events' seals and reads back the same", async () => {
    const customerId = uniqueCustomerId("cipher-once");
    const at = Date.UTC(2026, 11, 3, 21, 0, 0, 5);
    const reply = { text: "Our rates are on the website.", intent: { name: "exchange_rate", confidence: 0.9 } } as unknown as ChatTurn["reply"];
    const turn: ChatTurn = { id: "once-1", reply, at: new Date(at).toISOString() };
    const result = await runInDurableObject(freshObject(), async (_instance, state) => {
      const store = new ChatSessionStore(state.storage.sql);
      const cipher = new TranscriptCipher(store, secrets);
      const storage = sealedSessionStorage(store, cipher, customerId, noDb);
      const received = { ...event("message.received", { text: "rates for euros?", intent: "exchange_rate", confidence: 0.9 }), messageId: "once-1" };
      const sent = { ...event("reply.sent", { reply }), messageId: "once-1" };
      const encrypt = crypto.subtle.encrypt.bind(crypto.subtle);
      let seals = 0;
      crypto.subtle.encrypt = ((...args: Parameters<SubtleCrypto["encrypt"]>) => (seals++, encrypt(...args))) as SubtleCrypto["encrypt"];
      try {
        await cipher.seal(customerId, noDb, "the key exists before the count starts");
        seals = 0;
        await storage.commitTurn({ messageId: "once-1", text: "rates for euros?", turn, events: [received, sent], at, shownNotices: [] });
      } finally {
        crypto.subtle.encrypt = encrypt;
      }
      const row = store.findTurn("once-1")!;
      const queuedBy = new Map(store.pendingEvents(10).map((e) => [e.type, (e.payload as { sealed?: string }).sealed ?? ""]));
      const queued = [queuedBy.get("message.received") ?? "", queuedBy.get("reply.sent") ?? ""];
      const kept = store.turnsAfter(undefined, 10);
      return {
        seals,
        row,
        queued,
        read: await storage.findTurn("once-1"),
        keptTurn: await cipher.open(customerId, noDb, kept[0]!.turn),
        keptText: await cipher.open(customerId, noDb, row.text),
      };
    });
    expect(result.seals).toBe(2);
    expect(result.row.text).not.toContain("euros");
    expect(result.queued.every((sealed) => isSealed(sealed))).toBe(true);
    expect(result.row.text.endsWith(result.queued[0]!)).toBe(true);
    expect(result.row.turn.endsWith(result.queued[1]!)).toBe(true);
    expect(result.read).toEqual({ text: "rates for euros?", turn });
    expect(result.keptTurn).toBe(JSON.stringify(turn));
    expect(result.keptText).toBe("rates for euros?");
  });

  it("reads turns stored in the earlier format (words and turn sealed on their own) as before", async () => {
    const customerId = uniqueCustomerId("cipher-old-rows");
    const turn: ChatTurn = { id: "old-1", reply: { text: "Hello." } as unknown as ChatTurn["reply"], at: new Date(5).toISOString() };
    const result = await runInDurableObject(freshObject(), async (_instance, state) => {
      const store = new ChatSessionStore(state.storage.sql);
      const cipher = new TranscriptCipher(store, secrets);
      const sealedText = await cipher.seal(customerId, noDb, "hi there");
      const sealedTurn = await cipher.seal(customerId, noDb, JSON.stringify(turn));
      store.commitTurn({ messageId: "old-1", text: sealedText, turn: sealedTurn, events: [], at: 5, shownNotices: [] });
      store.commitTurn({ messageId: "plain-1", text: "before encryption", turn: JSON.stringify({ ...turn, id: "plain-1" }), events: [], at: 6, shownNotices: [] });
      const storage = sealedSessionStorage(store, cipher, customerId, noDb);
      return { sealed: await storage.findTurn("old-1"), plain: await storage.findTurn("plain-1") };
    });
    expect(result.sealed).toEqual({ text: "hi there", turn });
    expect(result.plain).toEqual({ text: "before encryption", turn: { ...turn, id: "plain-1" } });
  });
});

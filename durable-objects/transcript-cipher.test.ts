import { describe, expect, it } from "vitest";
import { env, runInDurableObject } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { transcriptKeys } from "../packages/db/schema/transcript-keys.js";
import { isSealed, isSealedPayload } from "../packages/transcript-crypto/index.js";
import type { ChatEvent } from "../packages/contract/events.js";
import type { Db } from "../packages/db/client.js";
import { testDb, uniqueCustomerId, withTestDb } from "../test/workerd/helpers.js";
import { ChatSessionStore } from "./chat-session.storage.js";
import { TranscriptCipher } from "./transcript-cipher.js";

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
});

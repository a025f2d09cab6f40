import { describe, expect, it } from "vitest";
import { env, runInDurableObject } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { erasureRequests } from "../../packages/db/schema/transcript-keys.js";
import { requestOperatorErasure } from "../../packages/db/conversation-erasure.js";
import { uniqueCustomerId, withTestDb } from "../../test/workerd/helpers.js";
import type { ChatEnv } from "./env.js";
import { runErasureRequests } from "./erasures.js";

// An operator's erasure reaching the Durable Object on the cron tick. What it erases there, and
// that a restored backup stays unreadable: test/workerd/transcript-encryption.test.ts.

const ctx = { waitUntil: (promise: Promise<unknown>) => void promise.catch(() => {}) };
const UNREACHABLE_DB = "postgres://nobody:nothing@127.0.0.1:9/none";
const sessionOf = (customerId: string) => env.CHAT_SESSION.get(env.CHAT_SESSION.idFromName(customerId));

/** The object's own Postgres goes away (or comes back): its erasure's Postgres step then fails. */
async function setObjectDatabase(customerId: string, url: string | undefined) {
  await runInDurableObject(sessionOf(customerId), (instance) => {
    const self = instance as unknown as { env: Record<string, unknown> };
    self.env = { ...self.env, DATABASE_URL: url ?? env.DATABASE_URL };
  });
}

const requestRow = (id: string) => withTestDb(async (db) => (await db.select().from(erasureRequests).where(eq(erasureRequests.id, id)))[0]!);

describe("operators' erasure requests (Cron Trigger)", () => {
  it("keeps a request the Durable Object could not complete pending, with its error, and completes it on a later tick", async () => {
    const customerId = uniqueCustomerId("erasure-retry");
    const { requestId } = await withTestDb((db) => requestOperatorErasure(db, customerId));
    await setObjectDatabase(customerId, UNREACHABLE_DB);

    await runErasureRequests(env as unknown as ChatEnv, ctx);
    const failed = await requestRow(requestId);
    expect(failed.completedAt).toBeNull();
    expect(failed.lastError).toMatch(/^unavailable: /);

    await setObjectDatabase(customerId, undefined);
    await runErasureRequests(env as unknown as ChatEnv, ctx);
    const done = await requestRow(requestId);
    expect(done.completedAt).not.toBeNull();
    expect(done.lastError).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { erasureRequests } from "../../packages/db/schema/transcript-keys.js";
import { requestOperatorErasure } from "../../packages/db/conversation-erasure.js";
import { uniqueCustomerId, withTestDb } from "../../test/workerd/helpers.js";
import { setSessionEnv, UNREACHABLE_DB } from "../../test/workerd/session-faults.js";
import type { ChatEnv } from "./env.js";
import { runErasureRequests } from "./erasures.js";

// An operator's erasure reaching the Durable Object on the cron tick. What it erases there, and
// that a restored backup stays unreadable: test/workerd/transcript-encryption.test.ts.

const ctx = { waitUntil: (promise: Promise<unknown>) => void promise.catch(() => {}) };
const requestRow = (id: string) => withTestDb(async (db) => (await db.select().from(erasureRequests).where(eq(erasureRequests.id, id)))[0]!);

describe("operators' erasure requests (Cron Trigger)", () => {
  it("keeps a request the Durable Object could not complete pending, with its error, and completes it on a later tick", async () => {
    const customerId = uniqueCustomerId("erasure-retry");
    const { requestId } = await withTestDb((db) => requestOperatorErasure(db, customerId));
    // The object's own Postgres goes away: its erasure's Postgres step then fails.
    await setSessionEnv(customerId, { DATABASE_URL: UNREACHABLE_DB });

    await runErasureRequests(env as unknown as ChatEnv, ctx);
    const failed = await requestRow(requestId);
    expect(failed.completedAt).toBeNull();
    expect(failed.lastError).toMatch(/^unavailable: /);

    await setSessionEnv(customerId, { DATABASE_URL: env.DATABASE_URL });
    await runErasureRequests(env as unknown as ChatEnv, ctx);
    const done = await requestRow(requestId);
    expect(done.completedAt).not.toBeNull();
    expect(done.lastError).toBeNull();
  });
});

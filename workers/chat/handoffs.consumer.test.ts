import { describe, expect, it } from "vitest";
import { createMessageBatch, env } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { handoffs } from "../../packages/db/schema/handoffs.js";
import { closeHandoff } from "../../packages/handoff/handoffs.repo.js";
import type { ChatEvent } from "../../packages/contract/events.js";
import { uniqueCustomerId, withTestDb } from "../../test/workerd/helpers.js";
import { messageEvent, queueMessage } from "../../test/workerd/queue-helpers.js";
import type { ChatEnv } from "./env.js";
import { queueHandoffs } from "./handoffs.consumer.js";

function handoffRequested(customerId: string, payload: Record<string, unknown>): ChatEvent {
  return { id: crypto.randomUUID(), type: "handoff.requested", customerId, occurredAt: new Date().toISOString(), payload };
}

const rowsOf = (customerId: string) => withTestDb((db) => db.select().from(handoffs).where(eq(handoffs.customerId, customerId)));

describe("the hand-off queueing consumer", () => {
  it("puts each requested hand-off of a batch in the staff queue once, whatever else the batch holds, and a redelivery adds nothing", async () => {
    const [alex, sam] = [uniqueCustomerId("hq-a"), uniqueCustomerId("hq-b")];
    const requests = [handoffRequested(alex, { reason: "complaint", intent: "dispute_charge" }), handoffRequested(sam, {})];
    const batch = () =>
      createMessageBatch("chat-events", [{ events: [messageEvent(alex, "a person please"), requests[0]] }, requests[1], { not: "an event" }].map(queueMessage));
    const chatEnv = env as unknown as ChatEnv;
    try {
      expect(await withTestDb((db) => queueHandoffs(batch(), db, chatEnv))).toBe(2);
      expect(await withTestDb((db) => queueHandoffs(batch(), db, chatEnv))).toBe(0);
      const [alexRows, samRows] = [await rowsOf(alex), await rowsOf(sam)];
      expect(alexRows.map((r) => [r.id, r.status, r.reason, r.intent])).toEqual([[requests[0]!.id, "queued", "complaint", "dispute_charge"]]);
      // A request without a reason is the customer's own.
      expect(samRows.map((r) => [r.id, r.reason, r.intent])).toEqual([[requests[1]!.id, "customer_request", null]]);
    } finally {
      // Out of the shared staff queue the hand-off suites read.
      await withTestDb(async (db) => {
        for (const r of requests) await closeHandoff(db, r.id, "left", ["queued"]);
      });
    }
  });
});

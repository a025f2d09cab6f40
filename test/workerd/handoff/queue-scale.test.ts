import { describe, expect, it } from "vitest";
import { inArray } from "drizzle-orm";
import { handoffs } from "../../../packages/db/schema/handoffs.js";
import { withTestDb } from "../helpers.js";
import { claim, inQueueOrder, queueOf, staffTokenFor } from "./support.js";

const WAITING = 2_500;

describe("the staff queue with thousands waiting", () => {
  it("shows the first 200 waiting, most urgent then oldest first, and still every conversation the agent holds", async () => {
    // Requested in the future, so the hand-offs of suites running beside this one stay older and
    // at the head of the queue they look in.
    const base = Date.UTC(2100, 0, 1);
    const run = crypto.randomUUID().slice(0, 8);
    const rows = Array.from({ length: WAITING }, (_, i) => ({
      id: crypto.randomUUID(),
      customerId: `cus_test_queue_scale_${run}_${i}`,
      reason: "customer_request",
      intent: "human_agent",
      requestedAt: new Date(base + i * 1000),
    }));
    await withTestDb(async (db) => {
      for (let i = 0; i < rows.length; i += 500) await db.insert(handoffs).values(rows.slice(i, i + 500));
    });
    try {
      const agent = await staffTokenFor(`stf_queue_${run}`);
      const held = rows.at(-1)!; // the newest: far outside the first page
      expect((await claim(agent, held.id)).status).toBe(200);

      const items = await queueOf(agent);
      const waiting = items.filter((item) => item.status === "queued");
      expect(waiting).toHaveLength(200);
      expect(inQueueOrder(waiting)).toBe(true);
      expect(items.find((item) => item.id === held.id)).toMatchObject({ status: "assigned", agentId: `stf_queue_${run}` });

      // Another agent sees the same waiting page and not the held conversation.
      const other = await queueOf(await staffTokenFor(`stf_queue_other_${run}`));
      expect(other.some((item) => item.id === held.id)).toBe(false);
      expect(other.filter((item) => item.status === "queued")).toHaveLength(200);
    } finally {
      await withTestDb((db) => db.delete(handoffs).where(inArray(handoffs.id, rows.map((r) => r.id))));
    }
  });
});


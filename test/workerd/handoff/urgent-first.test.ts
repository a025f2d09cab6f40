import { describe, expect, it } from "vitest";
import { inArray } from "drizzle-orm";
import { handoffs } from "../../../packages/db/schema/handoffs.js";
import { openHandoff } from "../../../packages/handoff/handoffs.repo.js";
import { uniqueCustomerId, withTestDb } from "../helpers.js";
import { inQueueOrder, queueOf, staffTokenFor } from "./support.js";

describe("the staff queue, most urgent first", () => {
  it("lists a fraud report, then a possible fraud, before older ordinary requests, each kind oldest first", async () => {
    // Requested long ago, so these stay on the first page whatever other suites left queued.
    const at = (day: number) => new Date(Date.UTC(2001, 0, day));
    const run = [
      { label: "urgent-plain-oldest", reason: "customer_request", intent: "human_agent", requestedAt: at(1) },
      { label: "urgent-fallback", reason: "repeated_fallback", intent: null, requestedAt: at(2) },
      { label: "urgent-risk", reason: "fraud_risk", intent: "dispute_charge", requestedAt: at(3) },
      { label: "urgent-fraud-newest", reason: "fraud", intent: "report_fraud", requestedAt: at(5) },
      { label: "urgent-fraud-older", reason: "fraud", intent: "report_fraud", requestedAt: at(4) },
    ].map(({ label, ...rest }) => ({ id: crypto.randomUUID(), customerId: uniqueCustomerId(label), ...rest }));
    await withTestDb(async (db) => {
      for (const h of run) await openHandoff(db, h);
    });
    try {
      const agent = await staffTokenFor(`stf_urgent_${crypto.randomUUID().slice(0, 8)}`);
      const items = await queueOf(agent);
      const ours = items.filter((item) => run.some((h) => h.id === item.id));
      expect(ours.map((item) => item.reason)).toEqual(["fraud", "fraud", "fraud_risk", "customer_request", "repeated_fallback"]);
      expect(ours.map((item) => item.requestedAt)).toEqual([at(4), at(5), at(3), at(1), at(2)].map((d) => d.toISOString()));
      // The whole page keeps that order, whatever else waits.
      expect(inQueueOrder(items.filter((item) => item.status === "queued"))).toBe(true);
    } finally {
      await withTestDb((db) => db.delete(handoffs).where(inArray(handoffs.id, run.map((h) => h.id))));
    }
  });
});

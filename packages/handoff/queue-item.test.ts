import { describe, expect, it } from "vitest";
import { queueItem } from "./queue-item.js";

describe("queueItem", () => {
  it("shows a hand-off as staff see it, never a negative wait", () => {
    const requestedAt = new Date("2026-12-01T10:00:00Z");
    const row = { id: "h1", customerId: "cus_a", status: "queued", reason: "fraud", intent: null, requestedAt, agentId: null, agentName: null } as Parameters<typeof queueItem>[0];
    expect(queueItem(row, { name: "Alex Kim" }, requestedAt.getTime() + 90_000)).toEqual({
      id: "h1", customerId: "cus_a", customerName: "Alex Kim", status: "queued", reason: "fraud", intent: null,
      requestedAt: "2026-12-01T10:00:00.000Z", waitingMs: 90_000, agentId: null, agentName: null, customerDisabled: false,
    });
    expect(queueItem(row, { name: null }, requestedAt.getTime() - 1).waitingMs).toBe(0);
  });

  it("says when the bank has disabled the customer", () => {
    const row = { id: "h1", customerId: "cus_a", status: "assigned", reason: "fraud", intent: null, requestedAt: new Date(), agentId: "stf_a", agentName: "A" } as Parameters<typeof queueItem>[0];
    expect(queueItem(row, { name: "Alex Kim", disabledAt: new Date() }).customerDisabled).toBe(true);
    expect(queueItem(row, { name: "Alex Kim", disabledAt: null }).customerDisabled).toBe(false);
  });
});

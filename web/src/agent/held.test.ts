import { describe, expect, it } from "vitest";
import { heldToOpen } from "./held.js";
import type { QueueItem } from "./staffApi.js";
import { queueItem } from "./fixtures.js";

const item = (id: string, status: QueueItem["status"], agentId: string | null): QueueItem =>
  queueItem({ id, customerId: `cus_${id}`, customerName: id, status, intent: null, waitingMs: 0, agentId, agentName: agentId });

describe("heldToOpen", () => {
  it("picks a conversation this agent holds, never one waiting or held by someone else", () => {
    const items = [item("a", "queued", null), item("b", "assigned", "stf_other"), item("c", "assigned", "stf_dana")];
    expect(heldToOpen(items, "stf_dana", new Set())).toBe("c");
    expect(heldToOpen(items.slice(0, 2), "stf_dana", new Set())).toBeNull();
  });

  it("opens each held conversation once per sign-in", () => {
    const items = [item("c", "assigned", "stf_dana"), item("d", "assigned", "stf_dana")];
    expect(heldToOpen(items, "stf_dana", new Set(["c"]))).toBe("d");
    expect(heldToOpen(items, "stf_dana", new Set(["c", "d"]))).toBeNull();
  });
});

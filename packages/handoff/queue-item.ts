import type { QueueItem } from "../contract/handoff.js";
import type { handoffs } from "../db/schema/handoffs.js";

export type { QueueItem };

type HandoffRow = typeof handoffs.$inferSelect;

export function queueItem(h: HandoffRow, name: string | null, now = Date.now()): QueueItem {
  return {
    id: h.id,
    customerId: h.customerId,
    customerName: name ?? "Customer",
    status: h.status,
    reason: h.reason,
    intent: h.intent,
    requestedAt: h.requestedAt.toISOString(),
    waitingMs: Math.max(0, now - h.requestedAt.getTime()),
    agentId: h.agentId,
    agentName: h.agentName,
  };
}

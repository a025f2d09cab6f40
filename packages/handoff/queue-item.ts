import type { handoffs } from "../db/schema/handoffs.js";

type HandoffRow = typeof handoffs.$inferSelect;

/** A hand-off as the staff console lists it. */
export interface QueueItem {
  id: string;
  customerId: string;
  customerName: string;
  status: HandoffRow["status"];
  reason: string;
  intent: string | null;
  requestedAt: string;
  waitingMs: number;
  agentId: string | null;
  agentName: string | null;
}

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

import type { QueueItem } from "../contract/handoff.js";
import type { handoffs } from "../db/schema/handoffs.js";

export type { QueueItem };

type HandoffRow = typeof handoffs.$inferSelect;

/** `customer`: the customer's row as joined (absent for a sign-in without one: a name-less, enabled customer). */
export function queueItem(h: HandoffRow, customer: { name: string | null; disabledAt?: Date | null }, now = Date.now()): QueueItem {
  const name = customer.name;
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
    customerDisabled: Boolean(customer.disabledAt),
  };
}

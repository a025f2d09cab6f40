/** The agent console's test fixtures, in one place (never imported by the app). */
import type { QueueItem, Staff, TranscriptEntry } from "../../../packages/contract/handoff.js";
import type { HandoffDetail } from "./staffApi.js";

export const DANA: Staff = { id: "stf_dana", name: "Dana Whitfield", role: "agent" };

/** A hand-off Dana holds for Alex Kim, unless told otherwise. */
export function queueItem(overrides: Partial<QueueItem> = {}): QueueItem {
  return {
    id: "h1",
    customerId: "cus_1",
    customerName: "Alex Kim",
    status: "assigned",
    reason: "customer_request",
    intent: "human_agent",
    requestedAt: "2026-12-02T09:00:00.000Z",
    waitingMs: 1000,
    agentId: DANA.id,
    agentName: DANA.name,
    customerDisabled: false,
    ...overrides,
  };
}

/** `count` lines, the customer and Teller in turn: "line 0", "line 1", … */
export function transcriptLines(count: number): TranscriptEntry[] {
  return Array.from({ length: count }, (_, i) => ({ id: `l${i}`, from: i % 2 ? ("teller" as const) : ("customer" as const), text: `line ${i}`, at: i }));
}

/** The conversation as the console opens it: the hand-off, its transcript, no accounts. */
export function handoffDetail(handoff: Partial<QueueItem> = {}, transcript: TranscriptEntry[] = []): HandoffDetail {
  return { handoff: queueItem(handoff), transcript, accounts: [], transactions: [] };
}

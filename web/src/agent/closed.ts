/** A hand-off that ended stays on the agent's screen, read only, until they open another. */
import type { ClosedHandoffStatus } from "../../../packages/contract/handoff.js";
import type { HandoffDetail } from "./staffApi.js";

const OPEN = new Set(["queued", "assigned"]);

export function isClosed(status: string): boolean {
  return !OPEN.has(status);
}

const CLOSED_AS: Record<string, string> = {
  resolved: "resolved",
  returned: "handed back to Teller",
  left: "the customer left the queue",
  expired: "nobody answered in time",
};

/** "Closed: resolved. …": what the conversation shows instead of the reply box. */
export function closedText(status: string): string {
  return `Closed: ${CLOSED_AS[status] ?? status}. You can read the conversation; replies are off.`;
}

/**
 * The conversation on screen after hand-off `id` closed with `status`: the same transcript, read
 * only. Read again from the server it would not be there for an agent (closed hand-offs are a
 * supervisor's to see), so the console keeps the copy it has.
 */
export function closedAs(detail: HandoffDetail | null, id: string, status: ClosedHandoffStatus): HandoffDetail | null {
  if (!detail || detail.handoff.id !== id) return detail;
  return { ...detail, handoff: { ...detail.handoff, status } };
}

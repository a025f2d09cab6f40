/**
 * Bank staff as Teller sees them: who they are (the workforce token's `sub` and name) and what
 * their role lets them see. No Workers globals: the gateway, the chat Worker and tests share it.
 */
import type { Staff } from "../contract/handoff.js";

export { isStaffRole, STAFF_ROLES, type Staff, type StaffRole } from "../contract/handoff.js";

/** "Dana Whitfield" → "Dana": the customer sees the first name only. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] || "Someone";
}

/** The demo staff of the local development identity provider (never listed with customers). */
export const DEMO_STAFF: readonly Staff[] = [
  { id: "stf_dana_whitfield", name: "Dana Whitfield", role: "agent" },
  { id: "stf_omar_haddad", name: "Omar Haddad", role: "agent" },
  { id: "stf_grace_lin", name: "Grace Lin", role: "supervisor" },
];

export interface HandoffVisibility {
  status: string;
  agentId: string | null;
}

/**
 * An agent sees what waits in the queue and what is assigned to them; a supervisor sees every
 * hand-off. Anything else answers as if it did not exist (404), so ids cannot be probed.
 */
export function canSee(staff: Staff, handoff: HandoffVisibility): boolean {
  if (staff.role === "supervisor") return true;
  return handoff.status === "queued" || (handoff.status === "assigned" && handoff.agentId === staff.id);
}

/** Only the agent holding the conversation writes to it (a supervisor reads, and may resolve). */
export function canAct(staff: Staff, handoff: HandoffVisibility, action: "message" | "hand_back" | "resolve"): boolean {
  if (handoff.status !== "assigned") return false;
  if (handoff.agentId === staff.id) return true;
  return action === "resolve" && staff.role === "supervisor";
}

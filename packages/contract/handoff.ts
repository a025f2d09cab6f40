/**
 * The hand-off to people on the wire, shared by the server (ChatSession, StaffDesk, gateway
 * routes) and the web app (the customer's chat and the agent page). Plain types and constants.
 */

export const STAFF_ROLES = ["agent", "supervisor"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** A member of staff as the workforce token says: `sub`, name, role. */
export interface Staff {
  id: string;
  /** Shown to the customer as "<first name> from the bank". */
  name: string;
  role: StaffRole;
}

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === "string" && (STAFF_ROLES as readonly string[]).includes(value);
}

/** What the customer sees from the bank's people, in the same chat as Teller. */
export interface AgentMessage {
  /** Unique; a resend with the same id is shown once. */
  id: string;
  /** joined: "<first name> from the bank joined"; left: handed back or resolved; notice: from the bank (e.g. nobody was free). */
  kind: "joined" | "message" | "left" | "notice";
  /** The agent's first name (absent for notices). */
  agentName?: string;
  text: string;
  /** Epoch ms. */
  at: number;
  /** Position in the conversation's agent log, for HTTP clients reading `after` a cursor. */
  seq: number;
}

/** Frames the customer's socket gets besides Teller's (see frames.ts). */
export type CustomerAgentFrame =
  | { type: "agent"; message: AgentMessage }
  | { type: "agent_typing"; on: boolean; agentName: string };

/** Where a hand-off stands (the handoffs table's status column holds the same values). */
export type HandoffStatus = "queued" | "assigned" | "returned" | "resolved" | "left" | "expired";
export type ClosedHandoffStatus = Exclude<HandoffStatus, "queued" | "assigned">;

/** A hand-off as the staff console lists it (GET /api/staff/queue, a claim's answer). */
export interface QueueItem {
  id: string;
  customerId: string;
  customerName: string;
  status: HandoffStatus;
  reason: string;
  intent: string | null;
  requestedAt: string;
  waitingMs: number;
  agentId: string | null;
  agentName: string | null;
  /** The bank has disabled the customer: the conversation can be read, not answered. */
  customerDisabled: boolean;
}

/** One line of the transcript an agent reads: masked, oldest first. */
export interface TranscriptEntry {
  id: string;
  from: "customer" | "teller" | "agent";
  text: string;
  at: number;
  agentName?: string;
}

/** Frames the staff desk pushes to signed-in staff (no polling). */
export type StaffDeskFrame =
  /** The queue changed (a new hand-off, a claim, a close): read GET /api/staff/queue again. */
  | { type: "queue_changed" }
  /** The customer wrote in a conversation an agent holds. */
  | { type: "customer_message"; handoffId: string; entry: TranscriptEntry }
  /** An agent wrote (echoed to the holder's other tabs and to supervisors). */
  | { type: "agent_message"; handoffId: string; entry: TranscriptEntry }
  | { type: "handoff_closed"; handoffId: string; status: ClosedHandoffStatus }
  /** The customer erased their conversation (GDPR Art. 17): what the console shows of it goes too. */
  | { type: "transcript_erased"; handoffId: string };

export const AGENT_MESSAGE_MAX_CHARS = 2000;

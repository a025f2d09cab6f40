/**
 * The hand-off's wire types, shared by the server (ChatSession, StaffDesk, gateway routes) and
 * the web app (customer chat and agent page): one definition, no second copy to drift.
 */

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

/** Frames the customer's socket gets besides Teller's (see durable-objects/chat-socket.ts). */
export type CustomerAgentFrame =
  | { type: "agent"; message: AgentMessage }
  | { type: "agent_typing"; on: boolean; agentName: string };

/** One line of the transcript an agent reads: masked, newest last. */
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
  | { type: "handoff_closed"; handoffId: string; status: string }
  | { type: "error"; error: { code: string; message: string } };

export const AGENT_MESSAGE_MAX_CHARS = 2000;

/** "Dana from the bank joined" — what the customer sees when an agent claims the conversation. */
export function joinedText(agentFirstName: string): string {
  return `${agentFirstName} from the bank joined the chat.`;
}

export function leftText(agentFirstName: string, resolved: boolean): string {
  return resolved
    ? `${agentFirstName} marked this conversation as resolved. Teller is here if you need anything else.`
    : `${agentFirstName} handed you back to Teller. Ask me anything.`;
}

/** Told to a customer nobody picked up in time: other ways to reach the bank. */
export const NOBODY_FREE_TEXT =
  "Sorry, nobody from our team was free to pick this up. You can call us any time on 0800 123 4567 " +
  "(+44 20 7946 0000 from abroad), or send a secure message from online banking and we'll reply within one working day. " +
  "If your card was lost or stolen, call now: we can block it at once.";

export const LEFT_QUEUE_TEXT = "You've left the queue. Teller is here if you need anything else.";

/** The events that carry what was said; audit events (money, cards, sign-ins) are kept. */
export const CONVERSATION_EVENT_TYPES = ["message.received", "reply.sent", "handoff.requested", "handoff.agent_message"] as const;
/** Of those, the ones whose payload holds the customer's or Teller's words: sealed with the data key. */
export const SEALED_EVENT_TYPES: ReadonlySet<string> = new Set(["message.received", "reply.sent", "handoff.agent_message"]);
/** How long conversation events are kept, unless TRANSCRIPT_RETENTION_DAYS says otherwise. */
export const DEFAULT_TRANSCRIPT_RETENTION_DAYS = 90;

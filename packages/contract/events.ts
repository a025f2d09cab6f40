/**
 * Events the chat Worker puts on the `chat-events` queue. The consumer stores them in Postgres
 * keyed by `id`, so a redelivered event is stored once.
 */
export type ChatEventType =
  | "message.received"
  | "reply.sent"
  | "handoff.requested"
  | HandoffEventType
  | "audit.transfer"
  | "audit.card"
  | "audit.auth"
  | "audit.rate_limit"
  | "audit.staff_read";

/** The life of a hand-off to a person (packages/handoff), each stored like any other event. */
export type HandoffEventType =
  | "handoff.claimed"
  | "handoff.agent_message"
  | "handoff.returned"
  | "handoff.resolved"
  | "handoff.left"
  | "handoff.expired";

export interface ChatEvent {
  /** A UUID chosen by the producer: the idempotency key of the consumer's insert. */
  id: string;
  type: ChatEventType;
  customerId: string;
  messageId?: string;
  /** ISO 8601. */
  occurredAt: string;
  /** Redacted before it is queued: no card numbers, no tokens. */
  payload: Record<string, unknown>;
}

const EVENT_TYPES: ReadonlySet<string> = new Set<ChatEventType>([
  "message.received",
  "reply.sent",
  "handoff.requested",
  "handoff.claimed",
  "handoff.agent_message",
  "handoff.returned",
  "handoff.resolved",
  "handoff.left",
  "handoff.expired",
  "audit.transfer",
  "audit.card",
  "audit.auth",
  "audit.rate_limit",
  "audit.staff_read",
]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Queue bodies are untrusted input too: a malformed one goes to the DLQ, not into the table. */
export function isChatEvent(value: unknown): value is ChatEvent {
  if (typeof value !== "object" || value === null) return false;
  const e = value as Record<string, unknown>;
  return (
    typeof e.id === "string" &&
    UUID.test(e.id) &&
    typeof e.type === "string" &&
    EVENT_TYPES.has(e.type) &&
    typeof e.customerId === "string" &&
    e.customerId.length > 0 &&
    (e.messageId === undefined || typeof e.messageId === "string") &&
    typeof e.occurredAt === "string" &&
    !Number.isNaN(Date.parse(e.occurredAt)) &&
    typeof e.payload === "object" &&
    e.payload !== null
  );
}

/**
 * A queue message carrying several events: the ChatSession's outbox sends one per flush, so a
 * busy conversation costs one queue message per flush instead of two per turn.
 */
export interface ChatEventBundle {
  events: ChatEvent[];
}

/** Queue bodies as produced: a single event (the gateway's audit events) or a bundle. */
export function eventsOf(body: unknown): { valid: ChatEvent[]; invalid: unknown[] } {
  if (isChatEvent(body)) return { valid: [body], invalid: [] };
  const events = (body as { events?: unknown } | null)?.events;
  if (typeof body !== "object" || body === null || !Array.isArray(events) || Object.keys(body).length !== 1) {
    return { valid: [], invalid: [body] };
  }
  const valid: ChatEvent[] = [];
  const invalid: unknown[] = [];
  for (const event of events) (isChatEvent(event) ? valid : invalid).push(event);
  return { valid, invalid };
}

/**
 * The ids (UUIDs, lower case) of the events a queue body carries, whether valid or not: how a
 * parked dead letter is found by the ids of its events.
 */
export function eventIdsIn(body: unknown): string[] {
  const candidates = isChatEvent(body) ? [body] : Array.isArray((body as { events?: unknown } | null)?.events) ? ((body as { events: unknown[] }).events) : [body];
  const ids = new Set<string>();
  for (const item of candidates) {
    const id = (item as { id?: unknown } | null)?.id;
    if (typeof id === "string" && UUID.test(id)) ids.add(id.toLowerCase());
  }
  return [...ids];
}

/** What the consumer itself sends to the DLQ: the failed message body (or its bad events) and why. */
export interface DeadLetterBody {
  reason: string;
  body: unknown;
}

export function isDeadLetterBody(value: unknown): value is DeadLetterBody {
  if (typeof value !== "object" || value === null) return false;
  const keys = Object.keys(value);
  return keys.length === 2 && typeof (value as { reason?: unknown }).reason === "string" && "body" in value;
}

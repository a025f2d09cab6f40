import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Everything that goes through the `chat-events` queue lands here. Queues deliver at least once
 * and out of order, so the producer's event id is the primary key and inserts are
 * ON CONFLICT DO NOTHING.
 */
export const chatEvents = pgTable(
  "chat_events",
  {
    id: uuid("id").primaryKey(),
    customerId: text("customer_id").notNull(),
    /** "message.received" | "reply.sent" | "handoff.requested" | "audit.*" … */
    type: text("type").notNull(),
    /** The client message id the event belongs to, when there is one. */
    messageId: text("message_id"),
    /** Already redacted by the producer: card numbers never reach this table. */
    payload: jsonb("payload").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    storedAt: timestamp("stored_at", { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [index("chat_events_customer_time_idx").on(t.customerId, t.occurredAt)],
);

/**
 * Queue messages that could not be stored, parked by the DLQ consumer so an operator can see why
 * and replay them (`npm run ops -- dead-letters …`). Keyed by a hash of the body: the same message
 * dead-lettered again bumps `count` and `last_seen_at` instead of adding a row. The body is kept
 * as JSON text, not jsonb: jsonb refuses \u0000, and a NUL is one reason a message lands here.
 */
export const deadLetters = pgTable(
  "dead_letters",
  {
    id: text("id").primaryKey(),
    queue: text("queue").notNull(),
    body: text("body").notNull(),
    error: text("error").notNull(),
    count: integer("count").notNull().default(1),
    firstSeenAt: timestamp("first_seen_at", { withTimezone: true }).notNull().default(sql`now()`),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().default(sql`now()`),
    /** Set when a replay stored every event of the body; replayed rows are kept for the record. */
    replayedAt: timestamp("replayed_at", { withTimezone: true }),
    /** The ids of the events in the body: a ChatSession's outbox asks whether its events got here. */
    eventIds: uuid("event_ids").array().notNull().default(sql`'{}'`),
  },
  (t) => [index("dead_letters_event_ids_idx").using("gin", t.eventIds)],
);

import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

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

import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

const ms = { withTimezone: true, precision: 3 } as const;

/**
 * Conversations Teller handed to a person (migration 0009). The source of truth for the staff
 * queue: a claim is one conditional UPDATE (`… WHERE status = 'queued'`), so of two agents who
 * click together exactly one gets the row. The id is the `handoff.requested` event's id, so the
 * ChatSession's insert and the queue consumer's insert of the same event make one row.
 */
export const handoffs = pgTable(
  "handoffs",
  {
    id: uuid("id").primaryKey(),
    customerId: text("customer_id").notNull(),
    /** queued → assigned → returned | resolved; or queued → left (the customer) | expired. */
    status: text("status", { enum: ["queued", "assigned", "returned", "resolved", "left", "expired"] }).notNull().default("queued"),
    reason: text("reason").notNull(),
    intent: text("intent"),
    requestedAt: timestamp("requested_at", ms).notNull().default(sql`now()`),
    agentId: text("agent_id"),
    agentName: text("agent_name"),
    claimedAt: timestamp("claimed_at", ms),
    firstReplyAt: timestamp("first_reply_at", ms),
    closedAt: timestamp("closed_at", ms),
  },
  (t) => [
    // One open hand-off per customer: a second request while one waits is the same hand-off.
    uniqueIndex("handoffs_open_customer_key").on(t.customerId).where(sql`${t.status} IN ('queued', 'assigned')`),
    index("handoffs_queued_idx").on(t.requestedAt).where(sql`${t.status} = 'queued'`),
    // The staff queue's order (migration 0018): fraud reports, then possible fraud, then the rest, oldest first.
    index("handoffs_queued_urgency_idx")
      .on(sql`(CASE ${t.reason} WHEN 'fraud' THEN 0 WHEN 'fraud_risk' THEN 1 ELSE 2 END)`, t.requestedAt)
      .where(sql`${t.status} = 'queued'`),
    index("handoffs_agent_idx").on(t.agentId).where(sql`${t.status} = 'assigned'`),
  ],
);

import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { customers } from "./banking.js";

const ms = { withTimezone: true, precision: 3 } as const;

/**
 * Dispute cases a customer opened on one of their transactions. One case per customer and
 * transaction, so asking twice (or a retried effect) finds the first case instead of opening a
 * second. `reference` is what the customer quotes ("DSP-7K2Q9M"); the status moves as the
 * disputes team works the case.
 */
export const disputes = pgTable(
  "disputes",
  {
    id: text("id").primaryKey(),
    customerId: text("customer_id")
      .notNull()
      .references(() => customers.id),
    /** A row of the customer's `transactions` (a view: the key is a trigger, migration 0021). */
    transactionId: text("transaction_id").notNull(),
    reference: text("reference").notNull(),
    reason: text("reason", { enum: ["unrecognised", "duplicate", "other"] }).notNull(),
    status: text("status", { enum: ["open", "under_review", "resolved", "rejected"] }).notNull().default("open"),
    createdAt: timestamp("created_at", ms).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", ms).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("disputes_customer_transaction_key").on(t.customerId, t.transactionId),
    uniqueIndex("disputes_reference_key").on(t.reference),
    index("disputes_customer_created_idx").on(t.customerId, t.createdAt.desc()),
    check("disputes_reason", sql`${t.reason} IN ('unrecognised', 'duplicate', 'other')`),
    check("disputes_status", sql`${t.status} IN ('open', 'under_review', 'resolved', 'rejected')`),
    check("disputes_reference_format", sql`${t.reference} ~ '^DSP-[0-9A-Z]{6}$'`),
  ],
);

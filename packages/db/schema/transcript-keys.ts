import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Each customer's transcript data keys, wrapped by a master key (packages/transcript-crypto).
 * Deleting a customer's rows is the crypto-shredding step of erasure: every copy of their
 * transcript ciphertext — backups included — stops being readable. A customer may hold more
 * than one key (a new one after each erasure); `key_id` is what sealed text names.
 */
export const transcriptKeys = pgTable(
  "transcript_keys",
  {
    keyId: uuid("key_id").primaryKey(),
    customerId: text("customer_id").notNull(),
    /** Which entry of TRANSCRIPT_MASTER_KEYS wraps it: rotation re-wraps rows whose id is not the current one. */
    masterKeyId: text("master_key_id").notNull(),
    wrappedKey: text("wrapped_key").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(sql`now()`),
    rewrappedAt: timestamp("rewrapped_at", { withTimezone: true }),
  },
  (t) => [index("transcript_keys_customer_idx").on(t.customerId), index("transcript_keys_master_idx").on(t.masterKeyId)],
);

/**
 * An operator's erasure, until it has also reached the customer's Durable Object: the chat
 * Worker's 15-minute Cron Trigger erases the object's turns and key, then sets `completed_at`.
 * No content, only who and when; the `audit.erasure` event in chat_events has the same id.
 */
export const erasureRequests = pgTable(
  "erasure_requests",
  {
    id: uuid("id").primaryKey(),
    customerId: text("customer_id").notNull(),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().default(sql`now()`),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    /** Why the last attempt to reach the Durable Object failed, for `npm run ops -- erasures`. */
    lastError: text("last_error"),
  },
  (t) => [index("erasure_requests_pending_idx").on(t.requestedAt).where(sql`completed_at IS NULL`)],
);

import { sql } from "drizzle-orm";
import { bigint, check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { accounts, customers, payees } from "./banking.js";

/**
 * Scheduled and recurring transfers (migrations/0005_scheduled_transfers.sql). A schedule is what
 * the customer confirmed; each occurrence runs through the ledger's transfer with the idempotency
 * key `sched:<id>:<occurrence date>`, so an occurrence moves money at most once whatever retries.
 * `next_run_date`/`runs_done` advance in the same SQL transaction as the occurrence's transfer.
 */
const ms = { withTimezone: true, precision: 3 } as const;

export const scheduledTransfers = pgTable(
  "scheduled_transfers",
  {
    id: text("id").primaryKey(),
    customerId: text("customer_id")
      .notNull()
      .references(() => customers.id),
    /** `schedule:<confirmation id>` from the chat: a repeated "yes" stores one schedule. */
    idempotencyKey: text("idempotency_key").notNull(),
    /** The server-rendered confirmation the customer accepted. */
    confirmationId: text("confirmation_id"),
    fromAccountId: text("from_account_id")
      .notNull()
      .references(() => accounts.id),
    toAccountId: text("to_account_id").references(() => accounts.id),
    toPayeeId: text("to_payee_id").references(() => payees.id),
    amount: bigint("amount", { mode: "number" }).notNull(),
    currency: text("currency", { enum: ["USD", "EUR", "GBP"] }).notNull(),
    startDate: date("start_date", { mode: "string" }).notNull(),
    repeatUnit: text("repeat_unit", { enum: ["day", "week", "month"] }),
    repeatInterval: integer("repeat_interval"),
    untilDate: date("until_date", { mode: "string" }),
    maxCount: integer("max_count"),
    status: text("status", { enum: ["active", "completed", "cancelled", "failed"] }).notNull().default("active"),
    /** The next occurrence's date while active; NULL once the schedule is over. */
    nextRunDate: date("next_run_date", { mode: "string" }),
    /** Occurrences already run (sent or failed): the index of the next one. */
    runsDone: integer("runs_done").notNull().default(0),
    createdAt: timestamp("created_at", ms).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", ms).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("scheduled_transfers_customer_key").on(t.customerId, t.idempotencyKey),
    index("scheduled_transfers_customer_idx").on(t.customerId),
    index("scheduled_transfers_due_idx").on(t.nextRunDate).where(sql`status = 'active'`),
    check("scheduled_transfers_amount_positive", sql`${t.amount} > 0`),
    check("scheduled_transfers_one_destination", sql`(${t.toAccountId} IS NULL) <> (${t.toPayeeId} IS NULL)`),
    check("scheduled_transfers_status", sql`${t.status} IN ('active', 'completed', 'cancelled', 'failed')`),
    check("scheduled_transfers_repeat", sql`(${t.repeatUnit} IS NULL) = (${t.repeatInterval} IS NULL)`),
    check("scheduled_transfers_active_has_next", sql`${t.status} <> 'active' OR ${t.nextRunDate} IS NOT NULL`),
  ],
);

/** One row per occurrence that ran: the (schedule, date) key makes a second run of it impossible. */
export const scheduledTransferRuns = pgTable(
  "scheduled_transfer_runs",
  {
    scheduleId: text("schedule_id")
      .notNull()
      .references(() => scheduledTransfers.id),
    occurrenceDate: date("occurrence_date", { mode: "string" }).notNull(),
    customerId: text("customer_id")
      .notNull()
      .references(() => customers.id),
    status: text("status", { enum: ["sent", "failed"] }).notNull(),
    transferId: text("transfer_id"),
    errorCode: text("error_code"),
    createdAt: timestamp("created_at", ms).notNull().defaultNow(),
    /** When the customer's conversation was handed the notice of a failed occurrence. */
    notifiedAt: timestamp("notified_at", ms),
  },
  (t) => [
    primaryKey({ name: "scheduled_transfer_runs_pk", columns: [t.scheduleId, t.occurrenceDate] }),
    index("scheduled_transfer_runs_unnotified_idx").on(t.createdAt).where(sql`status = 'failed' AND notified_at IS NULL`),
    check("scheduled_transfer_runs_status", sql`${t.status} IN ('sent', 'failed')`),
  ],
);

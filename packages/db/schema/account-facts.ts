import { sql } from "drizzle-orm";
import { bigint, check, date, index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { accounts, customers } from "./banking.js";

/**
 * What a customer may ask about an account besides its balance: full account and routing numbers,
 * its interest rate, rewards points, and a credit card's statements. Kept out of `accounts` so the
 * full account number is read by one query only (packages/banking/account-facts.repo.ts) and
 * never travels with the balances. Every row names its customer, and every query is scoped by it.
 */

const currencyCheck = (column: string) => sql.raw(`${column} IN ('USD', 'EUR', 'GBP')`);

export const accountDetails = pgTable(
  "account_details",
  {
    accountId: text("account_id")
      .primaryKey()
      .references(() => accounts.id),
    customerId: text("customer_id")
      .notNull()
      .references(() => customers.id),
    /** The full account number; it ends with the account's `mask`. Shown only when asked for. */
    accountNumber: text("account_number").notNull(),
    /** ABA routing number of a deposit account; NULL for a credit card. */
    routingNumber: text("routing_number"),
    /** Annual rate in basis points: APY for checking and savings, purchase APR for a credit card. */
    annualRateBps: integer("annual_rate_bps").notNull(),
    /** Points balance of the account's rewards programme; NULL when the account earns none. */
    rewardsPoints: bigint("rewards_points", { mode: "number" }),
  },
  (t) => [
    index("account_details_customer_idx").on(t.customerId),
    check("account_details_account_number", sql`${t.accountNumber} ~ '^[0-9]{6,17}$'`),
    check("account_details_routing_number", sql`${t.routingNumber} ~ '^[0-9]{9}$'`),
    check("account_details_rate", sql`${t.annualRateBps} BETWEEN 0 AND 10000`),
    check("account_details_rewards", sql`${t.rewardsPoints} >= 0`),
  ],
);

/** A credit card's monthly statements; the newest (by closing date) is the one the customer owes. */
export const creditStatements = pgTable(
  "credit_statements",
  {
    id: text("id").primaryKey(),
    customerId: text("customer_id")
      .notNull()
      .references(() => customers.id),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    periodStart: date("period_start", { mode: "string" }).notNull(),
    /** The closing date. */
    periodEnd: date("period_end", { mode: "string" }).notNull(),
    dueDate: date("due_date", { mode: "string" }).notNull(),
    /** What was owed at closing, positive minor units. */
    statementBalance: bigint("statement_balance", { mode: "number" }).notNull(),
    minimumPayment: bigint("minimum_payment", { mode: "number" }).notNull(),
    currency: text("currency", { enum: ["USD", "EUR", "GBP"] }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("credit_statements_account_period").on(t.accountId, t.periodEnd),
    index("credit_statements_customer_idx").on(t.customerId, t.periodEnd.desc()),
    check("credit_statements_period", sql`${t.periodStart} <= ${t.periodEnd} AND ${t.periodEnd} < ${t.dueDate}`),
    check("credit_statements_amounts", sql`${t.statementBalance} >= 0 AND ${t.minimumPayment} BETWEEN 0 AND ${t.statementBalance}`),
    check("credit_statements_currency", currencyCheck("currency")),
  ],
);

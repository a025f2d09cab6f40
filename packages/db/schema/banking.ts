import { sql } from "drizzle-orm";
import { bigint, check, date, foreignKey, index, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

/**
 * Banking: customers, their accounts, cards and payees, a double-entry ledger and the transfers
 * and the customer-facing transactions (stored, or derived from the transfers: migration 0021).
 *
 * Ids are text: customers keep the identity provider's `sub`; everything else is a prefixed
 * random id (`acc_…`, `card_…`, `pay_…`, `trf_…`, `ltx_…`, `txn_…`, see packages/banking/ids.ts)
 * so a mistyped id of the wrong kind never matches. Money is bigint minor units, read as JS
 * numbers (always safe integers, see packages/money/money.ts). Timestamps that order pages keep
 * millisecond precision so a cursor holding a JS Date is exact.
 *
 * Hand-written SQL in migrations/0002_ledger_guards.sql adds what drizzle cannot express: ledger
 * entries and transfers refuse UPDATE/DELETE, and every ledger transaction's entries must sum to
 * zero per currency at commit.
 */

const ms = { withTimezone: true, precision: 3 } as const;
const currencyCheck = (column: string) => sql.raw(`${column} IN ('USD', 'EUR', 'GBP')`);

export const customers = pgTable("customers", {
  /** The verified token's `sub`. */
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  email: text("email"),
  createdAt: timestamp("created_at", ms).notNull().defaultNow(),
  /** Set when the bank blocks the customer: the gateway then refuses their tokens. */
  disabledAt: timestamp("disabled_at", ms),
});

/**
 * Customer accounts and the bank's own clearing accounts (one per currency, `customer_id` NULL):
 * money from or to the outside world (payees, card spending, salary) is booked against clearing,
 * so every ledger transaction still sums to zero.
 *
 * A customer account's `balance` is kept in the same SQL transaction as its entries and always
 * equals their sum. A clearing account has no stored balance (NULL): every external booking
 * would otherwise queue on its one row; its balance is the sum of its entries.
 *
 * No overdraft: `balance >= -credit_limit`, and only credit accounts have a limit, so checking
 * and savings never go below zero and a credit card's balance (negative = owed) stops at −limit.
 */
export const accounts = pgTable(
  "accounts",
  {
    id: text("id").primaryKey(),
    customerId: text("customer_id").references(() => customers.id),
    type: text("type", { enum: ["checking", "savings", "credit", "clearing"] }).notNull(),
    name: text("name").notNull(),
    /** Last four digits of the account number; the full number is never stored here. */
    mask: text("mask"),
    currency: text("currency", { enum: ["USD", "EUR", "GBP"] }).notNull(),
    balance: bigint("balance", { mode: "number" }),
    creditLimit: bigint("credit_limit", { mode: "number" }).notNull().default(0),
    createdAt: timestamp("created_at", ms).notNull().defaultNow(),
  },
  (t) => [
    index("accounts_customer_idx").on(t.customerId),
    // What transfers and history rows reference with their customer (migration 0019).
    uniqueIndex("accounts_id_customer_key").on(t.id, t.customerId),
    uniqueIndex("accounts_one_clearing_per_currency").on(t.currency).where(sql`type = 'clearing'`),
    // The rules about the other columns (accounts_type, accounts_currency, accounts_mask,
    // accounts_customer_account_has_mask, accounts_clearing_has_no_customer, accounts_credit_limit)
    // are checked by the trigger accounts_check_row of migration 0020, on INSERT and on an UPDATE
    // of those columns, so that a transfer's balance UPDATE does not re-check them.
    check("accounts_clearing_has_no_balance", sql`(${t.type} = 'clearing') = (${t.balance} IS NULL)`),
    check("accounts_no_overdraft", sql`${t.balance} >= -${t.creditLimit}`),
  ],
);

export const cards = pgTable(
  "cards",
  {
    id: text("id").primaryKey(),
    customerId: text("customer_id")
      .notNull()
      .references(() => customers.id),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    /** PCI DSS 3.4: only the last four digits are ever stored. */
    last4: text("last4").notNull(),
    brand: text("brand").notNull(),
    status: text("status", { enum: ["active", "frozen"] }).notNull().default("active"),
    /** Printed expiry (month 1–12, four-digit year); NULL for cards issued before it was recorded. */
    expiryMonth: smallint("expiry_month"),
    expiryYear: smallint("expiry_year"),
    statusChangedAt: timestamp("status_changed_at", ms).notNull().defaultNow(),
    createdAt: timestamp("created_at", ms).notNull().defaultNow(),
  },
  (t) => [
    index("cards_customer_idx").on(t.customerId),
    check("cards_last4", sql`${t.last4} ~ '^[0-9]{4}$'`),
    check("cards_status", sql`${t.status} IN ('active', 'frozen')`),
    check(
      "cards_expiry",
      sql`(${t.expiryMonth} IS NULL) = (${t.expiryYear} IS NULL) AND (${t.expiryMonth} IS NULL OR (${t.expiryMonth} BETWEEN 1 AND 12 AND ${t.expiryYear} BETWEEN 2000 AND 2100))`,
    ),
  ],
);

/** Saved recipients. Adding one is a stronger-authentication flow, never a chat action. */
export const payees = pgTable(
  "payees",
  {
    id: text("id").primaryKey(),
    customerId: text("customer_id")
      .notNull()
      .references(() => customers.id),
    name: text("name").notNull(),
    /** Last four digits of the payee's account. */
    mask: text("mask").notNull(),
    currency: text("currency", { enum: ["USD", "EUR", "GBP"] }).notNull(),
    /** "person" or "biller" (migration 0017): "Which bill?" offers billers only. */
    kind: text("kind", { enum: ["person", "biller"] }).notNull().default("person"),
    createdAt: timestamp("created_at", ms).notNull().defaultNow(),
  },
  (t) => [
    index("payees_customer_idx").on(t.customerId),
    uniqueIndex("payees_id_customer_key").on(t.id, t.customerId),
    check("payees_mask", sql`${t.mask} ~ '^[0-9]{4}$'`),
    check("payees_currency", currencyCheck("currency")),
    check("payees_kind", sql`${t.kind} IN ('person', 'biller')`),
  ],
);

/** One balanced set of entries: a transfer, or a booking from outside (salary, card purchase…). */
export const ledgerTransactions = pgTable(
  "ledger_transactions",
  {
    id: text("id").primaryKey(),
    kind: text("kind", { enum: ["transfer", "external"] }).notNull(),
    description: text("description").notNull(),
    bookedAt: timestamp("booked_at", ms).notNull().defaultNow(),
  },
  (t) => [check("ledger_transactions_kind", sql`${t.kind} IN ('transfer', 'external')`)],
);

/** Append-only (enforced by trigger). Positive credits an account, negative debits it. */
export const ledgerEntries = pgTable(
  "ledger_entries",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    ledgerTransactionId: text("ledger_transaction_id")
      .notNull()
      .references(() => ledgerTransactions.id),
    accountId: text("account_id")
      .notNull()
      .references(() => accounts.id),
    amount: bigint("amount", { mode: "number" }).notNull(),
    currency: text("currency", { enum: ["USD", "EUR", "GBP"] }).notNull(),
    createdAt: timestamp("created_at", ms).notNull().defaultNow(),
  },
  (t) => [
    // Kept although no product query reads entries by account yet: reconciling one account
    // against its entries (statements, disputes, audits) must not scan every entry (migration 0020).
    index("ledger_entries_account_idx").on(t.accountId),
    index("ledger_entries_transaction_idx").on(t.ledgerTransactionId),
    check("ledger_entries_amount_nonzero", sql`${t.amount} <> 0`),
    check("ledger_entries_currency", currencyCheck("currency")),
  ],
);

/**
 * Customer-initiated transfers, immutable once written (a reversal is a new transfer). The
 * unique (customer_id, idempotency_key) index is what makes a transfer happen exactly once.
 */
export const transfers = pgTable(
  "transfers",
  {
    id: text("id").primaryKey(),
    /** The customer exists because the from account (its key includes the customer) does. */
    customerId: text("customer_id").notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    fromAccountId: text("from_account_id").notNull(),
    toAccountId: text("to_account_id"),
    toPayeeId: text("to_payee_id"),
    amount: bigint("amount", { mode: "number" }).notNull(),
    currency: text("currency", { enum: ["USD", "EUR", "GBP"] }).notNull(),
    memo: text("memo"),
    status: text("status", { enum: ["posted"] }).notNull().default("posted"),
    ledgerTransactionId: text("ledger_transaction_id")
      .notNull()
      .unique("transfers_ledger_transaction_unique")
      .references(() => ledgerTransactions.id),
    createdAt: timestamp("created_at", ms).notNull().defaultNow(),
    /**
     * The history rows the transfer shows as (view `transactions`, migration 0021): their ids and
     * merchant texts, names frozen at the transfer. No credit row for a payee; NULL debit: none.
     */
    debitTransactionId: text("debit_transaction_id"),
    debitMerchant: text("debit_merchant"),
    creditTransactionId: text("credit_transaction_id"),
    creditMerchant: text("credit_merchant"),
  },
  (t) => [
    uniqueIndex("transfers_customer_idempotency_key").on(t.customerId, t.idempotencyKey),
    // The derived history rows' pages, newest first (migration 0021).
    index("transfers_debit_history_idx")
      .on(t.customerId, t.createdAt.desc().nullsFirst(), t.debitTransactionId.desc().nullsFirst())
      .where(sql`${t.debitTransactionId} IS NOT NULL`),
    index("transfers_credit_history_idx")
      .on(t.customerId, t.createdAt.desc().nullsFirst(), t.creditTransactionId.desc().nullsFirst())
      .where(sql`${t.creditTransactionId} IS NOT NULL`),
    // Accounts and payee are the customer's own (migration 0019; the account keys are DEFERRABLE).
    foreignKey({ name: "transfers_from_account_id_accounts_id_fk", columns: [t.fromAccountId, t.customerId], foreignColumns: [accounts.id, accounts.customerId] }),
    foreignKey({ name: "transfers_to_account_id_accounts_id_fk", columns: [t.toAccountId, t.customerId], foreignColumns: [accounts.id, accounts.customerId] }),
    foreignKey({ name: "transfers_to_payee_id_payees_id_fk", columns: [t.toPayeeId, t.customerId], foreignColumns: [payees.id, payees.customerId] }),
    check("transfers_amount_positive", sql`${t.amount} > 0`),
    check("transfers_currency", currencyCheck("currency")),
    check("transfers_one_destination", sql`(${t.toAccountId} IS NULL) <> (${t.toPayeeId} IS NULL)`),
    check("transfers_distinct_accounts", sql`${t.toAccountId} IS NULL OR ${t.toAccountId} <> ${t.fromAccountId}`),
    check("transfers_idempotency_key_length", sql`char_length(${t.idempotencyKey}) BETWEEN 8 AND 128`),
    check("transfers_status", sql`${t.status} IN ('posted')`),
  ],
);

/**
 * Running total of a customer's transfers per UTC day and currency: the daily limit is enforced
 * by one conditional upsert on this row, exact under concurrency.
 */
export const transferDailyTotals = pgTable(
  "transfer_daily_totals",
  {
    customerId: text("customer_id")
      .notNull()
      .references(() => customers.id),
    day: date("day", { mode: "string" }).notNull(),
    currency: text("currency", { enum: ["USD", "EUR", "GBP"] }).notNull(),
    total: bigint("total", { mode: "number" }).notNull(),
  },
  (t) => [
    primaryKey({ name: "transfer_daily_totals_pk", columns: [t.customerId, t.day, t.currency] }),
    check("transfer_daily_totals_positive", sql`${t.total} > 0`),
  ],
);

/** A history row's columns: the stored ones and the view's are the same. */
const historyColumns = () => ({
  id: text("id").primaryKey(),
  /** The customer exists because the account (its key includes the customer) does. */
  customerId: text("customer_id").notNull(),
  accountId: text("account_id").notNull(),
  ledgerTransactionId: text("ledger_transaction_id")
    .notNull()
    .references(() => ledgerTransactions.id),
  transferId: text("transfer_id").references(() => transfers.id),
  merchant: text("merchant").notNull(),
  category: text("category").notNull(),
  /** Signed like the account's entry: negative is money out. */
  amount: bigint("amount", { mode: "number" }).notNull(),
  currency: text("currency", { enum: ["USD", "EUR", "GBP"] }).notNull(),
  status: text("status", { enum: ["posted", "pending"] }).notNull(),
  postedAt: timestamp("posted_at", ms).notNull(),
  createdAt: timestamp("created_at", ms).notNull().defaultNow(),
});

/**
 * The stored history rows: bookings from outside (salary, card purchases, the seed) and transfer
 * rows older than migration 0021 that could not be derived. Written here, read through `transactions`.
 */
export const bookedTransactions = pgTable("booked_transactions", historyColumns(), (t) => [
  // Serves the keyset pagination: (customer, account) then newest first.
  // DESC NULLS FIRST, as the readers' ORDER BY … DESC asks (migration 0021).
  index("transactions_account_page_idx").on(t.customerId, t.accountId, t.postedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
  index("transactions_customer_time_idx").on(t.customerId, t.postedAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
  // The account is the customer's own (migration 0019; DEFERRABLE).
  foreignKey({ name: "transactions_account_id_accounts_id_fk", columns: [t.accountId, t.customerId], foreignColumns: [accounts.id, accounts.customerId] }),
  check("transactions_amount_nonzero", sql`${t.amount} <> 0`),
  check("transactions_currency", currencyCheck("currency")),
  check("transactions_status", sql`${t.status} IN ('posted', 'pending')`),
]);

/**
 * The customer-facing history, one row per account touched: a view in the database (migration
 * 0021), the stored rows and each transfer's rows derived from its transfer row. Read only.
 */
export const transactions = pgTable("transactions", historyColumns());

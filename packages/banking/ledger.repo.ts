import { and, eq, sql } from "drizzle-orm";
import { accounts, bookedTransactions, ledgerEntries, ledgerTransactions } from "../db/schema/banking.js";
import type { Currency } from "../money/money.js";
import { clearingAccountId } from "./accounts.repo.js";
import type { Executor } from "./db.js";
import { newId } from "./ids.js";

export type CustomerTransactionInput = typeof bookedTransactions.$inferInsert;

/** Stored history rows (bookings from outside); a transfer's rows are derived from it (migration 0021). */
export async function insertCustomerTransactions(db: Executor, rows: CustomerTransactionInput[]): Promise<void> {
  if (rows.length > 0) await db.insert(bookedTransactions).values(rows);
}

/** Money from (amount > 0) or to (amount < 0) the outside world, as the customer sees it. */
export interface ExternalBooking {
  customerId: string;
  accountId: string;
  amount: number;
  currency: Currency;
  merchant: string;
  category: string;
  postedAt: Date;
  status: "posted" | "pending";
  /** Stable ids make the seed re-runnable; fixtures let them default. */
  ledgerTransactionId?: string;
  transactionId?: string;
}

const CHUNK = 400;

/**
 * Books many external movements at once (seed data, test fixtures): per booking a ledger
 * transaction against the currency's clearing account, two entries and the customer's
 * transaction row; then each account's balance moves by the net of its entries. One SQL
 * transaction is the caller's to open, so balances and entries commit together.
 */
export async function bookExternal(db: Executor, bookings: ExternalBooking[]): Promise<void> {
  const rows = bookings.map((b) => ({ ...b, ledgerTransactionId: b.ledgerTransactionId ?? newId("ledgerTransaction") }));
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await db.insert(ledgerTransactions).values(
      chunk.map((b) => ({ id: b.ledgerTransactionId, kind: "external" as const, description: b.merchant, bookedAt: b.postedAt })),
    );
    await db.insert(ledgerEntries).values(
      chunk.flatMap((b) => [
        { ledgerTransactionId: b.ledgerTransactionId, accountId: b.accountId, amount: b.amount, currency: b.currency },
        { ledgerTransactionId: b.ledgerTransactionId, accountId: clearingAccountId(b.currency), amount: -b.amount, currency: b.currency },
      ]),
    );
    await insertCustomerTransactions(
      db,
      chunk.map((b) => ({
        id: b.transactionId ?? newId("transaction"),
        customerId: b.customerId,
        accountId: b.accountId,
        ledgerTransactionId: b.ledgerTransactionId,
        merchant: b.merchant,
        category: b.category,
        amount: b.amount,
        currency: b.currency,
        status: b.status,
        postedAt: b.postedAt,
      })),
    );
  }
  const net = new Map<string, { customerId: string; delta: number }>();
  for (const b of rows) {
    const current = net.get(b.accountId) ?? { customerId: b.customerId, delta: 0 };
    current.delta += b.amount;
    net.set(b.accountId, current);
  }
  for (const [accountId, { customerId, delta }] of net) {
    const updated = await db
      .update(accounts)
      .set({ balance: sql`${accounts.balance} + ${delta}` })
      .where(and(eq(accounts.id, accountId), eq(accounts.customerId, customerId)))
      .returning({ id: accounts.id });
    if (updated.length !== 1) throw new Error(`booking for an account the customer does not hold: ${accountId}`);
  }
}

import { and, desc, eq, gte, ilike, isNull, isNotNull, lt, or, sql, type SQL } from "drizzle-orm";
import { transactions, transfers } from "../db/schema/banking.js";
import type { Executor } from "./db.js";
import type { TransactionFilter } from "./validation.js";

export type TransactionRow = typeof transactions.$inferSelect;

/**
 * One page, newest first, keyset-paginated on (posted_at, id). Reads `limit + 1` rows to know
 * whether another page follows.
 */
export function selectTransactionPage(db: Executor, customerId: string, filter: TransactionFilter): Promise<TransactionRow[]> {
  const conditions: SQL[] = [eq(transactions.customerId, customerId)];
  if (filter.accountId) conditions.push(eq(transactions.accountId, filter.accountId));
  if (filter.after) {
    conditions.push(
      sql`(${transactions.postedAt}, ${transactions.id}) < (${new Date(filter.after.postedAtMs).toISOString()}::timestamptz, ${filter.after.id})`,
    );
  }
  if (filter.pattern) {
    conditions.push(or(ilike(transactions.merchant, filter.pattern), ilike(transactions.category, filter.pattern))!);
  }
  if (filter.fromMs !== null) conditions.push(gte(transactions.postedAt, new Date(filter.fromMs)));
  if (filter.toMsExclusive !== null) conditions.push(lt(transactions.postedAt, new Date(filter.toMsExclusive)));
  return db
    .select()
    .from(transactions)
    .where(and(...conditions))
    .orderBy(desc(transactions.postedAt), desc(transactions.id))
    .limit(filter.limit + 1);
}

/**
 * Money out per category and currency in [from, to): external payments and transfers to payees.
 * Transfers between the customer's own accounts move money but are not spending.
 */
export function selectSpending(
  db: Executor,
  customerId: string,
  range: { fromMs: number; toMsExclusive: number; category?: string; merchant?: string },
): Promise<Array<{ category: string; currency: string; total: number }>> {
  const conditions: SQL[] = [
    eq(transactions.customerId, customerId),
    lt(transactions.amount, 0),
    gte(transactions.postedAt, new Date(range.fromMs)),
    lt(transactions.postedAt, new Date(range.toMsExclusive)),
    or(isNull(transactions.transferId), isNotNull(transfers.toPayeeId))!,
  ];
  if (range.category) conditions.push(ilike(transactions.category, range.category.replace(/[\\%_]/g, (c) => `\\${c}`)));
  if (range.merchant) conditions.push(ilike(transactions.merchant, `%${range.merchant.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  return db
    .select({
      category: transactions.category,
      currency: transactions.currency,
      total: sql<number>`-sum(${transactions.amount})`.mapWith(Number),
    })
    .from(transactions)
    // The customer's own transfers only (a row's transfer is its customer's): Postgres then hashes
    // the customer's transfers, found by index, instead of scanning every transfer of the bank
    // (EXPLAIN ANALYZE, a month of a customer with 3,000 transfers and 1,000 bookings among 23,000
    // transfers, 5 runs alternating: median 21.0 → 6.3 ms).
    .leftJoin(transfers, and(eq(transfers.id, transactions.transferId), eq(transfers.customerId, customerId)))
    .where(and(...conditions))
    .groupBy(transactions.category, transactions.currency)
    .orderBy(sql`3 DESC`);
}

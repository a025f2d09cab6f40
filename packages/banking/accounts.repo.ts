import { and, asc, eq, gte, isNotNull, sql } from "drizzle-orm";
import { accounts } from "../db/schema/banking.js";
import type { Executor } from "./db.js";

export type AccountRow = typeof accounts.$inferSelect;

/** Every query names the customer: another customer's account is indistinguishable from none. */
export function selectAccounts(db: Executor, customerId: string): Promise<AccountRow[]> {
  return db
    .select()
    .from(accounts)
    .where(and(eq(accounts.customerId, customerId), isNotNull(accounts.balance)))
    .orderBy(sql`array_position(array['checking','savings','credit']::text[], ${accounts.type})`, asc(accounts.createdAt), asc(accounts.id));
}

export async function selectAccount(db: Executor, customerId: string, accountId: string): Promise<AccountRow | undefined> {
  const rows = await db
    .select()
    .from(accounts)
    .where(and(eq(accounts.id, accountId), eq(accounts.customerId, customerId)))
    .limit(1);
  return rows[0];
}

/** Clearing accounts by currency: the counterparty of money from or to the outside world. */
export function clearingAccountId(currency: string): string {
  return `sys_clearing_${currency.toLowerCase()}`;
}

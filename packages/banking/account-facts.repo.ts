import { and, asc, desc, eq, isNotNull, sql } from "drizzle-orm";
import { accountDetails, creditStatements } from "../db/schema/account-facts.js";
import { accounts } from "../db/schema/banking.js";
import type { Executor } from "./db.js";

export type AccountDetailsRow = typeof accountDetails.$inferSelect;
export type CreditStatementRow = typeof creditStatements.$inferSelect;
type AccountRow = typeof accounts.$inferSelect;

const ACCOUNT_ORDER = sql`array_position(array['checking','savings','credit']::text[], ${accounts.type})`;

/**
 * The customer's accounts with their details (accounts without a details row are left out). The
 * join and the filter both name the customer: another customer's row never matches.
 */
export async function selectAccountDetails(
  db: Executor,
  customerId: string,
): Promise<Array<{ account: AccountRow; details: AccountDetailsRow }>> {
  return db
    .select({ account: accounts, details: accountDetails })
    .from(accountDetails)
    .innerJoin(accounts, and(eq(accounts.id, accountDetails.accountId), eq(accounts.customerId, customerId)))
    .where(and(eq(accountDetails.customerId, customerId), isNotNull(accounts.balance)))
    .orderBy(ACCOUNT_ORDER, asc(accounts.createdAt), asc(accounts.id));
}

/** The newest statement of each of the customer's credit accounts, with the account. */
export async function selectLatestStatements(
  db: Executor,
  customerId: string,
): Promise<Array<{ account: AccountRow; statement: CreditStatementRow }>> {
  // DISTINCT ON keeps one row per card: the first in (account, newest closing date) order.
  return db
    .selectDistinctOn([creditStatements.accountId], { account: accounts, statement: creditStatements })
    .from(creditStatements)
    .innerJoin(accounts, and(eq(accounts.id, creditStatements.accountId), eq(accounts.customerId, customerId)))
    .where(eq(creditStatements.customerId, customerId))
    .orderBy(creditStatements.accountId, desc(creditStatements.periodEnd));
}

/** How many past statements "my october statement" looks among (two years of monthly statements per card). */
export const STATEMENT_HISTORY = 24;

/** The customer's statements of every credit account, newest closing date first, at most STATEMENT_HISTORY. */
export async function selectStatementHistory(
  db: Executor,
  customerId: string,
): Promise<Array<{ account: AccountRow; statement: CreditStatementRow }>> {
  return db
    .select({ account: accounts, statement: creditStatements })
    .from(creditStatements)
    .innerJoin(accounts, and(eq(accounts.id, creditStatements.accountId), eq(accounts.customerId, customerId)))
    .where(eq(creditStatements.customerId, customerId))
    .orderBy(desc(creditStatements.periodEnd), asc(creditStatements.accountId))
    .limit(STATEMENT_HISTORY);
}

import { and, asc, eq, gte, isNotNull, sql } from "drizzle-orm";
import { accounts } from "../db/schema/banking.js";
import type { Executor } from "./db.js";
import { executeNamedRead } from "./named-read.js";

export type AccountRow = typeof accounts.$inferSelect;

/**
 * The accounts a customer holds (a row without a balance is not one to show), in the order lists
 * show them: checking, savings, credit, oldest first. One WHERE and ORDER BY for both reads below.
 */
const seenBy = (customerId: string) => and(eq(accounts.customerId, customerId), isNotNull(accounts.balance))!;
const SEEN_ORDER = [sql`array_position(array['checking','savings','credit']::text[], ${accounts.type})`, asc(accounts.createdAt), asc(accounts.id)];

/** Every query names the customer: another customer's account is indistinguishable from none. */
export function selectAccounts(db: Executor, customerId: string): Promise<AccountRow[]> {
  return db.select().from(accounts).where(seenBy(customerId)).orderBy(...SEEN_ORDER);
}

/** What the balance list shows of an account (accountView's columns). */
export type AccountSummary = Pick<AccountRow, "id" | "name" | "type" | "mask" | "currency" | "balance" | "creditLimit">;

/**
 * selectAccounts' rows, as far as accountView reads them, from a flat SQL template with its own
 * mapping: every "what's my balance?" turn reads them, and drizzle's select builder rebuilt the
 * statement each time (the same cost turn17 measured for the transactions page). Same WHERE and
 * ORDER BY as selectAccounts (seenBy, SEEN_ORDER); int8 arrives as text from both drivers.
 */
export async function selectAccountSummaries(db: Executor, customerId: string): Promise<AccountSummary[]> {
  // A named statement (named-read.ts): planned once per connection, not on every balance turn.
  const rows = await executeNamedRead<RawAccountSummary>(
    db,
    sql`SELECT id, name, type, mask, currency, balance, credit_limit
    FROM accounts
    WHERE ${seenBy(customerId)}
    ORDER BY ${sql.join(SEEN_ORDER, sql`, `)}`,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    type: r.type,
    mask: r.mask,
    currency: r.currency,
    balance: r.balance === null ? null : Number(r.balance),
    creditLimit: Number(r.credit_limit),
  }));
}

type RawAccountSummary = Omit<AccountSummary, "balance" | "creditLimit"> & { balance: string | number | null; credit_limit: string | number };

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

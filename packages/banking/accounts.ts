import { fail, ok, type RpcResult } from "../contract/errors.js";
import type { Db } from "../db/client.js";
import { selectAccount, selectAccountSummaries, selectAccounts } from "./accounts.repo.js";
import { encodeCursor } from "./cursor.js";
import { isId } from "./ids.js";
import { selectSpending, selectTransactionPage } from "./transactions.repo.js";
import { categoriesCovered } from "./spending-categories.js";
import type { AccountView, Page, SpendingQuery, SpendingView, TransactionQuery, TransactionView } from "../contract/views.js";
import { accountFilterProblem, parseInstant, parseTransactionQuery } from "./validation.js";
import { accountView, transactionView } from "./views.js";
import { MAX_SEARCH_CHARS } from "./limits.js";
import type { Currency } from "../money/money.js";

export async function listAccounts(db: Db, customerId: string): Promise<RpcResult<AccountView[]>> {
  return ok((await selectAccountSummaries(db, customerId)).map(accountView));
}

export async function getAccount(db: Db, customerId: string, accountId: string): Promise<RpcResult<AccountView>> {
  if (!isId("account", accountId)) return accountNotFound();
  const row = await selectAccount(db, customerId, accountId);
  return row ? ok(accountView(row)) : accountNotFound();
}

/**
 * The customer's transactions, newest first: of one account (404 if it is not theirs) or of all
 * their accounts. Filters by text (merchant or category) and date range; pages by cursor.
 */
export async function listTransactions(
  db: Db,
  customerId: string,
  query: TransactionQuery,
): Promise<RpcResult<Page<TransactionView>>> {
  const filter = parseTransactionQuery(query);
  if ("ok" in filter) return filter;
  if (filter.accountId && !(await selectAccount(db, customerId, filter.accountId))) return accountNotFound();
  const rows = await selectTransactionPage(db, customerId, filter);
  const items = rows.slice(0, filter.limit).map(transactionView);
  const last = rows.length > filter.limit ? rows[filter.limit - 1] : undefined;
  return ok({ items, nextCursor: last ? encodeCursor({ postedAtMs: last.postedAt.getTime(), id: last.id }) : null });
}

/**
 * What the customer spent between two dates, by category, in the currency of their first
 * account (the demo bank is single-currency per customer; other currencies are left out).
 */
export async function spendingSummary(db: Db, customerId: string, query: SpendingQuery): Promise<RpcResult<SpendingView>> {
  const fromMs = parseInstant(query.from, "start");
  const toMsExclusive = parseInstant(query.to, "end");
  if (fromMs === undefined) return fail(400, "validation_failed", "from: must be an ISO date or date-time");
  if (toMsExclusive === undefined) return fail(400, "validation_failed", "to: must be an ISO date or date-time");
  if (fromMs >= toMsExclusive) return fail(400, "validation_failed", "from: must be before to");
  const merchant = query.merchant?.trim();
  if (merchant !== undefined && (merchant.length === 0 || merchant.length > MAX_SEARCH_CHARS)) {
    return fail(400, "validation_failed", `merchant: must be 1–${MAX_SEARCH_CHARS} characters`);
  }
  const accountProblem = accountFilterProblem(query);
  if (accountProblem) return fail(400, "validation_failed", accountProblem);
  const accounts = await selectAccounts(db, customerId);
  const currency = (accounts[0]?.currency ?? "USD") as Currency;
  const rows = await selectSpending(db, customerId, {
    fromMs,
    toMsExclusive,
    ...(query.category ? { categories: categoriesCovered(query.category) } : {}),
    ...(merchant ? { merchant } : {}),
    ...(query.accountType ? { accountType: query.accountType } : {}),
    ...(query.accountMask ? { accountMask: query.accountMask } : {}),
  });
  const counted = rows.filter((r) => r.currency === currency);
  const byCategory = counted.map((r) => ({ category: r.category, total: { minor: r.total, currency } }));
  const total = byCategory.reduce((sum, c) => sum + c.total.minor, 0);
  const names = new Set(counted.flatMap((r) => [r.firstMerchant, r.lastMerchant]));
  const booked = merchant && names.size === 1 ? { merchant: [...names][0]! } : {};
  const payments = counted.reduce((sum, r) => sum + r.payments, 0);
  return ok({ from: query.from, to: query.to, total: { minor: total, currency }, byCategory, payments, ...booked });
}

function accountNotFound<T>(): RpcResult<T> {
  return fail(404, "not_found", "account not found");
}

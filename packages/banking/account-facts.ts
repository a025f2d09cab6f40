import { ok, type RpcResult } from "../contract/errors.js";
import type { Currency } from "../money/money.js";
import type { Db } from "../db/client.js";
import { selectAccountDetails, selectLatestStatements, selectStatementHistory } from "./account-facts.repo.js";
import type { AccountNumbersView, AccountType, CreditStatementView, InterestRateView, RewardsView } from "../contract/views.js";

/**
 * Facts about the customer's accounts that are not balances: numbers, rates, rewards, credit-card
 * statements. Read-only and scoped by customer like everything else; an empty list means the
 * customer has nothing of that kind (no credit card, no rewards programme).
 */

/** Which account a fact is about, as the numbers and rates views open. */
function accountShown(account: { id: string; name: string; type: string; mask: string | null }) {
  return { accountId: account.id, name: account.name, type: account.type as AccountType, mask: account.mask ?? "" };
}

/** Account and routing numbers; the full account number only when `reveal` (the customer asked). */
export async function listAccountNumbers(db: Db, customerId: string, options: { reveal: boolean }): Promise<RpcResult<AccountNumbersView[]>> {
  const rows = await selectAccountDetails(db, customerId);
  return ok(
    rows.map(({ account, details }) => ({
      ...accountShown(account),
      accountNumber: options.reveal ? details.accountNumber : null,
      routingNumber: details.routingNumber,
    })),
  );
}

export async function listInterestRates(db: Db, customerId: string): Promise<RpcResult<InterestRateView[]>> {
  const rows = await selectAccountDetails(db, customerId);
  return ok(
    rows.map(({ account, details }) => ({
      ...accountShown(account),
      annualRateBps: details.annualRateBps,
      kind: account.type === "credit" ? ("apr" as const) : ("apy" as const),
    })),
  );
}

export async function listRewards(db: Db, customerId: string): Promise<RpcResult<RewardsView[]>> {
  const rows = await selectAccountDetails(db, customerId);
  return ok(
    rows
      .filter(({ details }) => details.rewardsPoints !== null)
      .map(({ account, details }) => ({ accountId: account.id, name: account.name, mask: account.mask ?? "", points: details.rewardsPoints! })),
  );
}

/**
 * The newest statement of each credit card; with `history`, the past ones too (newest first), for
 * a statement asked by month ("my october statement").
 */
export async function listCreditStatements(db: Db, customerId: string, options: { history?: boolean } = {}): Promise<RpcResult<CreditStatementView[]>> {
  const rows = options.history ? await selectStatementHistory(db, customerId) : await selectLatestStatements(db, customerId);
  return ok(
    rows.map(({ account, statement }) => {
      const currency = statement.currency as Currency;
      return {
        accountId: account.id,
        name: account.name,
        mask: account.mask ?? "",
        periodStart: statement.periodStart,
        periodEnd: statement.periodEnd,
        dueDate: statement.dueDate,
        statementBalance: { minor: statement.statementBalance, currency },
        minimumPayment: { minor: statement.minimumPayment, currency },
        // A credit balance is negative when money is owed; the customer reads what they owe.
        currentBalance: { minor: Math.max(0, -(account.balance ?? 0)), currency: account.currency as Currency },
      };
    }),
  );
}

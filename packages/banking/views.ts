import type { Currency } from "../money/money.js";
import type { AccountRow } from "./accounts.repo.js";
import type { CardRow } from "./cards.repo.js";
import type { PayeeRow } from "./payees.repo.js";
import type { TransactionPageRow } from "./transactions.repo.js";
import type { TransferRow } from "./transfers.repo.js";
import type { AccountType, AccountView, CardView, PayeeView, TransactionView, TransferView } from "../contract/views.js";

/** Rows → the plain views the domain returns. Only customer accounts reach here (never clearing). */
export function accountView(row: Pick<AccountRow, "id" | "name" | "type" | "mask" | "currency" | "balance" | "creditLimit">): AccountView {
  const currency = row.currency as Currency;
  const balance = row.balance ?? 0;
  return {
    id: row.id,
    name: row.name,
    type: row.type as AccountType,
    mask: row.mask ?? "",
    currency,
    balance: { minor: balance, currency },
    available: { minor: balance + row.creditLimit, currency },
    creditLimit: row.type === "credit" ? { minor: row.creditLimit, currency } : null,
  };
}

export function cardView(row: CardRow & { accountType?: string }): CardView {
  const expiry = row.expiryMonth !== null && row.expiryYear !== null ? { month: row.expiryMonth, year: row.expiryYear } : null;
  const view: CardView = { id: row.id, accountId: row.accountId, last4: row.last4, brand: row.brand, status: row.status, expiry };
  if (row.accountType !== undefined) view.kind = row.accountType === "credit" ? "credit" : "debit";
  return view;
}

export function payeeView(row: Pick<PayeeRow, "id" | "name" | "mask" | "currency" | "kind">): PayeeView {
  return { id: row.id, name: row.name, mask: row.mask, currency: row.currency, kind: row.kind };
}

export function transactionView(row: TransactionPageRow): TransactionView {
  return {
    id: row.id,
    accountId: row.accountId,
    postedAt: row.postedAt.toISOString(),
    merchant: row.merchant,
    category: row.category,
    amount: { minor: row.amount, currency: row.currency },
    status: row.status,
    transferId: row.transferId,
  };
}

export function transferView(row: TransferRow): TransferView {
  return {
    id: row.id,
    status: row.status,
    fromAccountId: row.fromAccountId,
    to: row.toAccountId ? { accountId: row.toAccountId } : { payeeId: row.toPayeeId! },
    amount: { minor: row.amount, currency: row.currency },
    memo: row.memo,
    createdAt: row.createdAt.toISOString(),
  };
}

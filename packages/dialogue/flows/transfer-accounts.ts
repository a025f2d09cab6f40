/** How a transfer's account slots read the accounts a customer names (flows/transfer.ts). */
import { cleanName } from "../render.js";
import type { AccountOption, AccountRef } from "../types.js";

export function sameRef(a: AccountRef, b: AccountRef): boolean {
  return typeof a === "string" || typeof b === "string" ? a === b : a.last4 === b.last4;
}

export function refText(ref: AccountRef): string {
  if (typeof ref === "string") return `${ref} account`;
  return /^\d{4}$/.test(ref.last4) ? `account ending ${ref.last4}` : "account with that number";
}

export function withArticle(text: string): string {
  return /^[aeiou]/i.test(text) ? `an ${text}` : `a ${text}`;
}

export function matchAccounts(accounts: AccountOption[], ref: AccountRef): AccountOption[] {
  return accounts.filter((a) => (typeof ref === "string" ? a.type === ref : a.mask === ref.last4));
}

/**
 * The one account that can send to `to` (not a credit account, not the destination itself), or
 * undefined when there is none or a choice to make. With a single candidate, asking "Which account?"
 * has one answer; the confirmation names it instead and the customer still says yes.
 */
export function soleSource(accounts: AccountOption[], to: { accountId: string } | { payeeId: string }): AccountOption | undefined {
  const toAccount = "accountId" in to ? to.accountId : undefined;
  const sources = accounts.filter((a) => a.type !== "credit" && a.id !== toAccount);
  return sources.length === 1 ? sources[0] : undefined;
}

/** Accounts that could send `amount` to `to` now: not credit, not the destination, enough available. */
export function coveringSources(
  accounts: AccountOption[],
  to: { accountId: string } | { payeeId: string },
  amount: { minor: number; currency: AccountOption["currency"] },
): AccountOption[] {
  const toAccount = "accountId" in to ? to.accountId : undefined;
  return accounts.filter(
    (a) => a.type !== "credit" && a.id !== toAccount && a.currency === amount.currency && a.availableMinor !== undefined && a.availableMinor >= amount.minor,
  );
}

/** An account as a transfer can use it: a credit account's balance is owed, never spendable. */
export function accountOption(a: {
  id: string;
  name: string;
  type: AccountOption["type"];
  mask: string;
  balance: { minor: number; currency: AccountOption["currency"] };
  available?: { minor: number; currency: AccountOption["currency"] };
}): AccountOption {
  // A credit account's balance is what is owed, never spendable money.
  const spendable = a.available ?? (a.type === "credit" ? undefined : a.balance);
  return {
    id: a.id,
    name: cleanName(a.name),
    type: a.type,
    mask: a.mask,
    currency: a.balance.currency,
    ...(spendable && spendable.currency === a.balance.currency ? { availableMinor: spendable.minor } : {}),
    ...(a.type === "credit" ? { owedMinor: Math.max(0, -a.balance.minor) } : {}),
  };
}

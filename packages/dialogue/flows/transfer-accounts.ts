/** How a transfer's account slots read the accounts a customer names (flows/transfer.ts). */
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

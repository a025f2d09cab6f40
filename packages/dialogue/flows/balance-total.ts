/**
 * explore26: "how much is in savings and checking combined" / "total balance" / "how much money do i
 * have in total" listed each balance and left the sum to the customer. Asked for a total, the answer
 * adds what the checking and savings accounts shown hold (one currency only); a credit card's balance
 * is money owed, not held, so it is named beside the sum, never netted into it.
 */
import { accountLabel, listText, moneyText } from "../render.js";
import type { AccountView } from "../types.js";

const TOTAL = /\b(?:net\s+worth|worth|combined|in\s+total|total|totals|altogether|all\s+together|together|overall|in\s+all|added\s+up|add\s+(?:it|them|that)\s+up|sum(?:\s+of)?)\b/i;

/** Does a balance question ask for the sum of the accounts? */
export function asksTotal(text: string): boolean {
  return TOTAL.test(text);
}

/** " Together, A and B hold $X." (and what a credit card owes, beside it), or "" when there is no sum to give. */
export function totalNote(shown: readonly AccountView[]): string {
  const held = shown.filter((a) => a.type !== "credit");
  if (held.length < 2) return "";
  const currency = held[0]!.balance.currency;
  if (held.some((a) => a.balance.currency !== currency)) return "";
  const sum = held.reduce((total, a) => total + a.balance.minor, 0);
  const owed = shown.filter((a) => a.type === "credit" && a.balance.minor < 0);
  const cards = owed.length > 0 ? ` That leaves out what you owe on ${listText(owed.map((a) => `${accountLabel(a)} (${moneyText({ minor: -a.balance.minor, currency: a.balance.currency })})`))}.` : "";
  return ` Together, ${listText(held.map(accountLabel))} hold ${moneyText({ minor: sum, currency })}.${cards}`;
}

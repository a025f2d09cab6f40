/**
 * explore29: "can i afford a 300 dollar tv" listed every balance and left the sum to the customer.
 * With a figure asked about, the answer says what it would leave in the account it would come from
 * (the one named, else checking), or how far short that account is. Only what is available there:
 * savings is named beside a shortfall, never counted as spent.
 * Session 32: "do i have 4000 in savings" asks the same of the figure, as a yes or no.
 */
import { accountLabel, moneyText } from "../render.js";
import type { AccountRef, AccountView, Entities, Money } from "../types.js";

const AFFORD = /\b(?:afford|enough|cover)\b/i;
const HAVE = /\b(?:(?:do|if|whether)\s+i\s+(?:still\s+)?(?:have|got)|have\s+i\s+got|is\s+there)\b/i;

/** The figure an "afford" balance question is about ("can i afford a 300 dollar tv"), if any. */
export function affordAmount(text: string, e: Entities): Money | undefined {
  if (!(AFFORD.test(text) || HAVE.test(text)) || !e.amount || !("minor" in e.amount) || e.amount.minor <= 0) return undefined;
  return { minor: e.amount.minor, currency: e.amount.currency };
}

/** "do i have 4000 in savings": whether the figure is held is asked, so the answer opens with yes or no. */
export function asksIfHeld(text: string): boolean {
  return !AFFORD.test(text) && HAVE.test(text);
}

/** " $300.00 would leave $6,617.17 in Everyday Checking ••0824.", or "" when no account fits; `yesNo` opens it with "Yes:" or "No:". */
export function affordNote(accounts: readonly AccountView[], refs: readonly AccountRef[], amount: Money, yesNo = false): string {
  const named = accounts.find((a) => a.type !== "credit" && refs.some((r) => (typeof r === "string" ? a.type === r : a.mask === r.last4)));
  const from = named ?? accounts.find((a) => a.type === "checking");
  if (!from || from.balance.currency !== amount.currency) return "";
  const available = from.available ?? from.balance;
  const left = available.minor - amount.minor;
  const [yes, no] = yesNo ? [" Yes:", " No:"] : ["", ""];
  if (left >= 0) return `${yes} ${moneyText(amount)} would leave ${moneyText({ minor: left, currency: amount.currency })} available in ${accountLabel(from)}.`;
  const savings = from.type !== "savings" ? accounts.find((a) => a.type === "savings" && a.balance.currency === amount.currency) : undefined;
  const move = savings && (savings.available ?? savings.balance).minor >= -left ? ` You could move money from ${accountLabel(savings)} first.` : "";
  return `${no} ${accountLabel(from)} has ${moneyText(available)} available, ${moneyText({ minor: -left, currency: amount.currency })} short of ${moneyText(amount)}.${move}`;
}

import { cleanName, quoted, reply } from "../render.js";
import type { AccountRef, EffectResult, Entities, IntentTag, Reply } from "../types.js";

/** Wording and small readings shared by several flows (kept here so the flows import no one another in circles). */

export function explainLoadFailure(intent: IntentTag, result: EffectResult): Reply {
  if (!result.ok && result.error.code === "unavailable") {
    return reply(
      intent,
      "I can't reach your accounts right now. Please try again in a few minutes — I can still answer general questions in the meantime.",
    );
  }
  return reply(intent, "Something went wrong while getting your account details. Please try again in a moment.");
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2026-11-03" → "3 Nov 2026"; anything else is shown cleaned as it came. */
export function dateText(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${Number(m[3])} ${month} ${m[1]}` : cleanName(iso, 30);
}

/** "on 4 Dec 2026" for one day (a day read "between 4 Dec 2026 and 4 Dec 2026"), else "between … and …". */
export function periodText(from: string, to: string): string {
  return from === to ? `on ${dateText(from)}` : `between ${dateText(from)} and ${dateText(to)}`;
}

/**
 * The account spending is read from: "what did I spend from checking", "on my credit card". An
 * account money went to ("spent moving money to savings") is no source of spending.
 */
export function spendingAccount(e: Entities): AccountRef | undefined {
  return e.fromRef ?? (e.accountRefs.length === 1 && !e.toRef ? e.accountRefs[0] : undefined);
}

const SPENT_FROM = { checking: "from your checking account", savings: "from your savings account", credit: "on your credit card" } as const;

/** " on groceries", " at “Sakura Sushi”", " from your checking account": what a spending figure covers. */
export function spendingScope(of: { merchant?: string | undefined; category?: string | undefined; account?: AccountRef | undefined }): string {
  const what = of.merchant ? ` at ${quoted(of.merchant)}` : of.category ? ` on ${cleanName(of.category, 30).toLowerCase()}` : "";
  const account = of.account;
  return what + (typeof account === "string" ? ` ${SPENT_FROM[account]}` : account ? ` from account ••${account.last4}` : "");
}

export function namedLast4(e: Entities): string | undefined {
  const refs: AccountRef[] = [...(e.fromRef ? [e.fromRef] : []), ...(e.toRef ? [e.toRef] : []), ...e.accountRefs];
  for (const ref of refs) if (typeof ref !== "string" && /^\d{4}$/.test(ref.last4)) return ref.last4;
  return undefined;
}

/** A card's brand label as the NLU names brands: its letters, lower-case ("Master Card" → "mastercard"). */
export function brandKey(label: string | undefined): string {
  return (label ?? "").toLowerCase().replace(/[^a-z]/g, "");
}

/**
 * The cards of the brand named, when that picks some ("freeze my visa"); all of them otherwise, so
 * a brand the customer does not hold still gets the question (or the whole list) rather than "no such card".
 */
export function withBrand<C extends { brand?: string }>(cards: C[], brand: string | undefined): C[] {
  const branded = brand ? cards.filter((c) => brandKey(c.brand) === brand) : [];
  return branded.length > 0 ? branded : cards;
}

/** The UTC calendar day of an instant, as YYYY-MM-DD: the form every period and load query takes. */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

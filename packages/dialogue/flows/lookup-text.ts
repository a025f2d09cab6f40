/**
 * The words of lookup.ts's answers: what a list was narrowed to, and totals said in full. Split from
 * lookup.ts (session 30), which loads and picks; this module only words.
 */
import { moneyText, quoted, reply, sizeText } from "../render.js";
import type { IntentTag, Money, Reply, SpendingView, TransactionFilter, TransactionView } from "../types.js";
import { dateText, periodText } from "./wording.js";
import { filedUnder } from "../../nlu/entities/spending.js";

const BOUND_WORDS: Record<NonNullable<TransactionFilter["amount"]>["op"], (money: string) => string> = {
  over: (m) => `over ${m}`,
  at_least: (m) => `of ${m} or more`,
  under: (m) => `under ${m}`,
  at_most: (m) => `of ${m} or less`,
  exactly: (m) => `of ${m}`,
};
const ACCOUNT_WORDS = { checking: "in your checking account", savings: "in your savings account", credit: "on your credit card" } as const;

export function describeQuery(q: TransactionFilter): string {
  const parts: string[] = [];
  if (q.merchant) parts.push(` at ${quoted(q.merchant)}`);
  if (q.category) parts.push(` in ${quoted(q.category)}`);
  if (q.amount) parts.push(` ${BOUND_WORDS[q.amount.op](moneyText(q.amount))}`);
  if (q.account) parts.push(typeof q.account === "string" ? ` ${ACCOUNT_WORDS[q.account]}` : ` in account ••${q.account.last4}`);
  // One day is "on" it (sweep17: "what did i buy on November 9th" read "between 9 Nov 2026 and 9 Nov 2026").
  if (q.from && q.to) parts.push(` ${periodText(q.from, q.to)}`);
  return parts.join("");
}

/** What came in, summed; null when the load may have been cut short or holds more than one currency. */
export function totalIn(incoming: TransactionView[], limit: number, loaded: number): Money | null {
  const currency = incoming[0]?.amount.currency;
  if (!currency || loaded >= limit || incoming.some((t) => t.amount.currency !== currency)) return null;
  return { minor: incoming.reduce((sum, t) => sum + t.amount.minor, 0), currency };
}

/** Session 30: "how much did i pay in fees this year", said as fees charged, not as spending "on fees". */
export function feesTotal(intent: IntentTag, spending: SpendingView, range: string): Reply {
  if (spending.total.minor === 0) return reply(intent, `You haven't been charged any fees ${range}.`, { data: { kind: "spending", spending } });
  return reply(intent, `You were charged ${moneyText(spending.total)} in fees ${range}.`, { data: { kind: "spending", spending } });
}

/** "$61.83 at “The Green Bowl” on 4 Dec 2026 (still pending)", or "$2,850.00 in from “Payroll” on …". */
export function oneRowText(row: TransactionView): string {
  const size = sizeText(row.amount);
  const who = row.amount.minor < 0 ? `${size} at ${quoted(row.merchant)}` : `${size} in from ${quoted(row.merchant)}`;
  return `${who} on ${dateText(row.postedAt)}${row.status === "pending" ? " (still pending)" : ""}`;
}

/**
 * explore30: "how much did i spend on parking" answered the transport total as if it were parking:
 * a narrower thing than the category read is said to be filed under it ("Parking isn't a category of
 * its own: it's filed under transport."). Undefined when the text names none, or another category.
 */
export function filedUnderNote(text: string, category: string | undefined): string | undefined {
  const filed = filedUnder(text);
  if (!filed || category === undefined || filed.category !== category.toLowerCase()) return undefined;
  return `${filed.word[0]!.toUpperCase()}${filed.word.slice(1)} isn't a category of its own: it's filed under ${filed.category}.`;
}

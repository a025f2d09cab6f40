/**
 * Session 29, found by hand: "how much have i spent since payday" gave this month so far (payday
 * went unread; it was right only when pay came on the 1st). The answer comes in two loads: the
 * latest pay into the customer's accounts (their own transfers left out), then the spending or
 * transactions asked for from that day to today. lookup.ts starts and continues it; this module
 * only reads the words and the first load, so it imports no flow.
 */
import { moneyText, quoted, reply } from "../render.js";
import type { Entities, LookupTask, Reply, TransactionView } from "../types.js";
import { parseView } from "../views.js";
import { dateText, isoDay } from "./wording.js";

const SINCE_PAYDAY =
  /\bsince\s+(?:(?:my|the)\s+)?(?:last\s+)?(?:pay\s*day|pay\s*check|pay\s*cheque|salary|wages?|pay)\b(?:\s+(?:came\s+in|hit|landed|went\s+in))?|\bsince\s+i\s+(?:last\s+)?(?:got|get|was|been)\s+paid(?:\s+last)?\b/i;

/** What was asked, kept on the lookup task until the latest pay's day is known. */
export type SincePayday = NonNullable<LookupTask["sincePayday"]>;

/** Does the message count from the last payday ("since payday", "since i got paid")? */
export function asksSincePayday(text: string): boolean {
  return SINCE_PAYDAY.test(text);
}

/** The message without its "since payday", for the second load to read as it reads any request. */
export function withoutSincePayday(text: string): string {
  return text.replace(SINCE_PAYDAY, " ").replace(/\s+/g, " ").trim();
}

/** The money in to look at first: the latest few payments from outside. */
export function paydayEntities(e: Entities): Entities {
  const { dateRange: _range, ...rest } = e;
  return { ...rest, query: { incoming: true, count: 10 } };
}

const PAY_CATEGORY = /\b(?:income|payroll|salary|wages?|pay)\b/i;

/** The newest pay among rows (newest first): a payment in filed as income, else the newest money in; an opening balance is nobody's pay. */
export function latestPay(rows: readonly TransactionView[]): { row: TransactionView; isPay: boolean } | null {
  const incoming = rows.filter((t) => t.amount.minor > 0 && !/^opening\s+balance$/i.test(t.merchant.trim()));
  const pay = incoming.find((t) => PAY_CATEGORY.test(t.category));
  return pay ? { row: pay, isPay: true } : incoming[0] ? { row: incoming[0], isPay: false } : null;
}

/**
 * From the payments in: the second load (the request from payday to today, with a lead saying which
 * pay it counts from), or the answer when no pay is seen. Null when the data is unreadable.
 */
export function afterPayday(asked: SincePayday, data: unknown, now: number): { reply: Reply } | { next: SincePayday; lead: string } | null {
  const rows = parseView("transactions", data);
  if (!rows) return null;
  const pay = latestPay(rows)?.row;
  if (!pay) {
    return { reply: reply(asked.intent, "I can't see any pay coming into your accounts recently, so I can't tell when payday was. Name a date and I'll count from it.") };
  }
  const from = pay.postedAt.slice(0, 10);
  const to = isoDay(now);
  // "since i got paid" names pay only as the day to count from: what is asked is what went out.
  const { incoming: _in, ...query } = asked.entities.query ?? {};
  return {
    next: { ...asked, entities: { ...asked.entities, query, dateRange: { from, to } } },
    lead: `Your last pay came in on ${dateText(from)} (${moneyText(pay.amount)} from ${quoted(pay.merchant)}).`,
  };
}

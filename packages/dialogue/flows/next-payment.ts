/**
 * "when is my rent due", "when does my gym membership come out": when a payment that comes again is
 * next expected, read from the ones before it. The bank holds no bill's due date (the company that
 * takes the money decides it), so the answer says what the history shows and never makes a date up.
 */
import { ordinal } from "../schedule-text.js";
import { quickReply, quoted, reply, sizeText } from "../render.js";
import type { IntentTag, Reply, TransactionView } from "../types.js";
import { dateText, isoDay } from "./wording.js";

/** Days of the month two payments may drift apart and still be "around the same day". */
const DAY_DRIFT = 3;

/**
 * `rows`: the transactions matched by the target, newest first; `today`: YYYY-MM-DD on the customer's
 * calendar; `days`: how far back they were read (said when none is found).
 */
export function nextPaymentAnswer(intent: IntentTag, target: string, rows: TransactionView[], today: string, days: number): Reply {
  const payments = rows.filter((t) => t.amount.minor < 0);
  const latest = payments[0];
  if (!latest) {
    return reply(
      intent,
      `I can't find a payment for ${quoted(target)} in your transactions from the last ${days} days, so I can't tell when the next one is due. The company you pay decides when it takes the money, and it shows in your transactions when it does.`,
      { actions: [quickReply("Recent transactions", "Show my recent transactions")] },
    );
  }
  const same = payments.filter((t) => t.merchant === latest.merchant);
  const last = latest.postedAt.slice(0, 10);
  const next = monthAfter(last);
  const name = quoted(latest.merchant);
  const data = { kind: "transactions" as const, transactions: same.slice(0, 5), query: { merchant: target, limit: 5 } };
  if (!isMonthly(same.slice(0, 4).map((t) => t.postedAt.slice(0, 10)))) {
    return reply(intent, `Your last payment to ${name} was ${sizeText(latest.amount)} on ${dateText(last)}. If it's monthly, the next would come out around ${dateText(next)}.`, { data });
  }
  const when =
    next < today
      ? `so the next was expected around ${dateText(next)} and hasn't shown in your transactions yet`
      : `so the next should come out around ${dateText(next)}`;
  return reply(intent, `${name} usually takes a payment around the ${ordinal(Number(last.slice(8, 10)))} of each month: the last was ${sizeText(latest.amount)} on ${dateText(last)}, ${when}.`, { data });
}

/** Two or more dates (newest first) a month apart, each on about the same day of the month. */
export function isMonthly(dates: string[]): boolean {
  if (dates.length < 2) return false;
  for (let i = 1; i < dates.length; i++) {
    const gap = (Date.parse(dates[i - 1]!) - Date.parse(dates[i]!)) / 86_400_000;
    if (gap < 25 || gap > 35) return false;
  }
  const day = (d: string) => Number(d.slice(8, 10));
  return dates.every((d) => Math.abs(day(d) - day(dates[0]!)) <= DAY_DRIFT || Math.abs(day(d) - day(dates[0]!)) >= 28 - DAY_DRIFT);
}

/** The same day a month later, the month's last day when it has fewer ("31 Jan" → "28 Feb"). */
export function monthAfter(date: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return isoDay(Date.UTC(y, m, Math.min(d, lastDay)));
}

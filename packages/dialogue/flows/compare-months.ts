/**
 * One month's spending against another's. Session 29, found by hand: on the 5th, "am i spending more
 * than last month" set five days of this month against the whole of last month ("$1,068.43 more in
 * November than in December so far"), which says nothing of the pace. When one month is the current
 * one so far and the other a whole month before it, the answer sets this month against the same days
 * of that month (a third load), and gives that month's whole total after it.
 */
import type { MonthRange } from "../../contract/understood.js";
import { moneyText, reply } from "../render.js";
import type { Insight, IntentTag, Reply, SpendingView } from "../types.js";
import { spendingScope } from "./wording.js";

const SHORT_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

type CompareMonths = Extract<Insight, { kind: "compare_months" }>;

/** The same days of the earlier whole month as this month so far ("1–5 Nov"), when the two months are such a pair. */
export function sameDaysOf(months: readonly [MonthRange, MonthRange], today: string): { current: 0 | 1; from: string; to: string; label: string } | undefined {
  const thisMonth = `${today.slice(0, 7)}-01`;
  const current = months[0].from === thisMonth ? 0 : months[1].from === thisMonth ? 1 : -1;
  if (current === -1) return undefined;
  const other = months[current === 0 ? 1 : 0];
  // Only a whole calendar month before this one.
  if (other.from >= thisMonth || other.from.slice(8) !== "01" || other.from.slice(0, 7) !== other.to.slice(0, 7)) return undefined;
  const day = Math.min(Number(today.slice(8, 10)), Number(other.to.slice(8, 10)));
  const to = `${other.from.slice(0, 8)}${String(day).padStart(2, "0")}`;
  const month = SHORT_MONTHS[Number(other.from.slice(5, 7)) - 1]!;
  return { current, from: other.from, to, label: day === 1 ? `1 ${month}` : `1–${day} ${month}` };
}

/** The answer; `sameDays` is the third load's view when the insight asked for it. */
export function compareMonths(intent: IntentTag, insight: CompareMonths, a: SpendingView, b: SpendingView, sameDays?: SpendingView | null): Reply {
  const on = spendingScope(insight);
  const [la, lb] = insight.labels;
  if (insight.sameDays && sameDays) return paceAnswer(intent, insight, insight.sameDays, [a, b], sameDays, on);
  const diff = b.total.minor - a.total.minor;
  const change =
    diff === 0
      ? "exactly the same in both."
      : `${moneyText({ minor: Math.abs(diff), currency: b.total.currency })} ${diff > 0 ? "more" : "less"} in ${lb} than in ${la}.`;
  return reply(intent, `You spent ${moneyText(a.total)}${on} in ${la} and ${moneyText(b.total)} in ${lb}: ${change}`, {
    data: { kind: "spending", spending: b },
  });
}

function paceAnswer(intent: IntentTag, insight: CompareMonths, same: NonNullable<CompareMonths["sameDays"]>, views: [SpendingView, SpendingView], sameDays: SpendingView, on: string): Reply {
  const now = views[same.current];
  const whole = views[same.current === 0 ? 1 : 0];
  const nowLabel = insight.labels[same.current].replace(/\s+so far$/, "");
  const wholeLabel = insight.labels[same.current === 0 ? 1 : 0];
  const currency = now.total.currency;
  const diff = now.total.minor - sameDays.total.minor;
  const change = diff === 0 ? "the same so far" : `${moneyText({ minor: Math.abs(diff), currency })} ${diff > 0 ? "more" : "less"} this month so far`;
  return reply(
    intent,
    `You spent ${moneyText(now.total)}${on} in ${nowLabel} so far, and ${moneyText(sameDays.total)} in the same days of ${wholeLabel} (${same.label}): ${change}. ${wholeLabel} in all: ${moneyText(whole.total)}.`,
    { data: { kind: "spending", spending: now } },
  );
}

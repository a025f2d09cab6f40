/**
 * Session 25, found by hand: right after "what did i spend on groceries last month", "how does that
 * compare to last month", "compare that to this month" and "is that more than usual" got "Sorry, I
 * can't help with that." and the third a hand-off to a person. "That" is the spending just answered:
 * its period is set against the month the message names (else the month before it), or against the
 * customer's usual month, with the same category, merchant and accounts.
 */
import { READ_FOLLOW_UP_MS } from "../config.js";
import type { StepContext } from "../context.js";
import type { MonthRange } from "../../contract/understood.js";
import type { Entities, IntentTag } from "../types.js";
import { startInsight } from "./insights.js";
import { isoDay } from "./wording.js";

const THAT = String.raw`(?:that|it|this|those|these)`;
// "how does that compare to last month", "compare it with october", "is that more than usual", "that vs last month".
const COMPARES_BACK = new RegExp(
  String.raw`\b(?:how\s+(?:does|did|do|is|was)\s+${THAT}\s+compar(?:e|ed|ing)|compar(?:e|ed)\s+${THAT}|(?:is|was|are|were)\s+${THAT}\s+(?:more|less|higher|lower|bigger|smaller|up|down)(?:\s+than|\s+on|\s+from)?|${THAT}\s+(?:vs\.?|versus|against))\b`,
  "i",
);
// explore31: "how much did i spend last week", then "compared to the week before?" got "Sorry, I can't
// help with that.": a message that starts with the comparison follows the answer before it, and a
// week (or less) read is set against the seven days before it.
const COMPARED_FIRST = /^(?:(?:and|so|ok(?:ay)?|how\s+about|what\s+about)[,\s]+)?(?:compared?\s+(?:to|with)|vs\.?|versus|against)\s+\S/i;
const WEEK_BEFORE = /\b(?:week|one|period)\s+before\b|\b(?:previous|prior|last)\s+week\b/i;
const DAY_MS = 86_400_000;
const USUAL = /\b(?:usual|usually|normal|normally|average|typical|typically)\b/i;
// Session 31: "is that a lot" after a month's groceries got "Sorry": set against the customer's usual month.
const A_LOT = new RegExp(
  String.raw`^(?:(?:ok(?:ay)?|so|and|hmm+|wow|oh|yikes|damn)[,!.\s]+)*(?:is|was|are|were)\s+${THAT}\s+(?:a\s+lot|lots|too\s+much|much|(?:too\s+)?high|normal|bad|good|ok(?:ay)?|reasonable|excessive)(?:\s+for\s+me)?\s*[?.!]*$`,
  "i",
);
// Session 32: "which was more" right after "and the month before": the two months just read.
const WHICH_MORE =
  /^(?:(?:so|and|ok(?:ay)?|hmm+|wait)[,!.\s]+)*(?:(?:which|what)\s+(?:one\s+|month\s+)?(?:was|is|were)\s+(?:more|higher|bigger|less|lower|smaller|worse|better|the\s+(?:most|least|biggest|highest|lowest))|which\s+(?:one|month)\s+did\s+i\s+spend\s+more(?:\s+in)?|what(?:'s|\s+is|\s+was)\s+the\s+difference|did\s+i\s+spend\s+more\s+(?:then|or\s+now))\s*[?.!]*$/i;
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export function comparesBack(text: string): boolean {
  return COMPARES_BACK.test(text) || COMPARED_FIRST.test(text.trim()) || A_LOT.test(text.trim());
}

/** A read of a week or less and the seven days before it, labelled by their first days ("the week of 23 Nov"). */
export function weekAndBefore(range: { from: string; to: string }, today: string): [MonthRange, MonthRange] | undefined {
  const from = Date.parse(`${range.from}T00:00:00Z`);
  const days = Math.round((Date.parse(`${range.to}T00:00:00Z`) - from) / DAY_MS) + 1;
  if (days < 1 || days > 7) return undefined;
  const label = (ms: number) => `the week of ${new Date(ms).getUTCDate()} ${MONTHS[new Date(ms).getUTCMonth()]!.slice(0, 3)}`;
  const current = range.to === today && days < 7 ? " so far" : "";
  return [
    { from: range.from, to: range.to, label: `${label(from)}${current}` },
    { from: isoDay(from - 7 * DAY_MS), to: isoDay(from - DAY_MS), label: label(from - 7 * DAY_MS) },
  ];
}

/** The calendar month a period lies in, labelled ("November 2026", "December 2026 so far"); undefined when it spans months. */
export function monthOf(range: { from: string; to: string }, today: string): MonthRange | undefined {
  if (range.from.slice(0, 7) !== range.to.slice(0, 7)) return undefined;
  const [year, month] = range.from.split("-").map(Number) as [number, number];
  const from = `${range.from.slice(0, 7)}-01`;
  const to = isoDay(Date.UTC(year, month, 0));
  const current = today.slice(0, 7) === from.slice(0, 7);
  return { from, to: current ? today : to, label: `${MONTHS[month - 1]} ${year}${current ? " so far" : ""}` };
}

function monthBefore(month: MonthRange, today: string): MonthRange {
  const [year, m] = month.from.split("-").map(Number) as [number, number];
  const start = isoDay(Date.UTC(year, m - 2, 1));
  return monthOf({ from: start, to: start }, today)!;
}

/** Sets the spending just answered against another month or the usual one; false when the message is no such follow-up. */
export function compareReadAgain(ctx: StepContext, intent: IntentTag, e: Entities, text: string): boolean {
  const last = ctx.state.lastRead;
  if (!last || last.what !== "spending" || !last.dateRange || ctx.state.task || ctx.now - last.at > READ_FOLLOW_UP_MS) return false;
  const which = last.before !== undefined && WHICH_MORE.test(text.trim());
  // A message that names what to compare itself ("groceries vs dining") goes its own way.
  if (!(comparesBack(text) || which) || e.category || e.merchant || e.accountRefs.length > 0 || e.amount) return false;
  const today = isoDay(ctx.now);
  const base: Entities = {
    accountRefs: last.accountRefs,
    ...(last.category ? { category: last.category } : {}),
    ...(last.merchant ? { merchant: last.merchant } : {}),
  };
  const tag: IntentTag = { ...last.intent, name: "spending", confidence: Math.max(intent.confidence, last.intent.confidence) };
  if (which) {
    const [a, b] = [monthOf(last.dateRange, today), monthOf(last.before!, today)];
    return a && b && a.from !== b.from ? started(ctx, startInsight(ctx, tag, { ...base, query: { compare: { months: [a, b] } } }, text)) : false;
  }
  if (USUAL.test(text) || A_LOT.test(text.trim())) return started(ctx, startInsight(ctx, tag, { ...base, query: { average: true } }, text));
  const weeks = WEEK_BEFORE.test(text) ? weekAndBefore(last.dateRange, today) : undefined;
  if (weeks) return started(ctx, startInsight(ctx, tag, { ...base, query: { compare: { months: weeks } } }, text));
  const that = monthOf(last.dateRange, today);
  if (!that) return false;
  const named = e.query?.compare?.months?.find((m) => m.from !== that.from) ?? (e.dateRange ? monthOf(e.dateRange, today) : undefined);
  const other = named && named.from !== that.from ? monthOf(named, today)! : monthBefore(that, today);
  return started(ctx, startInsight(ctx, tag, { ...base, query: { compare: { months: [that, other] } } }, text));
}

function started(ctx: StepContext, begun: boolean): boolean {
  if (begun) ctx.state.consecutiveFallbacks = 0;
  return begun;
}

/**
 * "what about checking?", "and the month before?", "how about dining?" right after a balance,
 * transactions or spending answer: the same question again with only what was named changed.
 * Read on their own these got "Sorry, I can't help with that." and, twice in a row, a hand-off
 * to a person. Only a read is repeated this way, never a money action, and only while it is
 * recent (READ_FOLLOW_UP_MS); a read the model hears clearly ("and my transactions?") goes its
 * own way.
 */
import { categoryOf } from "../../nlu/entities/spending.js";
import { READ_FOLLOW_UP_MS, RECENT_TRANSACTIONS } from "../config.js";
import type { StepContext } from "../context.js";
import type { Entities, IntentTag, LastRead } from "../types.js";
import { startLookup } from "./lookup.js";
import { isoDay } from "./wording.js";

const FILLER = String.raw`(?:(?:ok(?:ay)?|so|now|hmm+|cool|great|nice|thanks?|thank\s+you)\b[\s,.!]*)*`;
const LEAD = new RegExp(
  String.raw`^${FILLER}(?:(?:and\s+|n\s+)?(?:what|wat|wht|how)\s+(?:about|abt|bout)|and\s+(?:for|in|on)|what\s+of|same\s+(?:for|with)|and|also|(?:(?:show|give)\s+(?:me\s+)?)?(?:only|just))\b[\s,]*`,
  "i",
);
const AT = /^(?:at|from)\s+/i;
const FILLER_WORDS = /^(?:(?:my|the|on|in|for|with|just|only)\s+)+/i;
// explore28: "only the card ones", "just the checking transactions": what the list was of, named after.
// "just checking", "just wondering": small talk, no narrowing.
const BARE_JUST = /^just\s+(?:checking|looking|browsing|wondering|asking|curious)\b/i;
const LIST_NOUN = /\s+(?:ones?|transactions?|purchases?|payments?|charges?)$/i;
// "the card ones" after a list: the credit card's (a debit card spends from checking, named as such).
const CARD = /^(?:credit\s+)?card$/i;
// explore29: "just the debit card ones" (a dispute, from the model's direct debit): what checking paid out.
const DEBIT_CARD = /^debit(?:\s+card)?$/i;
// Words of a request or a question of its own: never taken for a follow-up.
const OWN_REQUEST =
  /\b(?:send|sent|transfer|pay|paid|move|freeze|frozen|block|unfreeze|unblock|cancel|stop|dispute|report|talk|speak|agent|person|human|someone|lost|stolen|open|close|order|change|help|why|when|who|how)\b|\d/i;
const NOT_A_TARGET = /^(?:you|me|it|that|this|them|those|these|him|her|us|everything|all|both)$/i;
const MAX_WORDS = 6;
/**
 * "the month before", "the previous week", "the one before": the period before the last answer's.
 * explore25: "the month before that" (read by the NLU from today, it answered last month again) and
 * "before that?" (got "Sorry") too. Session 31: "the weekend before" too.
 */
const EARLIER =
  /^(?:the\s+)?(?:(month|weekend|week|year)\s+(?:before|earlier|prior)(?:\s+(?:that|this|it|then))?|(?:previous|prior)\s+(month|weekend|week|year)|one\s+before(?:\s+(?:that|this|it))?|before\s+(?:that|this|it|then))$/i;

const DAY_MS = 86_400_000;
// A merchant's name as said after "what about": one to three words, no figure, no question word.
const NAME_ONLY = /^(?!(?:it|that|this|them|those|these|everything|all|both|else|other|others|more|less|today|yesterday|now|then|next|last|before|after|same|too|also)$)[a-z][a-z'&.-]*(?:\s+[a-z][a-z'&.-]*){0,2}$/i;

/** The words after a follow-up's lead ("what about", "and"), or null when the message is none. */
export function readFollowUp(text: string): { rest: string; at: boolean } | null {
  const trimmed = text.trim().replace(/[?.!\s]+$/, "");
  const lead = LEAD.exec(trimmed);
  if (!lead) return null;
  let rest = trimmed.slice(lead[0].length).trim();
  const at = AT.test(rest);
  rest = rest.replace(AT, "").replace(FILLER_WORDS, "").replace(LIST_NOUN, "").trim();
  if (BARE_JUST.test(trimmed)) return null;
  if (!rest || rest.split(/\s+/).length > MAX_WORDS || OWN_REQUEST.test(rest) || NOT_A_TARGET.test(rest)) return null;
  return { rest, at };
}

/**
 * Asks the last read again with what the message changed; false (nothing done) when the message
 * is no follow-up, the read is too old, or what it names is nothing that read can use.
 */
export function askReadAgain(ctx: StepContext, intent: IntentTag, e: Entities, text: string, unclear: boolean): boolean {
  const last = ctx.state.lastRead;
  if (!last || ctx.state.task || ctx.now - last.at > READ_FOLLOW_UP_MS) return false;
  // Beside a task set aside (a transfer asking "How much?"), an account named belongs to that task
  // ("what about savings?" may be its source): only a period, category or merchant is a follow-up.
  if (ctx.state.paused && (last.what === "balance" || e.accountRefs.length > 0 || e.amount)) return false;
  if (e.payeeName || e.unknownPayee || e.then) return false;
  // "only the ones over 50" after a list or a total: that period's transactions of that size.
  const narrowed = last.what === "balance" ? null : narrowedBySize(last, e, text);
  if (narrowed) {
    ctx.state.consecutiveFallbacks = 0;
    startLookup(ctx, { ...last.intent, name: "transactions" }, "transactions", narrowed);
    return true;
  }
  if (e.amount) return false;
  const followUp = readFollowUp(text);
  if (!followUp) return false;
  // "and my transactions?" names another read the model hears clearly; "what about in savings?"
  // after a list names only an account, whatever the model makes of it.
  const clearlyAnother = !unclear && intent.name !== last.intent.name && intent.confidence >= 0.9 && READ_NAMES.has(intent.name);
  if (clearlyAnother && READ_WORDS.test(followUp.rest)) return false;
  const changed = changedBy(last, followUp, e);
  if (!changed) return false;
  ctx.state.consecutiveFallbacks = 0;
  startLookup(ctx, last.intent, last.what, changed);
  return true;
}

const READ_NAMES = new Set(["balance", "transactions", "spending"]);
const READ_WORDS = /\b(?:balances?|transactions?|spen[dt]|spending|payments?|purchases?|history|statements?|money|left|have)\b/i;
// A short message that only bounds a size: "only the ones over 50", "just those above $100", "any under 20?".
// "transactions over $50" names what it wants: a request of its own, not this narrowing.
const SIZE_ONLY = /^(?:(?:ok(?:ay)?|so|and|now|what|how|about|only|just|show|list|me|the|ones?|those|them|any|anything|that|which|are|were|is|was|over|above|under|below|more|less|greater|bigger|larger|smaller|lower|higher|than|at|least|most|or|of|dollars?|bucks|usd|\$?[\d.,]+|[a-z]+ty|hundred|thousand|please)\b[\s,?.!]*)+$/i;

/** The last read's period, category and merchant with a bound on size, or null when the message is no such bound. */
function narrowedBySize(last: LastRead, e: Entities, text: string): Entities | null {
  const bound = e.query?.amountBound;
  if (!bound || !e.amount || !("minor" in e.amount) || text.split(/\s+/).length > 10 || !SIZE_ONLY.test(text.trim())) return null;
  return {
    accountRefs: last.accountRefs,
    ...(last.dateRange ? { dateRange: last.dateRange } : {}),
    ...(last.category ? { category: last.category } : {}),
    ...(last.merchant ? { merchant: last.merchant } : {}),
    amount: e.amount,
    query: { ...last.query, amountBound: bound, ...(last.what === "spending" ? { outgoing: true } : {}) },
  };
}

/** The last read's entities with the named part replaced, or null when nothing it uses changed. */
function changedBy(last: LastRead, followUp: { rest: string; at: boolean }, e: Entities): Entities | null {
  // explore28: "last 5 things i bought", then "what about just checking": still 5 (it showed 10).
  // Only a count the customer asked for: a plain list (10) or a narrowed one (50) keeps its own size.
  const count = last.what === "transactions" && last.shown !== undefined && last.shown !== RECENT_TRANSACTIONS && last.shown < 50 ? last.shown : undefined;
  const base: Entities = {
    accountRefs: last.accountRefs,
    ...(last.dateRange ? { dateRange: last.dateRange } : {}),
    ...(last.category ? { category: last.category } : {}),
    ...(last.merchant ? { merchant: last.merchant } : {}),
    ...(last.amount ? { amount: { minor: last.amount.minor, currency: last.amount.currency } } : {}),
    ...(last.query || last.amount || count ? { query: { ...last.query, ...(last.amount ? { amountBound: last.amount.op } : {}), ...(count ? { count } : {}) } } : {}),
  };
  if (last.what === "balance") {
    return e.accountRefs.length > 0 ? { ...base, accountRefs: e.accountRefs } : null;
  }
  // "what about savings?" after a list of transactions or a spending total: that account's.
  if ((last.what === "transactions" || last.what === "spending") && e.accountRefs.length === 1) return { ...base, accountRefs: e.accountRefs };
  if ((last.what === "transactions" || last.what === "spending") && CARD.test(followUp.rest)) return { ...base, accountRefs: ["credit"] };
  if ((last.what === "transactions" || last.what === "spending") && DEBIT_CARD.test(followUp.rest)) {
    return { ...base, accountRefs: ["checking"], ...(last.what === "transactions" ? { query: { ...base.query, outgoing: true } } : {}) };
  }
  const earlier = EARLIER.exec(followUp.rest);
  if (earlier) {
    const range = last.dateRange && periodBefore(last.dateRange, (earlier[1] ?? earlier[2])?.toLowerCase());
    return range ? { ...base, dateRange: range } : null;
  }
  const { category: _c, merchant: _m, ...unnamed } = base;
  const category = e.category ?? (followUp.at ? undefined : categoryOf(followUp.rest));
  if (category) return { ...unnamed, ...(e.dateRange ? { dateRange: e.dateRange } : {}), category };
  if (followUp.at) return { ...unnamed, ...(e.dateRange ? { dateRange: e.dateRange } : {}), merchant: e.merchant ?? followUp.rest };
  // Session 31: "how much did i spend on uber last month", then "what about lyft" got "Sorry": after a
  // read of one merchant, a short name alone that is no period is the next merchant. Session 32: after a
  // category's or the whole period's spending too ("how about coffee", then "what about uber" got "Sorry").
  if ((last.merchant || last.category || last.what === "spending") && !e.dateRange && e.accountRefs.length === 0 && NAME_ONLY.test(followUp.rest)) {
    return { ...unnamed, merchant: e.merchant ?? followUp.rest };
  }
  if (e.dateRange) return { ...base, dateRange: e.dateRange };
  return null;
}

/** The period just before `range`: the calendar month, week or year before, or as many days before. */
function periodBefore(range: { from: string; to: string }, unit: string | undefined): { from: string; to: string } | null {
  const from = Date.parse(`${range.from}T00:00:00Z`);
  const to = Date.parse(`${range.to}T00:00:00Z`);
  if (!Number.isFinite(from) || !Number.isFinite(to) || to < from) return null;
  const start = new Date(from);
  const wholeMonth = start.getUTCDate() === 1 && new Date(to + DAY_MS).getUTCDate() === 1;
  if (unit === "month" || (unit === undefined && wholeMonth)) {
    // From a month's first day: the whole month before (a month so far compares with a whole month).
    const first = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() - 1, 1);
    const lastDay = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 0);
    return { from: isoDay(first), to: isoDay(lastDay) };
  }
  if (unit === "year") {
    return { from: isoDay(Date.UTC(start.getUTCFullYear() - 1, 0, 1)), to: isoDay(Date.UTC(start.getUTCFullYear() - 1, 11, 31)) };
  }
  // Session 31: "and the weekend before" (it answered the same weekend again): the same days a week earlier.
  if (unit === "weekend") return { from: isoDay(from - 7 * DAY_MS), to: isoDay(to - 7 * DAY_MS) };
  const span = unit === "week" ? 7 * DAY_MS : to - from + DAY_MS;
  return { from: isoDay(from - span), to: isoDay(from - DAY_MS) };
}


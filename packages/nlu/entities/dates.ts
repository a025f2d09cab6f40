// Date ranges for transaction and spending questions, as inclusive calendar dates (YYYY-MM-DD) in
// the customer's own calendar: the caller passes "today" as the customer sees it, so no time zone
// arithmetic happens here. Banking questions look backwards, so ambiguous dates ("in March",
// "the 3rd") resolve to the most recent past occurrence. Common relative phrases are handled by
// rules; anything else goes to chrono-node.

import * as chrono from "chrono-node";
import { mayHoldDateBesideAmounts } from "./chrono-gate";

export interface DateRange {
  /** First day, inclusive. */
  from: string;
  /** Last day, inclusive; never after today. */
  to: string;
  text: string;
}

const DAY_MS = 86_400_000;
const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH_PATTERN = String.raw`jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?`;
/** Between the two ends of a range: "3 to 10", "the 3rd and the 10th", "3-10". */
const SEPARATOR = String.raw`(?:to|until|till|through|and|-|–)`;
const ORDINAL = String.raw`(?:st|nd|rd|th)`;
const UNIT_WORDS: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12, thirty: 30, ninety: 90 };

/** A calendar day as a UTC midnight timestamp; all arithmetic below is on these. */
type Day = number;

function toDay(date: Date | string): Day {
  if (typeof date === "string") {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    if (!m) throw new Error(`today must be YYYY-MM-DD, got ${date}`);
    return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  }
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

export function formatDay(day: Day): string {
  return new Date(day).toISOString().slice(0, 10);
}

function ymd(day: Day): [number, number, number] {
  const d = new Date(day);
  return [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()];
}

function monthStart(year: number, month: number): Day {
  return Date.UTC(year, month, 1);
}

function monthEnd(year: number, month: number): Day {
  return Date.UTC(year, month + 1, 0);
}

/** Monday-based week start. */
function weekStart(day: Day): Day {
  const weekday = (new Date(day).getUTCDay() + 6) % 7;
  return day - weekday * DAY_MS;
}

function range(from: Day, to: Day, today: Day, text: string): DateRange | null {
  const end = Math.min(to, today);
  if (from > end) return null;
  return { from: formatDay(from), to: formatDay(end), text };
}

function parseCount(word: string): number | null {
  const n = /^\d+$/.test(word) ? Number(word) : UNIT_WORDS[word.toLowerCase()];
  return n === undefined || n <= 0 || n > 3660 ? null : n;
}

/** Most recent month `month` (0-11) that is not in the future, in `year` if given. */
function pastMonth(month: number, year: number | undefined, today: Day): [number, number] {
  const [ty, tm] = ymd(today);
  if (year !== undefined) return [year, month];
  return [month > tm ? ty - 1 : ty, month];
}

type Rule = (m: RegExpExecArray, today: Day) => DateRange | null;

const RULES: Array<[RegExp, Rule]> = [
  [/\btoday\b/i, (m, t) => range(t, t, t, m[0])],
  [/\byesterday\b/i, (m, t) => range(t - DAY_MS, t - DAY_MS, t, m[0])],
  [
    /\b(?:in\s+|over\s+|during\s+)?(?:the\s+)?(?:last|past|previous)\s+(\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|twelve|thirty|ninety)\s+(day|week|month|year)s?\b/i,
    (m, t) => {
      const n = parseCount(m[1]!);
      if (n === null) return null;
      const unit = m[2]!.toLowerCase();
      if (unit === "day") return range(t - (n - 1) * DAY_MS, t, t, m[0]);
      if (unit === "week") return range(t - (7 * n - 1) * DAY_MS, t, t, m[0]);
      const [y, mo, d] = ymd(t);
      const from = unit === "month" ? Date.UTC(y, mo - n, d) + DAY_MS : Date.UTC(y - n, mo, d) + DAY_MS;
      return range(from, t, t, m[0]);
    },
  ],
  // crowd29: "what did i charge to my card two weeks ago" was one day (chrono), 14 days back, where
  // nothing may have been booked: a week or a month "ago" is that calendar week (Monday to Sunday),
  // month or year. Days ago stay one day.
  [
    /\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|(?:a\s+)?couple(?:\s+of)?)\s+(week|month|year)s?\s+ago\b/i,
    (m, t) => {
      const n = /couple/i.test(m[1]!) ? 2 : m[1]!.toLowerCase() === "an" ? 1 : parseCount(m[1]!);
      if (n === null) return null;
      const unit = m[2]!.toLowerCase();
      const [y, mo] = ymd(t);
      if (unit === "week") {
        const start = weekStart(t - 7 * n * DAY_MS);
        return range(start, start + 6 * DAY_MS, t, m[0]);
      }
      if (unit === "month") return range(monthStart(y, mo - n), monthEnd(y, mo - n), t, m[0]);
      return range(Date.UTC(y - n, 0, 1), Date.UTC(y - n, 11, 31), t, m[0]);
    },
  ],
  [
    // Session 30: "last weeks transactions" (the apostrophe left out) was read as one day, 28 Nov.
    /\b(last|this|previous|current)\s+(week|month|year)(?:'?s)?\b/i,
    (m, t) => {
      const last = /last|previous/i.test(m[1]!);
      const unit = m[2]!.toLowerCase();
      const [y, mo] = ymd(t);
      if (unit === "week") {
        const start = weekStart(t) - (last ? 7 * DAY_MS : 0);
        return range(start, start + 6 * DAY_MS, t, m[0]);
      }
      if (unit === "month") {
        const month = last ? mo - 1 : mo;
        return range(monthStart(y, month), monthEnd(y, month), t, m[0]);
      }
      const year = last ? y - 1 : y;
      return range(Date.UTC(year, 0, 1), Date.UTC(year, 11, 31), t, m[0]);
    },
  ],
  [
    /\b(?:this|the)\s+weekend\b|\b(?:last|over the|previous|past)\s+weekend\b/i,
    (m, t) => {
      // The most recent Saturday–Sunday that has started; "last weekend" said on a weekend is the one
      // before (session 27: on a Saturday it was today alone).
      const saturday = weekStart(t) + 5 * DAY_MS;
      // Session 29: on the Saturday itself, "what did i spend at the weekend" is the weekend just gone
      // (it was today alone, "$0.00"); "this weekend" stays this one.
      const saturdayToday = Math.floor(t / DAY_MS) * DAY_MS === saturday && !/^this/i.test(m[0]);
      // Session 31: "the previous weekend" said on a Saturday was today alone, as "last weekend" once was.
      const start = saturday > t || /^(?:last|previous|past)/i.test(m[0]) || saturdayToday ? saturday - 7 * DAY_MS : saturday;
      return range(start, start + DAY_MS, t, m[0]);
    },
  ],
  [
    // A month followed by a day ("from November 3 to November 10") is a date for chrono below.
    new RegExp(String.raw`\b(?:in|during|for|from|of)\s+(${MONTH_PATTERN})(?:\s+(\d{4}))?\b(?!\s+\d{1,2}(?:st|nd|rd|th)?\b)`, "i"),
    (m, t) => {
      const month = MONTHS.findIndex((name) => name.startsWith(m[1]!.toLowerCase().slice(0, 3)));
      const [year, mo] = pastMonth(month, m[2] ? Number(m[2]) : undefined, t);
      return range(monthStart(year, mo), monthEnd(year, mo), t, m[0]);
    },
  ],
  [
    /\b(?:(last|on|since)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i,
    (m, t) => {
      // The most recent such day (today counts, unless "last" was said).
      const target = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"].indexOf(m[2]!.toLowerCase());
      let back = (new Date(t).getUTCDay() - target + 7) % 7;
      if (back === 0 && /last/i.test(m[1] ?? "")) back = 7;
      const day = t - back * DAY_MS;
      return range(day, /since/i.test(m[1] ?? "") ? t : day, t, m[0]);
    },
  ],
  [new RegExp(String.raw`\b(?:since|from|between)\s+(?:the\s+)?(\d{1,2})${ORDINAL}\b(?:\s*${SEPARATOR}\s*(?:the\s+)?(\d{1,2})${ORDINAL}?\b)?(?!\s+(?:of\s+)?[a-z]{3})`, "i"), daysOfMonth],
  // "between 1 and 15": days without ordinals, unless money follows ("between 10 and 20 dollars").
  [new RegExp(String.raw`\bbetween\s+(\d{1,2})\s*(?:and|to|-|–)\s*(\d{1,2})\b(?![.,]\d|\s*(?:%|dollars?|bucks|usd|eur|gbp|euros?|pounds?|cents?)|\s+(?:of\s+)?[a-z]{3})`, "i"), daysOfMonth],
  [
    // "between 3 and 10 november", "from the 3rd to the 10th of Nov 2025": chrono reads only the 10th.
    new RegExp(String.raw`\b(?:between|from)\s+(?:the\s+)?(\d{1,2})${ORDINAL}?\s*${SEPARATOR}\s*(?:the\s+)?(\d{1,2})${ORDINAL}?\s+(?:of\s+)?(${MONTH_PATTERN})\b(?:\s+(\d{4}))?`, "i"),
    (m, t) => {
      const [first, last] = [Number(m[1]), Number(m[2])];
      if (first < 1 || last < first || last > 31) return null;
      const month = MONTHS.findIndex((name) => name.startsWith(m[3]!.toLowerCase().slice(0, 3)));
      let [year, mo] = pastMonth(month, m[4] ? Number(m[4]) : undefined, t);
      // The month is the customer's: kept, cut at today; only a span not yet begun is last year's.
      if (!m[4] && dayIn(year, mo, first) > t) year -= 1;
      // Both ends stay in the month named: "the 29th to the 31st of February" is its last day, not March.
      return range(dayIn(year, mo, first), dayIn(year, mo, last), t, m[0]);
    },
  ],
];

/**
 * "since the 3rd", "between the 1st and the 15th", "between 1 and 15": days of a month not named.
 * Ends stay inside one month (no "30th" of February spilling into March).
 */
function daysOfMonth(m: RegExpExecArray, t: Day): DateRange | null {
  const dayOfMonth = Number(m[1]);
  if (dayOfMonth < 1 || dayOfMonth > 31) return null;
  const [y, mo] = ymd(t);
  // The most recent such day: this month's if it has begun, else last month's (its last day if shorter).
  const thisMonth = Date.UTC(y, mo, dayOfMonth);
  const start = thisMonth <= t && dayOfMonth <= ymd(monthEnd(y, mo))[2] ? thisMonth : dayIn(y, mo - 1, dayOfMonth);
  // "since the 3rd": up to today.
  const endDay = m[2] === undefined ? null : Number(m[2]);
  if (endDay === null) return range(start, t, t, m[0]);
  if (endDay < dayOfMonth || endDay > 31) return null;
  // "between the 1st and the 15th" names a whole span, and which month is our guess: the most
  // recent month in which that span has ended (asked on Dec 2, Nov 1–15, not Dec 1–2).
  const [sy, smo] = ymd(start);
  const back = Date.UTC(sy, smo, endDay) > t ? 1 : 0;
  return range(dayIn(sy, smo - back, dayOfMonth), dayIn(sy, smo - back, endDay), t, m[0]);
}

/** Day `day` of a month, or the month's last day when it has fewer ("the 31st" of November). */
function dayIn(year: number, month: number, day: number): Day {
  return Math.min(Date.UTC(year, month, day), monthEnd(year, month));
}

/**
 * The first date or date range mentioned in `text`, relative to `today` (the customer's local
 * calendar date, as YYYY-MM-DD or a Date whose UTC date is used). Null if none.
 */
export function extractDateRange(text: string, today: Date | string): DateRange | null {
  const t = toDay(today);
  let best: { index: number; length: number; result: DateRange } | null = null;
  for (const [pattern, rule] of RULES) {
    const m = pattern.exec(text);
    if (!m) continue;
    const result = rule(m, t);
    // The earliest mention wins; at the same place, the longer reading ("from the 29th to the
    // 31st of February" over "from the 29th").
    if (result && (best === null || m.index < best.index || (m.index === best.index && m[0].length > best.length))) {
      best = { index: m.index, length: m[0].length, result };
    }
  }
  // crowd29: "since last month", "since yesterday" (last month alone, yesterday alone): from
  // then up to today. Not "from": "purchases from last wednesday" are that day's.
  if (best && /\bsince\s*$/i.test(text.slice(0, best.index))) {
    return { ...best.result, to: formatDay(t), text: `since ${best.result.text}` };
  }
  if (best) return best.result;
  return chronoRange(text, t);
}

function chronoRange(text: string, today: Day): DateRange | null {
  const [y, mo, d] = ymd(today);
  // Reference at noon of "today" so chrono's local-time handling cannot shift the day.
  const reference = new Date(y, mo, d, 12);
  // "now" is when, not which days: "Now I want to make a transfer", "show my transactions now".
  // A text chrono cannot read skips it: its first calls in an isolate compile every parser, and each
  // call runs every parser (chrono-gate.ts); a transfer's "$1" alone is nothing chrono could read.
  const parsed = mayHoldDateBesideAmounts(text) ? chrono.parse(text, { instant: reference }, { forwardDate: false }) : [];
  const results = parsed.filter((r) => !/^(?:right |just )?now$/i.test(r.text));
  const first = results[0];
  if (!first) return null;
  const second = results[1];
  // "between March 1 and March 5", "March 1 to March 5": chrono returns two dates.
  const joined = second !== undefined && new RegExp(String.raw`^\s*${SEPARATOR}\s*$`, "i").test(text.slice(first.index + first.text.length, second.index));
  const since = /\b(?:since|from|after)\s*$/i.test(text.slice(0, first.index));
  const between = /\bbetween\s*$/i.test(text.slice(0, first.index));
  const day = (c: chrono.ParsedComponents): Day => Date.UTC(c.get("year")!, c.get("month")! - 1, c.get("day")!);
  const start = first.start;
  let from = day(start);
  let to = first.end ? day(first.end) : joined ? day(second.start) : from;
  if (!start.isCertain("day") && start.isCertain("month") && !first.end) {
    // "March" alone means the whole month.
    from = monthStart(start.get("year")!, start.get("month")! - 1);
    to = monthEnd(start.get("year")!, start.get("month")! - 1);
  }
  if (from > today && start.isCertain("month") && !start.isCertain("year")) {
    // A past-looking question about a date later this year means last year's.
    from = Date.UTC(ymd(from)[0] - 1, ymd(from)[1], ymd(from)[2]);
    to = Date.UTC(ymd(to)[0] - 1, ymd(to)[1], ymd(to)[2]);
  }
  // "from 3 November" runs to today; "from 3 November to 10 November" (or "… to the 10th",
  // "between November 3 and 10") ends where it says.
  const endDay = new RegExp(String.raw`^\s*${SEPARATOR}\s*(?:the\s+)?(\d{1,2})${ORDINAL}?\b`, "i").exec(text.slice(first.index + first.text.length));
  const endsAt = (since || between) && !first.end && !joined && endDay && Number(endDay[1]) >= ymd(from)[2] && Number(endDay[1]) <= 31;
  if (endsAt) to = dayIn(ymd(from)[0], ymd(from)[1], Number(endDay[1]));
  else if (since && !first.end && !joined) to = today;
  // The text is all that was read: "between November 3 and 10", not "November 3".
  const matched = joined
    ? text.slice(first.index, second.index + second.text.length)
    : endsAt
      ? text.slice(first.index, first.index + first.text.length + endDay[0].length)
      : first.text;
  return range(from, to, today, since || between ? `${text.slice(0, first.index).trim().split(/\s+/).pop()} ${matched}` : matched);
}

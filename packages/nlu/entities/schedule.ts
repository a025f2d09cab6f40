// When a money action should happen: "tomorrow", "on the 1st", "next Friday", "on 12 March" (one
// date) or "every Friday", "weekly", "monthly on the 1st", "every 2 weeks", with "until <date>",
// "for 6 months" or "6 times" (a repeat). Unlike dates.ts (questions look back), a payment looks
// forward: "the 1st" is the next 1st, "12 March" the next 12 March.
//
// Whatever sounds like timing but cannot be honoured — a time of day, a past date, a repeat we
// cannot express — comes back as a problem with the customer's own words, never dropped: the
// dialogue must say so rather than send the money now as if nothing had been said.

import * as chrono from "chrono-node";
import type { TimingProblemReason } from "../../contract/understood";
import {
  MAX_REPEAT_INTERVAL,
  MAX_SCHEDULE_COUNT,
  MAX_START_DAYS_AHEAD,
  addDays,
  addMonths,
  daysBetween,
  formatDate,
  weekday,
  type Repeat,
  type ScheduleSpec,
} from "../../money/schedule";
import { onFirstUse } from "../lazy-pattern";
import { mayHoldDate } from "./chrono-gate";
import { HOLIDAY_AS_DAY, readHoliday } from "./schedule-holidays";
import { VAGUE_TIMING } from "./schedule-vague";

export type { TimingProblemReason } from "../../contract/understood";

export interface TimingProblem {
  reason: TimingProblemReason;
  /** The customer's words, as written. */
  text: string;
}

export interface ScheduleExtraction {
  /** "now", "today", "right away": the customer asked for it to happen at once. */
  now?: true;
  /** "eod", "by end of day", "whenever": at once too, in words that name no moment, so the confirmation says the date. */
  sameDay?: string;
  schedule?: ScheduleSpec;
  problems: TimingProblem[];
  /** [start, end) of every span read as timing, so other extractors can skip them (the 6 of "6 times"). */
  spans: Array<[number, number]>;
}

const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const WEEKDAY = String.raw`(sun|mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?)(?:day)?`;
const FULL_WEEKDAY = String.raw`(sunday|monday|tuesday|wednesday|thursday|friday|saturday)`;
const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, other: 2,
};
const COUNT = String.raw`(\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)`;

function count(word: string): number {
  return /^\d+$/.test(word) ? Number(word) : (NUMBER_WORDS[word.toLowerCase()] ?? NaN);
}

function weekdayIndex(word: string): number {
  const w = word.toLowerCase().slice(0, 3);
  return WEEKDAYS.findIndex((d) => d.startsWith(w));
}

/** The first date strictly after `today` that falls on `day` (0 = Sunday). */
function nextWeekday(today: string, day: number): string {
  const ahead = ((day - weekday(today) + 7) % 7) || 7;
  return addDays(today, ahead);
}

/**
 * `day` (0 = Sunday) in the Monday-to-Sunday week after the one `today` is in, but never tomorrow:
 * "next Monday" said on a Sunday is the Monday after (8 days), since tomorrow is "this Monday" and
 * nobody says "next" for it. The confirmation shows the date, so a customer who meant tomorrow sees it.
 */
function weekdayOfNextWeek(today: string, day: number): string {
  const nextMonday = addDays(today, 7 - ((weekday(today) + 6) % 7));
  const date = addDays(nextMonday, (day + 6) % 7);
  return date === addDays(today, 1) ? addDays(date, 7) : date;
}

/** The next date after `today` whose day of the month is `dom` (skipping months too short for it). */
function nextMonthDay(today: string, dom: number): string | null {
  if (dom < 1 || dom > 31) return null;
  for (let m = 0; m <= 12; m++) {
    const candidate = addMonths(`${today.slice(0, 8)}01`, m, dom);
    if (Number(candidate.slice(8, 10)) === dom && candidate > today) return candidate;
  }
  return null;
}

const MONTH_WORD = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)";
const BARE_NUMBER = new RegExp(
  String.raw`(?<!${MONTH_WORD}[a-z]*\.?\s*)(?<![/\-.\d])[$€£]?\d+(?:[.,]\d+)?(?![\d/\-]|\s*(?:st|nd|rd|th)\b|\s+(?:of\s+)?${MONTH_WORD})`,
  "gi",
);

class Reader {
  readonly spans: Array<[number, number]> = [];
  constructor(readonly text: string) {}

  /** Every match of `pattern` not overlapping a span already read; each match is marked read. */
  take(pattern: RegExp): RegExpExecArray[] {
    const found: RegExpExecArray[] = [];
    const global = pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
    global.lastIndex = 0;
    for (let m = global.exec(this.text); m; m = global.exec(this.text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (m[0].length === 0) {
        global.lastIndex++;
        continue;
      }
      if (this.spans.some(([s, e]) => start < e && end > s)) continue;
      this.spans.push([start, end]);
      found.push(m);
    }
    return found;
  }

  /** The text with every read span blanked out (same length, so indexes still line up). */
  rest(): string {
    let out = this.text;
    for (const [s, e] of this.spans) out = out.slice(0, s) + " ".repeat(e - s) + out.slice(e);
    return out;
  }
}

// chrono reads "make a money transfer" as "a mon(th)": a date we could not pin is only reported
// when the words name a day, a month or a period ("by Friday", "in March").
const CALENDAR_WORD = /\b(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?s?|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|weeks?|weekends?|months?|years?)\b/i;

const MEASURE = new RegExp(
  String.raw`(?<!\b(?:in|for|within|after|every|each|per|over|during|than)\s+)\b(?:an?|one|two|three|four|five|six|\d{1,2})\s+(?:days?|weeks?|fortnights?|months?|years?)(?:['’]s\b|s['’](?=\s)|(?=\s+(?:worth\s+)?of\b))`,
  "gi",
);

// crowd31: the month paid for ("I owe him for December", "january's rent") is no date ("I'm not sure
// which date you mean by “December”"), unless the message schedules ("schedule the rent for December").
const MONTH_NAME = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|march|apr(?:il)?|may|june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const PAID_FOR = String.raw`(?:rent|share|dues|bills?|tuition|allowance|utilities)`;
const PAID_FOR_MONTH = new RegExp(
  String.raw`\b(?:(?:owe\s+(?:[a-z]+\s+){0,2}|${PAID_FOR}\s+)for\s+(?:the\s+month\s+of\s+)?${MONTH_NAME}\b(?!\s*\d)|${MONTH_NAME}(?:['’]s)?\s+${PAID_FOR}\b)`,
  "gi",
);
const SCHEDULING = /\b(?:schedul\w*|set\s+(?:it\s+|that\s+|this\s+)?up|plan\w*)\b/i;

/** Where `text` uses a length of time as a measure ("a month of rent"): never an amount nor a date. */
export function measureSpans(text: string): Array<[number, number]> {
  return [...text.matchAll(MEASURE)].map((m) => [m.index, m.index + m[0].length]);
}

// sweep17: "good morning, … move 50 to savings" was refused as a time of day ("morning") and dated
// today: a greeting names no time.
const GREETING = /\bgood\s+(?:morning|afternoon|evening|night)\b/gi;

/** Where `text` greets ("good morning"): neither a time of day nor a date. */
export function greetingSpans(text: string): Array<[number, number]> {
  return [...text.matchAll(GREETING)].map((m) => [m.index, m.index + m[0].length]);
}

// "by Friday" is a deadline, not a day: left to chrono, which reports it as unclear.
const NOT_A_DAY = String.raw`(?<!\b(?:by|before|after|until|till|through|since|from|ending|end)\s+)`;

// extractSchedule's patterns, global so Reader.take runs them as they are, built on the first call
// and kept: built inside the function they were new RegExps on every message (~1% of workerd's CPU
// in money turns, regexp compiles at steady state).
const schedulePatterns = onFirstUse(() => ({
  timeOfDay: /\b(?:at\s+|by\s+|before\s+|after\s+)?\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)(?![a-z])|\b(?:at|by|before|after)\s+\d{1,2}[:.]\d{2}\b|\b(?:at|by)\s+\d{1,2}\s*o'?clock\b|\b(?:at|by|before|after)\s+\d{1,2}(?![\d.,:/%]|\s*(?:st|nd|rd|th|dollars?|usd|eur|gbp|pounds?|euros?)\b)|\b(?:at\s+)?(?:noon|midday|midnight)\b|\btonight\b|\b(?:(?:this|in the|tomorrow)\s+)?(?:morning|afternoon|evening)\b|\bhourly\b|\bevery\s+(?:\d+\s+)?(?:hours?|minutes?|seconds?)\b|\bin\s+(?:\d{1,3}|an?|one|two|three|four|five|six|a\s+few|a\s+couple(?:\s+of)?|half\s+an?)\s+(?:hours?|hrs?|minutes?|mins?)\b/gi,
  everyWeekday: new RegExp(String.raw`\b(?:every|each)\s+(other\s+|${COUNT}(?:st|nd|rd|th)?\s+)?${WEEKDAY}s?\b|\bon\s+${WEEKDAY}s\b`, "gi"),
  everyPeriod: new RegExp(String.raw`\b(?:every|each)\s+(other\s+|${COUNT}\s+)?(day|week|month|year)s?\b`, "gi"),
  monthDay: /\bon\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?:every|each|the)\s+month\b/gi,
  otherRepeat: /\b(?:every|each)\b(?:\s+[a-z0-9'-]+){0,3}|\b(?:recurring|repeating|regularly|twice|semi-?monthly)\b/gi,
  ends: new RegExp(String.raw`\b(?:for\s+)?${COUNT}\s+(?:times|payments|transfers|occurrences)\b|\bfor\s+${COUNT}\s+(days?|weeks?|months?|years?)\b`, "gi"),
  pastDate: /\b(?:yesterday|last\s+(?:week|month|year|night)|(?:last|this past)\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:\d+|a|one|two|three)\s+(?:days?|weeks?|months?)\s+ago)\b/gi,
  now: /\b(?:right\s+)?now\b|\b(?:right away|immediately|straight away|today|asap)\b/gi,
  // explore23: "eod", "by end of day", "whenever" were a time of day or no timing at all.
  sameDay: /\b(?:(?:by|before|at)\s+)?(?:(?:the\s+)?(?:end|close)\s+of\s+(?:the\s+)?(?:business\s+|working\s+)?(?:day|business|play)|eod|cob)\b|\b(?:whenever|any\s*time)(?:\s+(?:is\s+fine|works|you\s+like|you\s+can))?\b/gi,
  dayAfterTomorrow: /\b(?:the\s+)?day after tomorrow\b/gi,
  // "on christmas", "christmas day", "on new year's eve" (schedule-holidays.ts).
  holiday: new RegExp(HOLIDAY_AS_DAY, "gi"),
  tomorrow: /\btomorrow\b/gi,
  // "thursday week", "a week on thursday": the week after the coming one (UK).
  weekdayWeek: new RegExp(String.raw`\b(?:on\s+)?${WEEKDAY}\s+week\b|\ba\s+week\s+(?:on\s+)?${WEEKDAY}\b`, "gi"),
  weekday: new RegExp(String.raw`${NOT_A_DAY}\b(?:(?:on|next|this|coming|to|for)\s+)+${WEEKDAY}\b|${NOT_A_DAY}(?<!\b(?:on|next|this|coming|to|for)\s+)\b${FULL_WEEKDAY}\b`, "gi"),
  nextPeriod: /\bnext\s+(week|month)\b/gi,
  inCount: new RegExp(String.raw`\bin\s+${COUNT}\s+(days?|weeks?|fortnights?|months?)\b`, "gi"),
  // Timing with no date in it: reported, never read as "now" (schedule-vague.ts).
  vague: VAGUE_TIMING,
  repeatWords: [
    [/\b(?:daily|once a day)\b/gi, { unit: "day", interval: 1 }],
    [/\b(?:weekly|once a week)\b/gi, { unit: "week", interval: 1 }],
    [/\b(?:fortnightly|bi-?weekly|twice a month)\b/gi, { unit: "week", interval: 2 }],
    [/\b(?:monthly|once a month)\b/gi, { unit: "month", interval: 1 }],
    [/\bquarterly\b/gi, { unit: "month", interval: 3 }],
    [/\b(?:yearly|annually|once a year)\b/gi, { unit: "month", interval: 12 }],
  ] as Array<[RegExp, Repeat]>,
  ordinal: /(?<!\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+)\b(?:(?:on|from|starting|until|till|through)\s+)?(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))/gi,
}));

/** Timing in `text` relative to `today` (YYYY-MM-DD, the customer's date); null when there is none. */
export function extractSchedule(text: string, today: string): ScheduleExtraction | null {
  const patterns = schedulePatterns();
  const r = new Reader(text);
  const problems: TimingProblem[] = [];
  const problem = (reason: TimingProblemReason, m: RegExpExecArray | string) =>
    problems.push({ reason, text: (typeof m === "string" ? m : m[0]).trim() });

  // Times of day: Teller schedules by date only.
  for (const m of r.take(
    patterns.timeOfDay,
  )) {
    // "every 2 hours" is a repeat; "in 2 hours" (explore19: confirmed for now) a time of day.
    problem(/\bevery\b|hourly/i.test(m[0]) ? "unsupported_repeat" : "time_of_day", m);
    // "tomorrow morning": the date still counts, only the time of day is refused.
    if (/tomorrow/i.test(m[0])) r.spans.pop();
  }

  // "a month of rent", "a week's groceries", "two weeks' worth of food": a length of time used as a
  // measure of what is paid, neither a date nor an amount (they were a date a week ahead, or "when?").
  r.take(MEASURE);
  if (!SCHEDULING.test(text)) r.take(PAID_FOR_MONTH);

  // Repeats.
  let repeat: Repeat | undefined;
  let anchorWeekday: number | undefined;
  let anchorMonthDay: number | undefined;
  const setRepeat = (next: Repeat, m: RegExpExecArray) => {
    if (repeat && (repeat.unit !== next.unit || repeat.interval !== next.interval)) problem("unsupported_repeat", m);
    else repeat = next;
  };
  for (const m of r.take(patterns.everyWeekday)) {
    const interval = m[1] ? count(m[1].trim().replace(/(st|nd|rd|th)$/, "")) : 1;
    const dayWord = m[3] ?? m[4]!;
    anchorWeekday = weekdayIndex(dayWord);
    if (!(interval >= 1 && interval <= MAX_REPEAT_INTERVAL)) problem("unsupported_repeat", m);
    else setRepeat({ unit: "week", interval }, m);
  }
  for (const m of r.take(patterns.everyPeriod)) {
    const n = m[1] ? count(m[1].trim()) : 1;
    const unit = m[3]!.toLowerCase();
    const interval = unit === "year" ? n * 12 : n;
    if (!(interval >= 1 && interval <= MAX_REPEAT_INTERVAL)) problem("unsupported_repeat", m);
    else setRepeat({ unit: unit === "year" ? "month" : (unit as Repeat["unit"]), interval }, m);
  }
  for (const [pattern, value] of patterns.repeatWords) {
    for (const m of r.take(pattern)) {
      if (/twice a month/i.test(m[0])) problem("unsupported_repeat", m);
      else setRepeat(value, m);
    }
  }
  for (const m of r.take(patterns.monthDay)) {
    anchorMonthDay = Number(m[1]);
    setRepeat({ unit: "month", interval: 1 }, m);
  }
  // Anything else said with "every"/"each"/"recurring" is a repeat we cannot express.
  for (const m of r.take(patterns.otherRepeat)) {
    // Session 32: "a recurring transfer to savings every friday" was refused for "recurring": the word
    // says that it repeats, the rule already read says how often.
    if (repeat && /^(?:recurring|repeating|regularly)$/i.test(m[0].trim())) continue;
    problem("unsupported_repeat", m);
  }

  // Ends.
  let until: string | undefined;
  let total: number | undefined;
  let forLength: { n: number; unit: "day" | "week" | "month" | "year" } | undefined;
  for (const m of r.take(patterns.ends)) {
    const n = count(m[1] ?? m[2]!);
    if (m[3]) forLength = { n, unit: m[3].toLowerCase().replace(/s$/, "") as "day" | "week" | "month" | "year" };
    else total = n;
  }

  // Dates by rule.
  let start: string | undefined;
  let now = false;
  const setStart = (date: string | null, m: RegExpExecArray) => {
    if (date === null) problem("unclear_date", m);
    else if (start !== undefined && start !== date) problem("unclear_date", m);
    else start = date;
  };
  for (const m of r.take(patterns.pastDate)) {
    problem("past_date", m);
  }
  for (const m of r.take(patterns.now)) now = true;
  let sameDay: string | undefined;
  for (const m of r.take(patterns.sameDay)) sameDay = m[0].trim();
  for (const m of r.take(patterns.vague)) problem("unclear_date", m);
  for (const m of r.take(patterns.dayAfterTomorrow)) setStart(addDays(today, 2), m);
  for (const m of r.take(patterns.holiday)) {
    const holiday = readHoliday(m[0], today);
    if ("until" in holiday) until = holiday.until;
    else if ("unclear" in holiday) problem("unclear_date", m);
    else if (holiday.day === today && !repeat) now = true;
    else setStart(holiday.day, m);
  }
  for (const m of r.take(patterns.tomorrow)) setStart(addDays(today, 1), m);
  // "next Friday" is the Friday of next week (said on Thursday 3 Dec, Fri 11 Dec, not tomorrow);
  // "this Friday", "on Friday", "to Friday" (moving a date) and a bare "Friday" are the coming one.
  // "by Friday" (a deadline, not a day) is left to chrono, which reports it as unclear.
  for (const m of r.take(patterns.weekdayWeek)) setStart(addDays(nextWeekday(today, weekdayIndex((m[1] ?? m[2])!)), 7), m);
  for (const m of r.take(patterns.weekday)) {
    const day = weekdayIndex((m[1] ?? m[2])!);
    const next = /\bnext\b/i.test(m[0]) && !/\bthis\b/i.test(m[0]);
    setStart(next ? weekdayOfNextWeek(today, day) : nextWeekday(today, day), m);
  }
  for (const m of r.take(patterns.nextPeriod)) {
    setStart(m[1]!.toLowerCase() === "week" ? nextWeekday(today, 1) : addMonths(`${today.slice(0, 8)}01`, 1), m);
  }
  for (const m of r.take(patterns.inCount)) {
    const n = count(m[1]!);
    const unit = m[2]!.toLowerCase();
    const days = unit.startsWith("day") ? n : unit.startsWith("week") ? 7 * n : unit.startsWith("fortnight") ? 14 * n : undefined;
    setStart(days !== undefined ? addDays(today, days) : addMonths(today, n), m);
  }
  for (const m of r.take(patterns.ordinal)) {
    const dom = Number(m[1]);
    if (/^(?:until|till|through)/i.test(m[0])) until = nextMonthDay(today, dom) ?? undefined;
    else if (repeat?.unit === "month" || !repeat) {
      if (anchorMonthDay === undefined) anchorMonthDay = dom;
      setStart(nextMonthDay(today, dom), m);
    } else setStart(nextMonthDay(today, dom), m);
  }

  // Dates in any other form, through chrono, on what is left.
  // Bare numbers (the amount, an account's last four) are hidden from chrono, which would read
  // "send 10 … until 12 March" as a time range from 10 o'clock.
  const rest = r.rest().replace(BARE_NUMBER, (n) => " ".repeat(n.length));
  const reference = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1, Number(today.slice(8, 10)), 12));
  // Only when chrono could read something there (chrono-gate.ts: its first calls compile every parser).
  const parsed = mayHoldDate(rest) ? chrono.parse(rest, { instant: reference, timezone: 0 }, { forwardDate: true }) : [];
  for (const result of parsed) {
    const c = result.start;
    const before = rest.slice(0, result.index);
    const at = Object.assign([result.text], { index: result.index, input: rest }) as unknown as RegExpExecArray;
    if (!c.isCertain("day")) {
      // Weekdays and ordinals the rules understood are blanked already: what is left ("by Friday",
      // "in March", "at 5") is timing we cannot pin to one date, so it is reported.
      if (c.isCertain("hour")) problem("time_of_day", at);
      else if ((c.isCertain("weekday") || c.isCertain("month")) && CALENDAR_WORD.test(result.text)) problem("unclear_date", at);
      continue;
    }
    r.spans.push([result.index, result.index + result.text.length]);
    const date = formatDate(Date.UTC(c.get("year")!, c.get("month")! - 1, c.get("day")!));
    if (c.isCertain("year") && date < today) {
      problem("past_date", at);
      continue;
    }
    const ending = /^(?:until|till|through|ending)\b/i.test(result.text);
    if (ending || /\b(?:until|till|through|to|ending|end)\s*(?:on\s+)?$/i.test(before)) until = date;
    else if (date === today && !repeat) now = true;
    else setStart(date, at);
  }

  const found = repeat !== undefined || start !== undefined || until !== undefined || total !== undefined || forLength !== undefined;
  if (!found && !now && sameDay === undefined && problems.length === 0) return null;
  const out: ScheduleExtraction = { problems, spans: r.spans };
  if ((now || sameDay !== undefined) && !found) {
    out.now = true;
    if (sameDay !== undefined && !now) out.sameDay = sameDay;
    return out;
  }
  if (!found) return out;

  // The first date: given, else the repeat's anchor, else tomorrow.
  let first = start;
  if (first === undefined && anchorWeekday !== undefined) first = nextWeekday(today, anchorWeekday);
  if (first === undefined && anchorMonthDay !== undefined) first = nextMonthDay(today, anchorMonthDay) ?? undefined;
  if (first === undefined && now && repeat) first = today;
  first ??= addDays(today, 1);
  if (anchorWeekday !== undefined && weekday(first) !== anchorWeekday) first = nextWeekday(addDays(first, -1), anchorWeekday);
  if (daysBetween(today, first) > MAX_START_DAYS_AHEAD) {
    problems.push({ reason: "too_far", text: first });
    return out;
  }

  const spec: ScheduleSpec = { start: first };
  if (repeat) spec.repeat = repeat;
  if (forLength) {
    const end =
      forLength.unit === "day"
        ? addDays(first, forLength.n - 1)
        : forLength.unit === "week"
          ? addDays(first, 7 * forLength.n - 1)
          : addDays(addMonths(first, forLength.unit === "month" ? forLength.n : 12 * forLength.n), -1);
    until = until === undefined || end < until ? end : until;
  }
  if (!repeat && (until !== undefined || total !== undefined)) {
    problems.push({ reason: "bad_end", text: total !== undefined ? `${total} times` : `until ${until}` });
  } else {
    if (until !== undefined) {
      if (until < first) problems.push({ reason: "bad_end", text: `until ${until}` });
      else spec.until = until;
    }
    if (total !== undefined) {
      if (!(total >= 1 && total <= MAX_SCHEDULE_COUNT)) problems.push({ reason: "bad_end", text: `${total} times` });
      else spec.count = total;
    }
  }
  out.schedule = spec;
  return out;
}

// Whether chrono-node could read a date or time in a text at all. chrono.parse runs ~20 parsers'
// patterns, whatever the text: an isolate's first call compiles them (~25 ms of CPU) and its second
// compiles them again to machine code (V8 tiers a pattern up on its second run: ~125 ms, the time
// unit patterns most of it). dates.ts and schedule.ts each call it, so a fresh isolate's first
// message paid ~150 ms; most messages ("what is the exchange rate for euros?") name no date, and
// with this check they never call it.
//
// Every parser of chrono's casual English configuration (2.10) needs one of: an ASCII digit (ISO,
// slash and year formats, times of day, "5 days"); a month or weekday name or abbreviation (or weekend, weekday); a
// casual word (now, today, tonight, tomorrow, tmr, yesterday, night, morning, noon…); a time unit
// after a number word or "a", "the", "few", "several", "couple", "half" ("two days", "a few d");
// or a unit after this / last / past / next / after ("last month", "lasts" as "last s"). The
// pattern below is a superset of those (case-insensitive, as chrono's); chrono-gate.test.ts holds
// each parser's phrases to it.

const MONTHS = String.raw`jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december`;
const WEEKDAYS = String.raw`sun|mon|tue|wed|thu|thur|thurs|fri|sat|sunday|monday|tuesday|wednesday|thursday|friday|saturday|weekend|weekday`;
const CASUAL = String.raw`now|today|tonight|tomorrow|overmorrow|tmr|tmrw|yesterday|night|morning|afternoon|evening|midnight|midday|noon`;
// Units of two letters or more, with no boundary before them: "twodays" is "two days" to chrono.
const UNITS = String.raw`(?:sec|second|min|minute|hr|hour|day|week|mo|mon|month|qtr|quarter|yr|year)s?`;
const NUMBER_WORDS = String.raw`one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half|an?|few|several|the|couple|of`;

const MAY_HOLD_DATE = new RegExp(
  String.raw`\d|\b(?:${MONTHS}|${WEEKDAYS}|${CASUAL})\b|${UNITS}\b|(?:${NUMBER_WORDS}|this|last|past|next|after)\s*[smhdwy]\b`,
  "i",
);

/** False only when chrono.parse(text) can find nothing in it. */
export function mayHoldDate(text: string): boolean {
  return MAY_HOLD_DATE.test(text);
}

// An amount after a currency sign ("move $1 from savings to checking") gives chrono nothing to read
// when a word that is no time follows it, or nothing does: "$5 am", "$5 a day", "$5 h", "$5:30"
// and "$5/6" are read as times or dates, so only the words below may follow (entities/dates.ts
// called chrono on every such transfer, ~5% of a money turn's CPU in the chat isolate).
const CURRENCY_AMOUNT =
  /[$€£¥]\s?\d+(?:,\d{3})*(?:\.\d{1,2})?(?=\s*[.!?]*\s*$|\s+(?:from|to|into|onto|for|and|of|out|back|over|please|pls|plz|each|instead|too|also|then)\b)/gi;

/** mayHoldDate, with amounts after a currency sign that chrono cannot read as a time or date left out. */
export function mayHoldDateBesideAmounts(text: string): boolean {
  return mayHoldDate(/[$€£¥]/.test(text) ? text.replace(CURRENCY_AMOUNT, " ") : text);
}

/**
 * A schedule in words and dates, for confirmations, receipts and lists: "tomorrow, Wed 2 Dec 2026",
 * "every Friday, starting Fri 4 Dec 2026, 6 times (last on Fri 8 Jan 2027)". Dates are the customer's
 * calendar dates, exactly the ones the runner will use.
 */
import { addDays, dayNumber, lastOccurrence, occurrenceCount, weekday, type ScheduleSpec } from "../money/schedule.js";
import type { Timing } from "./types.js";

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "Wed 2 Dec 2026". */
export function dateText(date: string): string {
  const d = new Date(dayNumber(date));
  return `${DAYS[d.getUTCDay()]!.slice(0, 3)} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "1st", "12th", "23rd". */
export function ordinal(n: number): string {
  const suffix = n % 10 === 1 && n !== 11 ? "st" : n % 10 === 2 && n !== 12 ? "nd" : n % 10 === 3 && n !== 13 ? "rd" : "th";
  return `${n}${suffix}`;
}

/** "every Friday", "every 2 weeks on Friday", "every month on the 1st", "every day". */
export function repeatText(spec: ScheduleSpec): string {
  const repeat = spec.repeat!;
  const n = repeat.interval;
  switch (repeat.unit) {
    case "day":
      return n === 1 ? "every day" : `every ${n} days`;
    case "week": {
      const day = DAYS[weekday(spec.start)]!;
      return n === 1 ? `every ${day}` : `every ${n} weeks on ${day}`;
    }
    case "month": {
      const dom = ordinal(Number(spec.start.slice(8, 10)));
      if (n === 12) return `every year on ${Number(spec.start.slice(8, 10))} ${MONTHS[Number(spec.start.slice(5, 7)) - 1]}`;
      return n === 1 ? `every month on the ${dom}` : `every ${n} months on the ${dom}`;
    }
  }
}

/** When the money goes, as said in a confirmation after "Send $X from A to B ". */
export function scheduleText(spec: ScheduleSpec, today: string): string {
  if (!spec.repeat) return spec.start === addDays(today, 1) ? `tomorrow, ${dateText(spec.start)}` : `on ${dateText(spec.start)}`;
  // flows24: "every week" starts on tomorrow's weekday; "every Saturday from Sat 5 Dec" read as the
  // source account's words ("from Checking … from Sat"), so the first date is said as the start.
  const first = spec.start === addDays(today, 1) ? `tomorrow, ${dateText(spec.start)}` : dateText(spec.start);
  const head = `${repeatText(spec)}, starting ${first}`;
  const count = occurrenceCount(spec);
  const last = lastOccurrence(spec);
  if (count === null || last === null) return `${head}, until you cancel it`;
  if (spec.count !== undefined) return `${head}, ${count === 1 ? "once" : `${count} times`} (last on ${dateText(last)})`;
  return `${head}, until ${dateText(spec.until!)} (${count === 1 ? "once" : `${count} times`})`;
}

/** Why a timing cannot be honoured, quoting the customer's words. */
export function timingProblemText(problems: Timing["problems"]): string {
  const first = problems[0];
  if (!first) return "";
  const words = `“${first.text.replace(/["“”]/g, "").slice(0, 40)}”`;
  switch (first.reason) {
    case "time_of_day":
      return `I can schedule a transfer for a date, but not for a time of day (${words}).`;
    case "past_date":
      return `${words} is in the past, so I can't schedule a transfer for it.`;
    case "too_far":
      return "I can only schedule a transfer up to a year ahead.";
    case "unsupported_repeat":
      return `I can't set up a repeat like ${words}. I can repeat a transfer every day, week or month (for example “every Friday” or “monthly on the 1st”).`;
    case "bad_end":
      return `I couldn't use ${words} as the end of this schedule.`;
    case "unclear_date":
      return `I'm not sure which date you mean by ${words}.`;
  }
}

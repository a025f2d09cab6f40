/**
 * When a scheduled or recurring transfer runs: calendar dates only (YYYY-MM-DD, the customer's
 * calendar, as everywhere else in Teller), no times of day. Shared by the NLU (what the customer
 * said), the dialogue (the confirmation's words) and the runner (which occurrence is due), so the
 * date a customer confirms is the date the runner uses.
 */

export type RepeatUnit = "day" | "week" | "month";

export interface Repeat {
  unit: RepeatUnit;
  /** Every `interval` units: 1 = every week, 2 = every other week. */
  interval: number;
}

export interface ScheduleSpec {
  /** The first (or only) occurrence. Monthly repeats keep its day of the month, weekly its weekday. */
  start: string;
  repeat?: Repeat;
  /** Last date an occurrence may fall on, inclusive. */
  until?: string;
  /** Occurrences in all, counting the first. */
  count?: number;
}

/** Bounds that keep a schedule reasonable (and its state small). */
export const MAX_SCHEDULE_COUNT = 520;
export const MAX_REPEAT_INTERVAL = 12;
/** A first date further ahead than this is refused: nobody confirms a transfer two years out by chat. */
export const MAX_START_DAYS_AHEAD = 366;

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** YYYY-MM-DD → UTC midnight epoch ms; throws on a malformed date (callers validated it). */
export function dayNumber(date: string): number {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const value = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (formatDate(value) !== date) throw new RangeError(`not a calendar date: ${date}`);
  return value;
}

export function isCalendarDate(date: unknown): date is string {
  if (typeof date !== "string" || !DATE.test(date)) return false;
  try {
    dayNumber(date);
    return true;
  } catch {
    return false;
  }
}

export function formatDate(day: number): string {
  return new Date(day).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return formatDate(dayNumber(date) + days * DAY_MS);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((dayNumber(to) - dayNumber(from)) / DAY_MS);
}

/** Same day of the month `months` later, clamped to the month's last day (31 Jan → 28 Feb). */
export function addMonths(date: string, months: number, anchorDay = Number(date.slice(8, 10))): string {
  const d = new Date(dayNumber(date));
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return formatDate(Date.UTC(year, month, Math.min(anchorDay, last)));
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(dayNumber(date)).getUTCDay();
}

/** The date of occurrence `n` (0 = the first), ignoring the end. */
export function occurrenceDate(spec: ScheduleSpec, n: number): string {
  if (!spec.repeat || n === 0) return spec.start;
  const steps = n * spec.repeat.interval;
  switch (spec.repeat.unit) {
    case "day":
      return addDays(spec.start, steps);
    case "week":
      return addDays(spec.start, 7 * steps);
    case "month":
      return addMonths(spec.start, steps, Number(spec.start.slice(8, 10)));
  }
}

/** Occurrence `n`'s date, or null when the schedule has ended before it. */
export function occurrenceAt(spec: ScheduleSpec, n: number): string | null {
  if (n > 0 && !spec.repeat) return null;
  if (spec.count !== undefined && n >= spec.count) return null;
  const date = occurrenceDate(spec, n);
  if (spec.until !== undefined && date > spec.until) return null;
  return date;
}

/** The last occurrence's date, when the schedule ends (a count or an end date); null if it runs until cancelled. */
export function lastOccurrence(spec: ScheduleSpec): string | null {
  if (!spec.repeat) return spec.start;
  if (spec.count !== undefined) return occurrenceAt(spec, spec.count - 1);
  if (spec.until === undefined) return null;
  let n = 0;
  while (occurrenceAt(spec, n + 1) !== null && n < MAX_SCHEDULE_COUNT) n++;
  return occurrenceDate(spec, n);
}

/** How many occurrences in all, or null if it runs until cancelled. */
export function occurrenceCount(spec: ScheduleSpec): number | null {
  if (!spec.repeat) return 1;
  if (spec.count !== undefined) return spec.count;
  if (spec.until === undefined) return null;
  let n = 0;
  while (occurrenceAt(spec, n) !== null && n < MAX_SCHEDULE_COUNT) n++;
  return n;
}

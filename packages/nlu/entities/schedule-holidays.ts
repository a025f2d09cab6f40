// Holidays named as the day a money action should happen (entities/schedule.ts reads the rest of
// the timing): "on christmas", "christmas day", "on new year's eve" is that date; one that moves
// from year to year ("on thanksgiving") or a deadline ("before christmas") cannot be pinned and is
// said back as unclear; "until christmas" ends a repeat. "for christmas" (what the money is for) is
// no timing at all, so the pattern never matches it.

// Holidays on a fixed date (month-day), and those that move from year to year (null).
const HOLIDAYS: Array<[RegExp, string | null]> = [
  [/christmas\s+eve|xmas\s+eve/i, "12-24"],
  [/christmas|xmas/i, "12-25"],
  [/new\s+year'?s?\s+eve/i, "12-31"],
  [/new\s+year/i, "01-01"],
  [/boxing/i, "12-26"],
  [/valentine/i, "02-14"],
  [/halloween/i, "10-31"],
  [/.*/, null],
];
const HOLIDAY = String.raw`christmas|xmas|new\s+year'?s?|boxing|valentine'?s|halloween|thanksgiving|easter|good\s+friday|memorial\s+day|labou?r\s+day|black\s+friday`;

/** The source of a holiday said as a day: "on christmas", "before christmas", "christmas eve" (not "for christmas"). */
export const HOLIDAY_AS_DAY = String.raw`(?:\b(?:on|by|before|until|till)\s+(?:the\s+)?(?:${HOLIDAY})\b(?:\s+(?:day|eve)\b)?|\b(?:${HOLIDAY})\s+(?:day|eve)\b)`;

/** The next date on or after `today` falling on `monthDay` ("12-25"). */
function nextFixedDate(today: string, monthDay: string): string {
  const thisYear = `${today.slice(0, 4)}-${monthDay}`;
  return thisYear >= today ? thisYear : `${Number(today.slice(0, 4)) + 1}-${monthDay}`;
}

export type HolidayReading = { day: string } | { until: string } | { unclear: true };

/**
 * What `words` (a match of HOLIDAY_AS_DAY) mean on `today` (YYYY-MM-DD): the day it names, the end
 * of a repeat ("until christmas"), or unclear (a holiday that moves, or "by"/"before" one).
 */
export function readHoliday(words: string, today: string): HolidayReading {
  const fixed = HOLIDAYS.find(([name]) => name.test(words))![1];
  if (fixed !== null && /^(?:until|till)\b/i.test(words)) return { until: nextFixedDate(today, fixed) };
  if (fixed === null || /^(?:by|before)\b/i.test(words)) return { unclear: true };
  return { day: nextFixedDate(today, fixed) };
}

import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  addDays,
  addMonths,
  dayNumber,
  daysBetween,
  formatDate,
  isCalendarDate,
  lastOccurrence,
  MAX_SCHEDULE_COUNT,
  occurrenceAt,
  occurrenceCount,
  occurrenceDate,
  weekday,
} from "./schedule.js";

describe("calendar dates", () => {
  it("accept only real YYYY-MM-DD dates", () => {
    expect(isCalendarDate("2026-02-28")).toBe(true);
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(isCalendarDate("2026-02-29")).toBe(false);
    expect(isCalendarDate("2026-13-01")).toBe(false);
    expect(isCalendarDate("2026-1-01")).toBe(false);
    expect(isCalendarDate(20260101)).toBe(false);
    expect(() => dayNumber("2026-02-30")).toThrow(RangeError);
    expect(() => dayNumber("tomorrow")).toThrow(RangeError);
  });

  it("round-trip through day numbers, and count days across months and years", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 80_000 }), fc.integer({ min: -400, max: 400 }), (offset, days) => {
        const date = formatDate(Date.UTC(1990, 0, 1) + offset * 86_400_000);
        expect(dayNumber(date)).toBe(Date.UTC(1990, 0, 1) + offset * 86_400_000);
        expect(daysBetween(date, addDays(date, days))).toBe(days);
      }),
    );
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(weekday("2026-12-01")).toBe(2); // a Tuesday
  });

  it("add months on the same day, clamped to the month's last day", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2026-11-15", 3)).toBe("2027-02-15");
    // The anchor keeps the 31st after a short month.
    expect(addMonths("2026-02-28", 1, 31)).toBe("2026-03-31");
  });
});

describe("occurrences", () => {
  it("fall on the start's weekday or day of the month", () => {
    const weekly = { start: "2026-12-01", repeat: { unit: "week" as const, interval: 2 } };
    expect([0, 1, 2].map((n) => occurrenceDate(weekly, n))).toEqual(["2026-12-01", "2026-12-15", "2026-12-29"]);
    const monthly = { start: "2027-01-31", repeat: { unit: "month" as const, interval: 1 } };
    expect([0, 1, 2].map((n) => occurrenceDate(monthly, n))).toEqual(["2027-01-31", "2027-02-28", "2027-03-31"]);
    const daily = { start: "2026-12-30", repeat: { unit: "day" as const, interval: 3 } };
    expect(occurrenceDate(daily, 1)).toBe("2027-01-02");
  });

  it("end after a count or on an end date, and a one-off has exactly one", () => {
    const once = { start: "2026-12-24" };
    expect([occurrenceAt(once, 0), occurrenceAt(once, 1)]).toEqual(["2026-12-24", null]);
    expect([lastOccurrence(once), occurrenceCount(once)]).toEqual(["2026-12-24", 1]);

    const counted = { start: "2026-12-01", repeat: { unit: "month" as const, interval: 1 }, count: 3 };
    expect(occurrenceAt(counted, 3)).toBeNull();
    expect([lastOccurrence(counted), occurrenceCount(counted)]).toEqual(["2027-02-01", 3]);

    const until = { start: "2026-12-01", repeat: { unit: "week" as const, interval: 1 }, until: "2026-12-22" };
    expect(occurrenceAt(until, 3)).toBe("2026-12-22");
    expect(occurrenceAt(until, 4)).toBeNull();
    expect([lastOccurrence(until), occurrenceCount(until)]).toEqual(["2026-12-22", 4]);
  });

  it("run until cancelled without an end, and stop counting at the cap", () => {
    const open = { start: "2026-12-01", repeat: { unit: "day" as const, interval: 1 } };
    expect([lastOccurrence(open), occurrenceCount(open)]).toEqual([null, null]);
    const far = { ...open, until: "2099-12-31" };
    expect(occurrenceCount(far)).toBe(MAX_SCHEDULE_COUNT);
    expect(lastOccurrence(far)).toBe(occurrenceDate(far, MAX_SCHEDULE_COUNT));
  });
});

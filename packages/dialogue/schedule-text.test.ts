/** A schedule in words and dates (schedule-text.ts), as confirmations, receipts and lists show it. */
import { describe, expect, it } from "vitest";
import { dateText, repeatText, scheduleText, timingProblemText } from "./schedule-text.js";

describe("schedule wording", () => {
  it.each([
    [{ start: "2026-11-25" }, "tomorrow, Wed 25 Nov 2026"],
    [{ start: "2026-12-12" }, "on Sat 12 Dec 2026"],
    [{ start: "2026-12-01", repeat: { unit: "month" as const, interval: 1 }, until: "2027-05-31" }, "every month on the 1st, starting Tue 1 Dec 2026, until Mon 31 May 2027 (6 times)"],
    [{ start: "2026-11-27", repeat: { unit: "week" as const, interval: 2 } }, "every 2 weeks on Friday, starting Fri 27 Nov 2026, until you cancel it"],
  ])("%j → %s", (spec, text) => {
    expect(scheduleText(spec, "2026-11-24")).toBe(text);
  });
});

describe("schedule parts in words", () => {
  it("writes a calendar date with its weekday", () => {
    expect(dateText("2026-12-02")).toBe("Wed 2 Dec 2026");
    expect(dateText("2027-01-08")).toBe("Fri 8 Jan 2027");
  });

  it("names the repeat: days, weeks on a weekday, months on a day, years", () => {
    expect(repeatText({ start: "2026-11-25", repeat: { unit: "day", interval: 1 } })).toBe("every day");
    expect(repeatText({ start: "2026-11-25", repeat: { unit: "day", interval: 3 } })).toBe("every 3 days");
    expect(repeatText({ start: "2026-11-27", repeat: { unit: "week", interval: 1 } })).toBe("every Friday");
    expect(repeatText({ start: "2026-12-22", repeat: { unit: "month", interval: 2 } })).toBe("every 2 months on the 22nd");
    expect(repeatText({ start: "2026-12-11", repeat: { unit: "month", interval: 1 } })).toBe("every month on the 11th");
    expect(repeatText({ start: "2026-12-03", repeat: { unit: "month", interval: 12 } })).toBe("every year on 3 Dec");
  });

  it("counts the occurrences of a repeat with an end, once or many times", () => {
    const weekly = { start: "2026-11-27", repeat: { unit: "week" as const, interval: 1 } };
    expect(scheduleText({ ...weekly, count: 6 }, "2026-11-24")).toBe("every Friday, starting Fri 27 Nov 2026, 6 times (last on Fri 1 Jan 2027)");
    expect(scheduleText({ ...weekly, count: 1 }, "2026-11-24")).toBe("every Friday, starting Fri 27 Nov 2026, once (last on Fri 27 Nov 2026)");
  });

  // flows24: "every week" starts on tomorrow's weekday; it read "every Saturday from Sat 5 Dec 2026".
  it("says a repeat that starts tomorrow starts tomorrow", () => {
    expect(scheduleText({ start: "2026-12-05", repeat: { unit: "week", interval: 1 } }, "2026-12-04")).toBe("every Saturday, starting tomorrow, Sat 5 Dec 2026, until you cancel it");
  });

  it("explains a timing it cannot honour, quoting the customer's words", () => {
    expect(timingProblemText([])).toBe("");
    expect(timingProblemText([{ reason: "time_of_day", text: "at 5pm" }])).toBe("I can schedule a transfer for a date, but not for a time of day (“at 5pm”).");
    expect(timingProblemText([{ reason: "past_date", text: 'last "monday"' }])).toBe("“last monday” is in the past, so I can't schedule a transfer for it.");
    expect(timingProblemText([{ reason: "too_far", text: "in 2 years" }])).toBe("I can only schedule a transfer up to a year ahead.");
  });
});

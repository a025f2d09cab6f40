/** A schedule in words and dates (schedule-text.ts), as confirmations, receipts and lists show it. */
import { describe, expect, it } from "vitest";
import { scheduleText } from "./schedule-text.js";

describe("schedule wording", () => {
  it.each([
    [{ start: "2026-11-25" }, "tomorrow, Wed 25 Nov 2026"],
    [{ start: "2026-12-12" }, "on Sat 12 Dec 2026"],
    [{ start: "2026-12-01", repeat: { unit: "month" as const, interval: 1 }, until: "2027-05-31" }, "every month on the 1st from Tue 1 Dec 2026, until Mon 31 May 2027 (6 times)"],
    [{ start: "2026-11-27", repeat: { unit: "week" as const, interval: 2 } }, "every 2 weeks on Friday from Fri 27 Nov 2026, until you cancel it"],
  ])("%j → %s", (spec, text) => {
    expect(scheduleText(spec, "2026-11-24")).toBe(text);
  });
});

/** Holidays said as a day (schedule-holidays.ts): the date, the end of a repeat, or unclear. */
import { describe, expect, it } from "vitest";
import { HOLIDAY_AS_DAY, readHoliday } from "./schedule-holidays";

const said = (text: string) => text.match(new RegExp(HOLIDAY_AS_DAY, "gi"));

describe("schedule holidays", () => {
  it("finds a holiday said as a day, never one the money is for", () => {
    expect(said("send 50 to savings on christmas")).toEqual(["on christmas"]);
    expect(said("pay mom 20 on new year's eve")).toEqual(["on new year's eve"]);
    expect(said("move 10 christmas day")).toEqual(["christmas day"]);
    expect(said("send 20 to Jordan before thanksgiving")).toEqual(["before thanksgiving"]);
    expect(said("send mom 50 for christmas")).toBeNull();
    expect(said("send 20 for the christmas party")).toBeNull();
  });

  it("reads a holiday on a fixed date as its next date, this year or next", () => {
    expect(readHoliday("on christmas", "2026-12-04")).toEqual({ day: "2026-12-25" });
    expect(readHoliday("on christmas eve", "2026-12-04")).toEqual({ day: "2026-12-24" });
    expect(readHoliday("on new year's eve", "2026-12-04")).toEqual({ day: "2026-12-31" });
    expect(readHoliday("on new year's", "2026-12-04")).toEqual({ day: "2027-01-01" });
    expect(readHoliday("on christmas", "2026-12-25")).toEqual({ day: "2026-12-25" });
    expect(readHoliday("on christmas", "2026-12-26")).toEqual({ day: "2027-12-25" });
    expect(readHoliday("halloween day", "2026-03-01")).toEqual({ day: "2026-10-31" });
  });

  it("ends a repeat on 'until' a fixed holiday", () => {
    expect(readHoliday("until christmas", "2026-12-04")).toEqual({ until: "2026-12-25" });
    expect(readHoliday("till valentine's", "2026-12-04")).toEqual({ until: "2027-02-14" });
  });

  it("calls a holiday that moves, or a deadline, unclear", () => {
    expect(readHoliday("on thanksgiving", "2026-11-01")).toEqual({ unclear: true });
    expect(readHoliday("until easter", "2026-11-01")).toEqual({ unclear: true });
    expect(readHoliday("before christmas", "2026-12-04")).toEqual({ unclear: true });
    expect(readHoliday("by new year's", "2026-12-04")).toEqual({ unclear: true });
  });
});

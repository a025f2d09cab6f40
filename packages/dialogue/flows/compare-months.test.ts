import { describe, expect, it } from "vitest";
import { compareMonths, sameDaysOf } from "./compare-months.js";
import type { SpendingView } from "../types.js";

const NOV = { from: "2026-11-01", to: "2026-11-30", label: "November 2026" };
const DEC = { from: "2026-12-01", to: "2026-12-05", label: "December 2026 so far" };
const view = (minor: number, from = "2026-12-01", to = "2026-12-05"): SpendingView => ({ from, to, total: { minor, currency: "USD" }, byCategory: [] });
const INTENT = { name: "spending", confidence: 0.9 };

describe("the same days of last month", () => {
  it("are the whole month's first days up to today's date, whichever order the months were said in", () => {
    expect(sameDaysOf([DEC, NOV], "2026-12-05")).toEqual({ current: 0, from: "2026-11-01", to: "2026-11-05", label: "1–5 Nov" });
    expect(sameDaysOf([NOV, DEC], "2026-12-05")).toEqual({ current: 1, from: "2026-11-01", to: "2026-11-05", label: "1–5 Nov" });
    expect(sameDaysOf([DEC, NOV], "2026-12-01")?.label).toBe("1 Nov");
  });

  it("stop at the shorter month's end: on 31 March, all of February", () => {
    const feb = { from: "2026-02-01", to: "2026-02-28", label: "February 2026" };
    const mar = { from: "2026-03-01", to: "2026-03-31", label: "March 2026 so far" };
    expect(sameDaysOf([mar, feb], "2026-03-31")).toMatchObject({ to: "2026-02-28", label: "1–28 Feb" });
  });

  it("are not asked for two past months", () => {
    expect(sameDaysOf([{ from: "2026-10-01", to: "2026-10-31", label: "October 2026" }, NOV], "2026-12-05")).toBeUndefined();
  });
});

describe("a month against another", () => {
  it("with this month so far: its pace against last month's same days, then last month's whole total", () => {
    const r = compareMonths(INTENT, { kind: "compare_months", labels: [DEC.label, NOV.label], sameDays: { current: 0, label: "1–5 Nov" } }, view(250_00), view(1000_00, NOV.from, NOV.to), view(100_00, NOV.from, "2026-11-05"));
    expect(r.text).toBe("You spent $250.00 in December 2026 so far, and $100.00 in the same days of November 2026 (1–5 Nov): $150.00 more this month so far. November 2026 in all: $1,000.00.");
  });

  it("less, or the same, is said so", () => {
    const insight = { kind: "compare_months" as const, labels: [NOV.label, DEC.label] as [string, string], category: "groceries", sameDays: { current: 1 as const, label: "1–5 Nov" } };
    expect(compareMonths(INTENT, insight, view(900_00), view(40_00), view(90_00)).text).toMatch(/^You spent \$40\.00 on groceries in December 2026 so far, and \$90\.00 in the same days of November 2026 \(1–5 Nov\): \$50\.00 less this month so far\./);
    expect(compareMonths(INTENT, insight, view(900_00), view(40_00), view(40_00)).text).toMatch(/: the same so far\./);
  });

  it("two whole months, or without the third figure: the two totals", () => {
    const r = compareMonths(INTENT, { kind: "compare_months", labels: ["October 2026", "November 2026"] }, view(300_00), view(500_00));
    expect(r.text).toBe("You spent $300.00 in October 2026 and $500.00 in November 2026: $200.00 more in November 2026 than in October 2026.");
  });
});

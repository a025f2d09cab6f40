import { describe, expect, it } from "vitest";
import { extractDateRange } from "./dates";

// 2026-04-15 is a Wednesday.
const TODAY = "2026-04-15";
const r = (from: string, to: string) => expect.objectContaining({ from, to });

describe("extractDateRange", () => {
  it.each([
    ["what did I buy yesterday", r("2026-04-14", "2026-04-14")],
    ["payments today", r("2026-04-15", "2026-04-15")],
    ["show payments from last week", r("2026-04-06", "2026-04-12")],
    // Session 30: the apostrophe left out was one day.
    ["can you show me last weeks transactions", r("2026-04-06", "2026-04-12")],
    ["this months spending", r("2026-04-01", "2026-04-15")],
    ["spending this week", r("2026-04-13", "2026-04-15")],
    ["spending in March", r("2026-03-01", "2026-03-31")],
    ["spending in march 2025", r("2025-03-01", "2025-03-31")],
    ["transactions in December", r("2025-12-01", "2025-12-31")],
    ["since the 3rd", r("2026-04-03", "2026-04-15")],
    ["since the 20th", r("2026-03-20", "2026-04-15")],
    ["the last 30 days", r("2026-03-17", "2026-04-15")],
    ["in the past 2 weeks", r("2026-04-02", "2026-04-15")],
    ["last month", r("2026-03-01", "2026-03-31")],
    ["this month", r("2026-04-01", "2026-04-15")],
    ["last year", r("2025-01-01", "2025-12-31")],
    ["what did I pay on friday", r("2026-04-10", "2026-04-10")],
    ["over the weekend", r("2026-04-11", "2026-04-12")],
    ["transactions on March 3rd", r("2026-03-03", "2026-03-03")],
    ["since March 10", r("2026-03-10", "2026-04-15")],
    ["between March 1 and March 5", r("2026-03-01", "2026-03-05")],
    // A month with a day is that day, not the whole month; a range with an end ends there.
    ["show transactions from March 3 to March 10", r("2026-03-03", "2026-03-10")],
    ["transactions from Mar 3 to Mar 10", r("2026-03-03", "2026-03-10")],
    ["spending from 3 March to 10 March", r("2026-03-03", "2026-03-10")],
    ["transactions from the 3rd to the 10th", r("2026-04-03", "2026-04-10")],
    ["transactions from the 20th to the 25th", r("2026-03-20", "2026-03-25")],
    ["from March 3rd through the 10th", r("2026-03-03", "2026-03-10")],
    ["what did I buy between the 3rd and the 10th?", r("2026-04-03", "2026-04-10")],
    ["transactions for march 3", r("2026-03-03", "2026-03-03")],
    ["transactions from march", r("2026-03-01", "2026-03-31")],
    ["transactions from 3 March", r("2026-03-03", "2026-04-15")],
    // Days before the month: chrono read only the last day ("between 3 and 10 november" → Nov 10).
    ["spending between 3 and 10 march", r("2026-03-03", "2026-03-10")],
    ["between the 3rd and 10th of March", r("2026-03-03", "2026-03-10")],
    ["between 3rd and 10th mar 2025", r("2025-03-03", "2025-03-10")],
    ["between March 3 and 10", r("2026-03-03", "2026-03-10")],
    ["between 1 and 30 april", r("2026-04-01", "2026-04-15")],
    ["between 20 and 25 april", r("2025-04-20", "2025-04-25")],
  ])("%s", (text, expected) => {
    expect(extractDateRange(text, TODAY)).toEqual(expected);
  });

  it("never returns a range ending after today", () => {
    for (const text of ["this year", "this month", "in april", "since monday"]) {
      const range = extractDateRange(text, TODAY);
      expect(range, text).not.toBeNull();
      expect(range!.to <= TODAY, text).toBe(true);
      expect(range!.from <= range!.to, text).toBe(true);
    }
  });

  it("reads a span of days with no month as the most recent one that has ended", () => {
    // Asked on Dec 2 it meant Dec 1–2; the customer named a whole span, so it is November's.
    expect(extractDateRange("transactions between the 1st and the 15th", "2026-12-02")).toEqual(r("2026-11-01", "2026-11-15"));
    expect(extractDateRange("transactions between the 1st and the 15th", "2026-12-15")).toEqual(r("2026-12-01", "2026-12-15"));
    expect(extractDateRange("from the 1st to the 31st", "2026-03-10")).toEqual(r("2026-02-01", "2026-02-28"));
    // One end only runs to today.
    expect(extractDateRange("since the 1st", "2026-12-02")).toEqual(r("2026-12-01", "2026-12-02"));
  });

  it("reads 'between 1 and 15' (no ordinals, no month) as a span of days, never an amount of money", () => {
    expect(extractDateRange("transactions between 1 and 15", "2026-12-02")).toEqual({ from: "2026-11-01", to: "2026-11-15", text: "between 1 and 15" });
    expect(extractDateRange("what did I spend between 1 and 15?", TODAY)).toEqual(r("2026-04-01", "2026-04-15"));
    expect(extractDateRange("transactions between 5 and 20 dollars", TODAY)).toBeNull();
    expect(extractDateRange("payments between 5 and 20.50", TODAY)).toBeNull();
    expect(extractDateRange("between 10 and 50", TODAY)).toBeNull();
  });

  it("keeps days named in a month inside that month", () => {
    // It read "from the 29th" alone: March 29 to today.
    expect(extractDateRange("from the 29th to the 31st of February", TODAY)).toEqual({
      from: "2026-02-28",
      to: "2026-02-28",
      text: "from the 29th to the 31st of February",
    });
    expect(extractDateRange("between the 29th and 31st of feb 2024", TODAY)).toEqual(r("2024-02-29", "2024-02-29"));
    // With no month, a day the last month lacks is its last day, not a day of this one.
    expect(extractDateRange("since the 30th", "2026-03-10")).toEqual(r("2026-02-28", "2026-03-10"));
    expect(extractDateRange("from the 29th to the 31st", "2026-03-10")).toEqual(r("2026-02-28", "2026-02-28"));
  });

  it("reports all the text it read for a range", () => {
    // It reported "November 3".
    expect(extractDateRange("between November 3 and 10", TODAY)).toEqual({ from: "2025-11-03", to: "2025-11-10", text: "between November 3 and 10" });
    expect(extractDateRange("since March 10", TODAY)?.text).toBe("since March 10");
  });

  it("handles month boundaries and leap years", () => {
    expect(extractDateRange("last month", "2024-03-10")).toEqual(r("2024-02-01", "2024-02-29"));
    expect(extractDateRange("yesterday", "2026-01-01")).toEqual(r("2025-12-31", "2025-12-31"));
    expect(extractDateRange("last week", "2026-01-01")).toEqual(r("2025-12-22", "2025-12-28"));
  });

  it("returns null without a date", () => {
    expect(extractDateRange("send 20 to alex", TODAY)).toBeNull();
    expect(extractDateRange("what's my balance", TODAY)).toBeNull();
  });

  it("does not read 'now' as a day (it says when, not which transactions)", () => {
    expect(extractDateRange("Thanks. Now I want to make a transfer.", TODAY)).toBeNull();
    expect(extractDateRange("show my transactions right now", TODAY)).toBeNull();
    expect(extractDateRange("what did I spend yesterday? I need it now", TODAY)?.from).toBeDefined();
  });

  it("accepts a Date and uses its UTC calendar day", () => {
    expect(extractDateRange("yesterday", new Date("2026-04-15T23:30:00Z"))).toEqual(r("2026-04-14", "2026-04-14"));
  });
});

describe("extractDateRange on a weekend", () => {
  // 2026-12-05 is a Saturday.
  it("reads 'last weekend' as the one before, 'this weekend' as this one", () => {
    expect(extractDateRange("what did i spend last weekend", "2026-12-05")).toEqual(r("2026-11-28", "2026-11-29"));
    expect(extractDateRange("what did i spend last weekend", "2026-12-06")).toEqual(r("2026-11-28", "2026-11-29"));
    expect(extractDateRange("spending this weekend", "2026-12-05")).toEqual(r("2026-12-05", "2026-12-05"));
    expect(extractDateRange("what did i spend last weekend", "2026-12-07")).toEqual(r("2026-12-05", "2026-12-06"));
  });

  it("reads 'the previous weekend' / 'the past weekend' as 'last weekend' (session 31: on a Saturday it was today alone)", () => {
    expect(extractDateRange("and the previous weekend", "2026-12-05")).toEqual(r("2026-11-28", "2026-11-29"));
    expect(extractDateRange("spending over the past weekend", "2026-12-07")).toEqual(r("2026-12-05", "2026-12-06"));
  });

  it("reads 'the weekend' said on its Saturday as the one just gone (session 29: today alone), and on its Sunday as this one", () => {
    expect(extractDateRange("what did i spend at the weekend", "2026-12-05")).toEqual(r("2026-11-28", "2026-11-29"));
    expect(extractDateRange("what did i buy over the weekend", "2026-12-05")).toEqual(r("2026-11-28", "2026-11-29"));
    expect(extractDateRange("what did i spend at the weekend", "2026-12-06")).toEqual(r("2026-12-05", "2026-12-06"));
    expect(extractDateRange("what did i spend at the weekend", "2026-12-09")).toEqual(r("2026-12-05", "2026-12-06"));
  });
});

// crowd29: weeks and months "ago" are calendar weeks and months; "since" a period runs to today.
describe("extractDateRange, crowd29", () => {
  it.each([
    ["what did i charge to my card two weeks ago", r("2026-03-30", "2026-04-05")],
    ["purchases a week ago", r("2026-04-06", "2026-04-12")],
    ["spending a couple of weeks ago", r("2026-03-30", "2026-04-05")],
    ["what did i spend two months ago", r("2026-02-01", "2026-02-28")],
    ["transactions 1 year ago", r("2025-01-01", "2025-12-31")],
    ["how many transactions have i made since last month", r("2026-03-01", "2026-04-15")],
    ["spending since last week", r("2026-04-06", "2026-04-15")],
    ["transactions since yesterday", r("2026-04-14", "2026-04-15")],
    ["purchases since last wednesday", r("2026-04-08", "2026-04-15")],
    // "from" keeps the period named.
    ["purchases from last wednesday", r("2026-04-08", "2026-04-08")],
    ["show payments from last week", r("2026-04-06", "2026-04-12")],
    // Session 30: the apostrophe left out was one day.
    ["can you show me last weeks transactions", r("2026-04-06", "2026-04-12")],
    ["this months spending", r("2026-04-01", "2026-04-15")],
  ])("%s", (text, expected) => {
    expect(extractDateRange(text, TODAY)).toEqual(expected);
  });

  it("leaves days ago to one day", () => {
    expect(extractDateRange("what did i buy three days ago", TODAY)).toEqual(r("2026-04-12", "2026-04-12"));
  });
});

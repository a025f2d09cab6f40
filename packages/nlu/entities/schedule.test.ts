import { describe, expect, it } from "vitest";
import { extractSchedule, measureSpans } from "./schedule";

const TODAY = "2026-12-01"; // a Tuesday

const read = (text: string) => extractSchedule(text, TODAY);

describe("extractSchedule: one date", () => {
  it("reads 'next <weekday>' as that day of next week and 'this <weekday>' as the coming one, whatever today is", () => {
    // Thursday 3 Dec 2026: "next Friday" is the 11th, not tomorrow.
    expect(extractSchedule("send 20 to Jordan next friday", "2026-12-03")?.schedule).toEqual({ start: "2026-12-11" });
    expect(extractSchedule("send 20 to Jordan this friday", "2026-12-03")?.schedule).toEqual({ start: "2026-12-04" });
    expect(extractSchedule("send 20 to Jordan next thursday", "2026-12-03")?.schedule).toEqual({ start: "2026-12-10" });
    // Sunday 6 Dec: next week starts tomorrow.
    expect(extractSchedule("send 20 to Jordan next friday", "2026-12-06")?.schedule).toEqual({ start: "2026-12-11" });
  });

  it("never reads 'next Monday' said on a Sunday as tomorrow: it is the Monday after (8 days later)", () => {
    // Sunday 6 Dec 2026. "this Monday" / "on Monday" / "tomorrow" are the 7th; "next Monday" is the 14th.
    expect(extractSchedule("send 20 to Jordan next monday", "2026-12-06")?.schedule).toEqual({ start: "2026-12-14" });
    expect(extractSchedule("send 20 to Jordan this monday", "2026-12-06")?.schedule).toEqual({ start: "2026-12-07" });
    expect(extractSchedule("send 20 to Jordan on monday", "2026-12-06")?.schedule).toEqual({ start: "2026-12-07" });
    // The other days of next week keep their Monday-to-Sunday reading, as "next friday" above.
    expect(extractSchedule("send 20 to Jordan next tuesday", "2026-12-06")?.schedule).toEqual({ start: "2026-12-08" });
    // Said on a Monday, "next Monday" is a week later, as before.
    expect(extractSchedule("send 20 to Jordan next monday", "2026-12-07")?.schedule).toEqual({ start: "2026-12-14" });
  });

  it("reads a bare weekday, or one a date is moved to, as the coming one; a deadline stays unclear", () => {
    expect(extractSchedule("change it to friday", "2026-12-03")).toMatchObject({ problems: [], schedule: { start: "2026-12-04" } });
    expect(extractSchedule("make it friday instead", "2026-12-03")?.schedule).toEqual({ start: "2026-12-04" });
    expect(extractSchedule("send 20 to Jordan by friday", "2026-12-03")?.problems[0]?.reason).toBe("unclear_date");
    expect(extractSchedule("send 5 every day until next friday", "2026-12-03")?.schedule?.start).toBe("2026-12-04");
  });

  it.each([
    ["transfer 100 from savings to checking tomorrow", "2026-12-02"],
    ["send 20 to Jordan on the 1st", "2027-01-01"],
    ["send 20 to Jordan on the 15th", "2026-12-15"],
    // "next Friday" on a Tuesday is the Friday of next week; "this Friday" the coming one.
    ["pay Jordan 40 next Friday", "2026-12-11"],
    ["pay Jordan 40 this Friday", "2026-12-04"],
    ["pay Jordan 40 this coming Friday", "2026-12-04"],
    ["pay Jordan 40 next Monday", "2026-12-07"],
    ["pay Jordan 40 friday", "2026-12-04"],
    ["change it to friday", "2026-12-04"],
    ["pay Jordan 40 on friday", "2026-12-04"],
    ["send 30 on 12 March", "2027-03-12"],
    ["send 30 on March 12th", "2027-03-12"],
    ["send 30 in 3 days", "2026-12-04"],
    ["send 30 the day after tomorrow", "2026-12-03"],
  ])("%s → %s", (text, date) => {
    const out = read(text)!;
    expect(out.problems).toEqual([]);
    expect(out.schedule).toEqual({ start: date });
  });

  it("reads 'now' and 'today' as at once", () => {
    expect(read("send 30 to savings now")).toMatchObject({ now: true, problems: [] });
    expect(read("send 30 to savings today")?.schedule).toBeUndefined();
  });

  it("returns null when nothing is said about time", () => {
    expect(read("send $30 to Jordan from checking")).toBeNull();
    expect(read("move everything from savings to checking")).toBeNull();
    expect(read("pay Jordan 12.50")).toBeNull();
  });
});

describe("extractSchedule: repeats", () => {
  it("every Friday, 6 times", () => {
    expect(read("pay Jordan 12.50 every friday from checking, 6 times")).toMatchObject({
      problems: [],
      schedule: { start: "2026-12-04", repeat: { unit: "week", interval: 1 }, count: 6 },
    });
  });

  it("weekly, every 2 weeks, fortnightly, every other Monday", () => {
    expect(read("send 10 weekly")?.schedule).toEqual({ start: "2026-12-02", repeat: { unit: "week", interval: 1 } });
    expect(read("send 10 every 2 weeks")?.schedule?.repeat).toEqual({ unit: "week", interval: 2 });
    expect(read("send 10 fortnightly")?.schedule?.repeat).toEqual({ unit: "week", interval: 2 });
    expect(read("send 10 every other monday")?.schedule).toEqual({ start: "2026-12-07", repeat: { unit: "week", interval: 2 } });
  });

  it("monthly on the 1st, for 6 months", () => {
    expect(read("send 200 to savings monthly on the 1st for 6 months")).toMatchObject({
      problems: [],
      schedule: { start: "2027-01-01", repeat: { unit: "month", interval: 1 }, until: "2027-06-30" },
    });
    expect(read("send 200 on the 15th of every month")?.schedule).toEqual({ start: "2026-12-15", repeat: { unit: "month", interval: 1 } });
  });

  it("until a date", () => {
    expect(read("send 10 every friday until 12 March")?.schedule).toEqual({
      start: "2026-12-04",
      repeat: { unit: "week", interval: 1 },
      until: "2027-03-12",
    });
  });

  it("keeps the amount's digits out of the timing and the timing's digits marked", () => {
    const out = read("send 50 every 2 weeks 6 times")!;
    const marked = out.spans.map(([s, e]) => "send 50 every 2 weeks 6 times".slice(s, e));
    expect(marked).toEqual(expect.arrayContaining(["every 2 weeks", "6 times"]));
    expect(marked.join(" ")).not.toContain("50");
  });
});

describe("extractSchedule: what cannot be honoured is reported, never dropped", () => {
  it.each([
    ["pay Jordan 5 at 3pm", "time_of_day", "at 3pm"],
    ["pay Jordan 5 tomorrow morning", "time_of_day", "tomorrow morning"],
    ["send 20 every other leap year", "unsupported_repeat", "every other leap year"],
    ["send 20 every hour", "unsupported_repeat", "every hour"],
    ["send 20 yesterday", "past_date", "yesterday"],
    ["send 20 on 12 March 2025", "past_date", "12 March 2025"],
    ["send 20 tomorrow 6 times", "bad_end", "6 times"],
    ["send 20 to Jordan at 5", "time_of_day", "at 5"],
    ["send 20 to Jordan by Friday", "unclear_date", "Friday"],
    ["send 20 to Jordan in March", "unclear_date", "March"],
  ])("%s → %s", (text, reason, words) => {
    const out = read(text)!;
    expect(out.problems).toContainEqual({ reason, text: expect.stringContaining(words.split(" ").at(-1)!) });
    expect(out.problems.find((p) => p.reason === reason)!.text.toLowerCase()).toContain(words.toLowerCase().replace(/^on /, ""));
  });

  it("keeps the date of 'tomorrow morning' while refusing the time", () => {
    expect(read("pay Jordan 5 tomorrow morning")?.schedule).toEqual({ start: "2026-12-02" });
  });

  it("refuses a first date more than a year ahead", () => {
    expect(read("send 20 on 1 March 2029")?.problems).toContainEqual({ reason: "too_far", text: "2029-03-01" });
  });

  it("reads no date into 'a money transfer' (chrono read 'a money' as a month: \"which date do you mean by a money?\")", () => {
    for (const text of ["I need to make a money transfer", "No, that will be all. I need to make a money transfer though.", "I want a money transfer to Jordan"]) {
      expect(read(text), text).toBeNull();
    }
  });
});

// crowd31: "Is it possible to send money to my landlord from here? I owe him for December." asked
// "I'm not sure which date you mean by “December”": the month a payment is for is no date.
describe("extractSchedule: the month a payment is for", () => {
  it.each([
    "Is it possible to send money to my landlord from here? I owe him for December.",
    "send 40 to Jordan, it's my share of the rent for november",
    "pay my roommate for january's rent",
    "send Jordan 600 for the december rent",
  ])("%s has no timing", (text) => {
    expect(read(text)).toBeNull();
  });

  it("still asks about a month said as when", () => {
    expect(read("send 20 to Jordan in March")?.problems[0]?.reason).toBe("unclear_date");
    expect(read("schedule the rent for December")?.problems[0]?.reason).toBe("unclear_date");
  });
});

describe("extractSchedule: a length of time used as a measure", () => {
  it.each(["send a month of rent to Jordan", "send a week's groceries to Jordan", "send Jordan two weeks' worth of groceries", "move a month's worth of rent to savings"])(
    "%s has no timing",
    (text) => {
      // "a week's groceries" was a date a week ahead; "a month of rent" an unclear date.
      expect(read(text)).toBeNull();
      expect(measureSpans(text)).toHaveLength(1);
    },
  );

  it("is not a measure after in/for/every, where it is timing", () => {
    expect(measureSpans("send 30 in a week's time")).toEqual([]);
    expect(measureSpans("send 30 every month of the year")).toEqual([]);
    expect(read("send 30 in 2 weeks")!.schedule).toEqual({ start: "2026-12-15" });
  });
});

// explore19: "transfer 50 from checking to savings on christmas" read no timing at all, so the
// confirmation offered to send it now.
describe("extractSchedule: holidays", () => {
  it("reads a holiday on a fixed date as its next date", () => {
    expect(read("transfer 50 from checking to savings on christmas")).toMatchObject({ problems: [], schedule: { start: "2026-12-25" } });
    expect(read("send 20 to Jordan on christmas eve")?.schedule).toEqual({ start: "2026-12-24" });
    expect(read("send 20 to Jordan on Christmas Day")?.schedule).toEqual({ start: "2026-12-25" });
    expect(read("send 20 to Jordan on new year's eve")?.schedule).toEqual({ start: "2026-12-31" });
    expect(read("send 20 to Jordan on new years day")?.schedule).toEqual({ start: "2027-01-01" });
    expect(extractSchedule("send 20 to Jordan on christmas", "2026-12-26")?.schedule).toEqual({ start: "2027-12-25" });
  });

  it("says a holiday it cannot pin, or one as a deadline, rather than dropping it", () => {
    expect(read("send 20 to Jordan on thanksgiving")?.problems).toEqual([{ reason: "unclear_date", text: "on thanksgiving" }]);
    expect(read("send 20 to Jordan before christmas")?.problems).toEqual([{ reason: "unclear_date", text: "before christmas" }]);
  });

  it("ends a repeat on a holiday ('every friday until christmas')", () => {
    expect(read("send 20 to Jordan every friday until christmas")).toMatchObject({ problems: [], schedule: { start: "2026-12-04", until: "2026-12-25" } });
  });

  it("leaves a holiday named as what the money is for", () => {
    expect(read("send mom 50 for christmas")).toBeNull();
    expect(read("send 20 to Jordan for the christmas party")).toBeNull();
  });
});

// explore19: "in a fortnight", "later", "on payday" were read as no timing: the card offered to send it now.
describe("extractSchedule: a fortnight, and timing too vague to pin", () => {
  it("reads 'in a fortnight' as 14 days ahead", () => {
    expect(read("send 10 from checking to savings in a fortnight")?.schedule).toEqual({ start: "2026-12-15" });
    expect(read("send 10 to Jordan in two fortnights")?.schedule).toEqual({ start: "2026-12-29" });
  });

  it("reports 'later' and 'on payday' as unclear rather than dropping them", () => {
    expect(read("send 10 from checking to savings later")?.problems).toEqual([{ reason: "unclear_date", text: "later" }]);
    expect(read("send 10 to Jordan on payday")?.problems).toEqual([{ reason: "unclear_date", text: "on payday" }]);
    expect(read("send 10 to Jordan when i get paid")?.problems).toEqual([{ reason: "unclear_date", text: "when i get paid" }]);
    expect(read("send 10 to Jordan end of week")?.problems).toEqual([{ reason: "unclear_date", text: "end of week" }]);
    expect(read("send 10 to Jordan on my birthday")?.problems).toEqual([{ reason: "unclear_date", text: "on my birthday" }]);
    expect(read("send 10 to savings once my paycheck lands")?.problems).toEqual([{ reason: "unclear_date", text: "once my paycheck lands" }]);
    expect(read("send 10 to Jordan for my birthday")).toBeNull();
    expect(read("send 10 to savings next year")?.problems).toEqual([{ reason: "unclear_date", text: "next year" }]);
    expect(read("send 10 to savings next business day")?.problems).toEqual([{ reason: "unclear_date", text: "next business day" }]);
    expect(read("send 10 to savings at some point")?.problems).toEqual([{ reason: "unclear_date", text: "at some point" }]);
  });
});

// explore19: "in 2 hours" was read as no timing and "in an hour" as now: the card offered to send it at once.
describe("extractSchedule: in a few hours or minutes", () => {
  it.each(["send 10 to savings in 2 hours", "send 10 to savings in an hour", "send 10 to savings in 30 minutes", "send 10 to savings in half an hour", "send 10 to savings in a couple of hours"])(
    "%s is a time of day, said back",
    (text) => {
      expect(read(text)?.problems.map((p) => p.reason)).toEqual(["time_of_day"]);
      expect(read(text)?.now).toBeUndefined();
    },
  );

  it("keeps 'every 2 hours' an unsupported repeat", () => {
    expect(read("send 10 to savings every 2 hours")?.problems.map((p) => p.reason)).toEqual(["unsupported_repeat"]);
  });
});

// explore23: "thursday week" was the coming Thursday; "eod" and "whenever" no timing, "by end of day" a time of day.
describe("extractSchedule: a week on a weekday, end of day, whenever", () => {
  it("reads 'thursday week' and 'a week on thursday' as the Thursday after the coming one", () => {
    expect(read("send 20 to savings thursday week")?.schedule).toEqual({ start: "2026-12-10" });
    expect(read("send 20 to savings a week on thursday")?.schedule).toEqual({ start: "2026-12-10" });
    expect(read("send 20 to savings on friday week")?.schedule).toEqual({ start: "2026-12-11" });
    expect(read("send 20 to savings this thursday")?.schedule).toEqual({ start: "2026-12-03" });
  });

  it.each([
    ["send 20 to savings eod", "eod"],
    ["send 20 to savings by end of day", "by end of day"],
    ["send 20 to savings by the end of the day", "by the end of the day"],
    ["send 20 to savings by close of business", "by close of business"],
    ["send 20 to savings whenever", "whenever"],
    ["send 20 to savings whenever is fine", "whenever is fine"],
  ])("reads %s as at once, keeping the words", (text, words) => {
    expect(read(text)).toMatchObject({ now: true, sameDay: words, problems: [] });
    expect(read(text)?.schedule).toBeUndefined();
  });

  it("keeps a day named beside them, and plain 'today' as before", () => {
    expect(read("send 20 to savings tomorrow by end of day")?.schedule).toEqual({ start: "2026-12-02" });
    expect(read("send 20 to savings today")).toEqual({ now: true, problems: [], spans: [[19, 24]] });
    expect(read("send 10 to Jordan end of week")?.problems).toEqual([{ reason: "unclear_date", text: "end of week" }]);
  });
});

describe("'recurring' beside a repeat that says how often (session 32)", () => {
  it("is no problem when the rule is read; alone it still asks how often", () => {
    expect(read("can i set up a recurring transfer to savings every friday")).toMatchObject({ problems: [], schedule: { start: "2026-12-04", repeat: { unit: "week", interval: 1 } } });
    expect(read("set up a recurring transfer to savings")).toMatchObject({ problems: [{ reason: "unsupported_repeat", text: "recurring" }] });
  });
});

import { describe, expect, it } from "vitest";
import { extractEntities } from "./index";

describe("extractEntities", () => {
  it("combines amount, accounts and payee for a transfer", () => {
    const e = extractEntities("send $25 to Alex from my checking", {
      today: "2026-04-15",
      payees: [{ id: "p1", name: "Alex Smith" }],
    });
    expect(e.amount).toMatchObject({ minor: 2500, currency: "USD" });
    expect(e.fromRef).toBe("checking");
    expect(e.payee).toMatchObject({ status: "matched", payee: { id: "p1" } });
    expect(e.dateRange).toBeUndefined();
  });

  it("combines category and dates for spending", () => {
    const e = extractEntities("how much did I spend on groceries last month", { today: "2026-04-15" });
    expect(e.category).toBe("groceries");
    expect(e.dateRange).toMatchObject({ from: "2026-03-01", to: "2026-03-31" });
    expect(e.amount).toBeUndefined();
    expect(e.payee).toEqual({ status: "none" });
  });
});

describe("extractEntities: timing", () => {
  it("reads a recurring payment and keeps the repeat's numbers out of the amount", () => {
    const e = extractEntities("pay Jordan every 2 weeks 6 times, 12.50 from checking", {
      today: "2026-12-01",
      payees: [{ id: "p1", name: "Jordan Lee" }],
    });
    expect(e.amount).toMatchObject({ minor: 1250 });
    expect(e.timing).toEqual({ problems: [], schedule: { start: "2026-12-02", repeat: { unit: "week", interval: 2 }, count: 6 } });
  });

  it("has no timing when none was said", () => {
    expect(extractEntities("send $25 to savings", { today: "2026-12-01" }).timing).toBeUndefined();
  });

  it.each([
    "send a month of rent to Jordan",
    "send Jordan a month's rent",
    "send a week's groceries to Jordan",
    "transfer two weeks of groceries to savings",
    "transfer 2 weeks of groceries to savings",
    "move a month's worth of rent to savings",
  ])("reads no amount and no date into a length of time used as a measure: %s", (text) => {
    // "a week's groceries" was scheduled a week ahead; "a month of rent" asked when it should go.
    const e = extractEntities(text, { today: "2026-12-01", payees: [{ id: "p1", name: "Jordan Lee" }] });
    expect(e.amount).toBeUndefined();
    expect(e.timing).toBeUndefined();
  });

  it("still reads a date said around such a measure", () => {
    const e = extractEntities("send Jordan a month of rent in a week", { today: "2026-12-01", payees: [{ id: "p1", name: "Jordan Lee" }] });
    expect(e.amount).toBeUndefined();
    expect(e.timing).toEqual({ problems: [], schedule: { start: "2026-12-08" } });
    expect(extractEntities("send Jordan $50 for 3 months every friday", { today: "2026-12-01" }).timing?.schedule).toMatchObject({ repeat: { unit: "week", interval: 1 } });
  });
});

describe("extractEntities: two amounts side by side", () => {
  it("reports both sums of 'send 10 and 20 to Jordan', and none for a repeat's numbers beside the amount", () => {
    const context = { today: "2026-12-01", payees: [{ id: "p1", name: "Jordan Lee" }] };
    const two = extractEntities("send 10 and 20 to Jordan Lee", context);
    expect(two.amount).toMatchObject({ minor: 1000 });
    expect(two.amountChoices?.map((a) => [a.minor, a.currency])).toEqual([[1000, "USD"], [2000, "USD"]]);
    expect(extractEntities("pay Jordan Lee 15 every 2 weeks", context).amountChoices).toBeUndefined();
    expect(extractEntities("send 20 2 Jordan Lee", context).amountChoices).toBeUndefined();
  });
});

// sweep17: "good morning, … move 50 from checking to savings" was asked when to send it ("not for a
// time of day (“morning”)"): a greeting is no time, nor a date.
describe("extractEntities: a greeting is no time of day", () => {
  it.each(["good morning, hope you're well! i'd like to move 50 from checking to savings", "Good evening. send 50 to savings", "move 50 to savings, good afternoon"])(
    "%s",
    (text) => {
      const e = extractEntities(text, { today: "2026-12-04" });
      expect(e.timing).toBeUndefined();
      expect(e.dateRange).toBeUndefined();
      expect(e.amount).toMatchObject({ minor: 50_00 });
    },
  );

  it("still refuses a time of day that is one", () => {
    expect(extractEntities("move 50 to savings tomorrow morning", { today: "2026-12-04" }).timing?.problems).toEqual([{ reason: "time_of_day", text: "tomorrow morning" }]);
    expect(extractEntities("good morning, move 50 to savings this evening", { today: "2026-12-04" }).timing?.problems).toEqual([{ reason: "time_of_day", text: "this evening" }]);
  });

  it("reads two saved payees each named as a recipient as two recipients, not one ambiguous name (explore28)", () => {
    const payees = [{ id: "p1", name: "Jordan Lee" }, { id: "p2", name: "Sam Ortiz" }];
    const e = extractEntities("send 20 to jordan and 30 to sam", { today: "2026-12-05", payees });
    expect(e.payee.status).toBe("matched");
    expect(e.otherPayee?.id).toBe(e.payee.status === "matched" && e.payee.payee.id === "p1" ? "p2" : "p1");
    const alexes = [{ id: "a1", name: "Alex Kim" }, { id: "a2", name: "Alex Park" }];
    expect(extractEntities("send 20 to alex", { today: "2026-12-05", payees: alexes }).payee.status).toBe("ambiguous");
  });
});

import { describe, expect, it } from "vitest";
import { summarizeEntities } from "./summary";

const today = "2026-04-15"; // a Wednesday

describe("summarizeEntities", () => {
  it("reads a transfer: amount, accounts, no recipient for an own account", () => {
    expect(summarizeEntities("transfer $1,760 from savings to checking", today)).toEqual({
      amount: { minor: 176_000, currency: "USD" },
      accounts: ["savings", "checking"],
      from_account: "savings",
      to_account: "checking",
    });
  });

  it("reads the amount said after a correction (nlu7)", () => {
    expect(summarizeEntities("send 25 pounds, sorry, 25 dollars to Ana", today).amount).toEqual({ minor: 2500, currency: "USD" });
  });

  it("reads a payment to a person on a day ahead", () => {
    const e = summarizeEntities("pay Jordan 12.50 every friday", today);
    expect(e).toMatchObject({ amount: { minor: 1250, currency: "USD" }, recipient: "Jordan", date: "2026-04-17" });
    expect(summarizeEntities("transfer 100 to checking tomorrow", today)).toMatchObject({
      amount: { minor: 10_000, currency: "USD" },
      to_account: "checking",
      date: "2026-04-16",
    });
  });

  it("reads a weekday or a day of the month in a question about the past as the past one (session 14)", () => {
    // Both were read as the day ahead (a payment date): 2026-04-20 and 2026-05-05.
    expect(summarizeEntities("what did i buy on monday", today)).toMatchObject({ dates: { from: "2026-04-13", to: "2026-04-13" } });
    expect(summarizeEntities("what did i buy on monday", today).date).toBeUndefined();
    expect(summarizeEntities("show me the transactions on the 5th", today).date).toBeUndefined();
    // A payment on a day ahead keeps it.
    expect(summarizeEntities("send 20 to sam on monday", today)).toMatchObject({ date: "2026-04-20" });
  });

  it("reads amounts in words and past periods", () => {
    expect(summarizeEntities("send one thousand three hundred and twenty bucks to alex", today).amount).toEqual({
      minor: 132_000,
      currency: "USD",
    });
    expect(summarizeEntities("how much did I spend on groceries last month", today)).toMatchObject({
      dates: { from: "2026-03-01", to: "2026-03-31" },
      category: "groceries",
      accounts: [],
    });
  });

  it("takes no amount from the days of a range", () => {
    // The range's text was "November 3", so the 10 was read as $10.
    expect(summarizeEntities("transactions between November 3 and 10", today)).toEqual({ accounts: [], dates: { from: "2025-11-03", to: "2025-11-10" } });
    expect(summarizeEntities("transactions between 1 and 15", today)).toEqual({ accounts: [], dates: { from: "2026-04-01", to: "2026-04-15" } });
  });

  it("leaves out what is not there", () => {
    expect(summarizeEntities("what's my routing number", today)).toEqual({ accounts: [] });
  });
});

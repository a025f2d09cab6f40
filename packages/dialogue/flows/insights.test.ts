/** Answers computed from the customer's data (flows/insights.ts), with an in-memory bank. */
import { describe, expect, it } from "vitest";
import { FakeBank, Session, fixtures, lastReply, understood, usd } from "../../../test/support/dialogue-session.js";
import type { TransactionView } from "../types.js";

const spend = (id: string, day: string, merchant: string, category: string, dollars: number, status: "posted" | "pending" = "posted"): TransactionView => ({
  id,
  postedAt: `${day}T10:00:00.000Z`,
  merchant,
  category,
  amount: usd(-dollars),
  status,
  accountId: "acc-chk",
});

function bankWithHistory(): FakeBank {
  const bank = new FakeBank();
  // Newest first, as the bank returns them. The session's clock is 24 Nov 2026.
  bank.transactions = [
    spend("t9", "2026-11-20", "Bluebird Coffee", "Coffee", 4.5),
    spend("t8", "2026-11-18", "Bluebird Coffee", "Coffee", 5),
    spend("t7", "2026-11-10", "Fresh Fields Market", "Groceries", 120),
    spend("t6", "2026-11-01", "Greenview Property Mgmt", "Rent", 1650),
    spend("t5", "2026-10-21", "Bluebird Coffee", "Coffee", 4),
    spend("t4", "2026-10-15", "Fresh Fields Market", "Groceries", 80),
    spend("t3", "2026-10-12", "Sakura Sushi", "Dining", 45),
    spend("t2", "2026-10-03", "Streamflix", "Subscriptions", 15.49),
    spend("t1", "2026-09-14", "Fresh Fields Market", "Groceries", 60),
  ];
  return bank;
}

describe("answers from data", () => {
  it("names the biggest and smallest purchase of the period, never the rent", () => {
    const session = new Session(bankWithHistory());
    const range = { from: "2026-10-01", to: "2026-10-31" };
    let turn = session.say("what was my biggest purchase last month?", understood("transactions", { dateRange: range, query: { superlative: "largest", question: true } }));
    expect(lastReply(turn).text).toBe("Your biggest purchase between 1 Oct 2026 and 31 Oct 2026 was $80.00 at “Fresh Fields Market” on 15 Oct 2026.");
    turn = session.say("and my biggest purchase this month?", understood("transactions", { dateRange: { from: "2026-11-01", to: "2026-11-24" }, query: { superlative: "largest" } }));
    expect(lastReply(turn).text).toMatch(/biggest purchase .* was \$120\.00 at “Fresh Fields Market”/);
    turn = session.say("smallest purchase last month", understood("transactions", { dateRange: range, query: { superlative: "smallest" } }));
    expect(lastReply(turn).text).toMatch(/smallest purchase .* was \$4\.00 at “Bluebird Coffee” on 21 Oct 2026/);
  });

  it("names the merchant paid most often", () => {
    const session = new Session(bankWithHistory());
    const turn = session.say("where do I shop most often?", understood("out_of_scope", { query: { superlative: "most_frequent_merchant", question: true } }, 0.8));
    expect(lastReply(turn).text).toBe("You paid “Bluebird Coffee” most often in the last 30 days: 2 times, $9.50 in total.");
  });

  it("compares two months, with the difference", () => {
    const session = new Session(bankWithHistory());
    type Month = { from: string; to: string; label: string };
    const months: [Month, Month] = [
      { from: "2026-09-01", to: "2026-09-30", label: "September 2026" },
      { from: "2026-10-01", to: "2026-10-31", label: "October 2026" },
    ];
    const turn = session.say("groceries in september compared to october", understood("spending", { category: "groceries", query: { compare: { months } } }));
    expect(lastReply(turn).text).toBe("You spent $60.00 on groceries in September 2026 and $80.00 in October 2026: $20.00 more in October 2026 than in September 2026.");
  });

  it("compares two categories", () => {
    const session = new Session(bankWithHistory());
    const turn = session.say(
      "did I spend more on dining or groceries last month",
      understood("spending", { dateRange: { from: "2026-10-01", to: "2026-10-31" }, query: { compare: { categories: ["dining", "groceries"] } } }),
    );
    expect(lastReply(turn).text).toBe("Between 1 Oct 2026 and 31 Oct 2026 you spent $45.00 on dining and $80.00 on groceries: $35.00 more on groceries.");
  });

  it("looks a payment up by name, or says it can't find it, with the written answer after", () => {
    const session = new Session(bankWithHistory());
    let turn = session.say("did my rent payment go through?", understood("declined_card_payment", { query: { lookup: { kind: "status", target: "rent" } } }, 0.66));
    expect(lastReply(turn).text).toBe("Yes — your “rent” payment went through: $1,650.00 to “Greenview Property Mgmt” on 1 Nov 2026.");
    turn = session.say("when did I last pay Streamflix?", understood("transactions", { query: { lookup: { kind: "last", target: "Streamflix" } } }));
    expect(lastReply(turn).text).toBe("Your last payment to “Streamflix” was $15.49 on 3 Oct 2026.");
    turn = session.say("when did I last pay Netflix?", understood("transactions", { query: { lookup: { kind: "last", target: "Netflix" } } }));
    expect(lastReply(turn).text).toMatch(/^I can't find a payment for “Netflix”/);
    turn = session.say("did my gym payment go through?", understood("declined_card_payment", { query: { lookup: { kind: "status", target: "gym" } } }));
    expect(lastReply(turn).text).toMatch(/^I can't find a payment for “gym”.+declined/);
  });

  it("shows exactly as many transactions as asked for", () => {
    const session = new Session(bankWithHistory());
    const turn = session.say("show my last 3 transactions", understood("transactions", { query: { count: 3 } }));
    const data = lastReply(turn).data;
    expect(data?.kind === "transactions" && data.transactions.length).toBe(3);
    expect(lastReply(turn).text).toBe("Here are your 3 most recent transactions.");
  });

  it("says plainly what the customer doesn't have", () => {
    const noCredit = fixtures();
    noCredit.accounts = noCredit.accounts.filter((a) => a.type !== "credit");
    const session = new Session(new FakeBank(noCredit));
    let turn = session.say("what is my available credit", understood("balance", { query: { creditFact: "available_credit", question: true } }));
    expect(lastReply(turn).text).toBe("You don't have a credit card with us.");
    turn = session.say("what's my credit card balance", understood("balance", { accountRefs: ["credit"] }));
    expect(lastReply(turn).text).toMatch(/^You don't have a credit card with us\./);
    const withCard = new Session();
    turn = withCard.say("what is my available credit", understood("balance", { query: { creditFact: "available_credit" } }));
    expect(lastReply(turn).text).toMatch(/Credit card ••9012 has/);
  });
});

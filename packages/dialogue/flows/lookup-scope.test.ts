import { describe, expect, it } from "vitest";
import { cardPurchasesOf, scopeFromWords } from "./lookup-scope.js";

describe("scopeFromWords (session 30)", () => {
  it("reads the debit card's transactions as checking's money out, and says why", () => {
    const { entities, lead } = scopeFromWords("transactions", { accountRefs: [] }, "show me my debit card transactions");
    expect(entities).toMatchObject({ accountRefs: ["checking"], query: { outgoing: true } });
    expect(lead).toBe("Purchases with your debit card come out of your checking account.");
  });

  it("reads the debit card's spending as checking's, with no money-out flag (a total is money out already)", () => {
    const { entities } = scopeFromWords("spending", { accountRefs: [] }, "how much did i spend on my debit card");
    expect(entities).toEqual({ accountRefs: ["checking"] });
  });

  it.each(["show my credit and debit card transactions", "show my savings transactions"])("leaves %j as it is", (text) => {
    const e = { accountRefs: text.includes("savings") ? (["savings"] as const).slice() : [] };
    expect(scopeFromWords("transactions", e, text)).toEqual({ entities: e });
  });

  it("says a joint account is not held before what the accounts show", () => {
    expect(scopeFromWords("transactions", { accountRefs: [] }, "show transactions on my joint account").lead).toBe(
      "You don't have a joint account with us, so this is for the accounts you do have.",
    );
  });

  it("leaves balances and other reads to their own wording", () => {
    expect(scopeFromWords("balance", { accountRefs: [] }, "balance of my joint account")).toEqual({ entities: { accountRefs: [] } });
  });
});

describe("a card's spending (explore32)", () => {
  it.each(["how much have i spent on my card", "what did i spend with my cards this month", "how much did i spend on my debit card"])("reads %j as card purchases", (text) => {
    expect(scopeFromWords("spending", { accountRefs: [] }, text).cardPurchases).toBe(true);
  });

  it.each(["how much have i spent", "how much did i spend on my credit card", "how much did i spend on my card payment"])("leaves %j to the accounts", (text) => {
    expect(scopeFromWords("spending", { accountRefs: [] }, text).cardPurchases).toBeUndefined();
  });

  it("takes rent, transfers and income out of the total, and the count of payments with them", () => {
    const usd = (minor: number) => ({ minor, currency: "USD" as const });
    const spending = {
      from: "2026-12-01",
      to: "2026-12-05",
      total: usd(706_75),
      payments: 4,
      byCategory: [
        { category: "Rent", total: usd(650_00) },
        { category: "Groceries", total: usd(42_00) },
        { category: "Transfers", total: usd(10_00) },
        { category: "Coffee", total: usd(4_75) },
      ],
    };
    const cards = cardPurchasesOf(spending);
    expect(cards.total).toEqual(usd(46_75));
    expect(cards.byCategory.map((c) => c.category)).toEqual(["Groceries", "Coffee"]);
    expect(cards.payments).toBeUndefined();
    expect(cardPurchasesOf({ ...spending, byCategory: spending.byCategory.slice(1, 2) })).toEqual({ ...spending, byCategory: spending.byCategory.slice(1, 2) });
  });
});

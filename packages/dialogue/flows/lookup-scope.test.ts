import { describe, expect, it } from "vitest";
import { scopeFromWords } from "./lookup-scope.js";

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

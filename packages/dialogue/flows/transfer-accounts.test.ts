import { describe, expect, it } from "vitest";
import { matchAccounts, refText, sameRef, withArticle } from "./transfer-accounts.js";
import type { AccountOption } from "../types.js";

const ACCOUNTS: AccountOption[] = [
  { id: "chk", name: "Checking", type: "checking", mask: "1234", currency: "USD" },
  { id: "sav", name: "Savings", type: "savings", mask: "5678", currency: "USD" },
];

describe("transfer accounts", () => {
  it("finds accounts by kind or by last four digits", () => {
    expect(matchAccounts(ACCOUNTS, "savings").map((a) => a.id)).toEqual(["sav"]);
    expect(matchAccounts(ACCOUNTS, { last4: "1234" }).map((a) => a.id)).toEqual(["chk"]);
    expect(sameRef({ last4: "1234" }, { last4: "1234" })).toBe(true);
    expect(sameRef("checking", { last4: "1234" })).toBe(false);
  });

  it("names a reference the way the customer gave it", () => {
    expect(withArticle(refText("savings"))).toBe("a savings account");
    expect(withArticle(refText({ last4: "9999" }))).toBe("an account ending 9999");
    expect(refText({ last4: "12" })).toBe("account with that number");
  });
});

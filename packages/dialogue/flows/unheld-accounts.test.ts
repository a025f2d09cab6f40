/** Kinds of account Teller never holds, named as the customer's own (flows/unheld-accounts.ts). */
import { describe, expect, it } from "vitest";
import { unheldAccounts, unheldNotes } from "./unheld-accounts.js";

describe("unheldAccounts", () => {
  it("names each kind said as the customer's own", () => {
    expect(unheldAccounts("what's my mortgage balance?")).toEqual(["a mortgage"]);
    expect(unheldAccounts("send 50 from my investment account")).toEqual(["an investment account"]);
    expect(unheldAccounts("how much is in our business checking")).toEqual(["a business account"]);
    expect(unheldAccounts("my student loan and my 401(k)")).toEqual(["a loan", "a retirement account"]);
    expect(unheldAccounts("balance of my money market")).toEqual(["a money market account"]);
    expect(unheldAccounts("put one hundred dollars in my joint account")).toEqual(["a joint account"]);
    expect(unheldAccounts("how much is in our joint checking")).toEqual(["a joint account"]);
  });

  it("leaves alone what names no account of the customer's", () => {
    for (const text of ["do you offer mortgages?", "my loan payment went out", "what's my balance", "my iraq trip spending", "a business trip", "my joint pain medicine"]) {
      expect(unheldAccounts(text), text).toEqual([]);
    }
  });

  it("says them as one note", () => {
    expect(unheldNotes("from my investment account or my 401k")).toEqual(["You don't have an investment account or a retirement account with us."]);
    expect(unheldNotes("from my checking")).toEqual([]);
  });
});

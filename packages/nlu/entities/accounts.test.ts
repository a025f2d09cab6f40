import { describe, expect, it } from "vitest";
import { extractAccountRefs, resolveAccount } from "./accounts";

describe("extractAccountRefs", () => {
  it.each([
    ["balance on checking", ["checking"]],
    ["how much is in my savings", ["savings"]],
    ["what's my credit card balance", ["credit"]],
    ["freeze the card ending 4242", [{ last4: "4242" }]],
    ["card ending in 1234", [{ last4: "1234" }]],
    ["how much is in my current account", ["checking"]],
    ["what's my current balance", []],
    ["how do I improve my credit score", []],
    ["send 20 to alex", []],
    // sweep23: "cc" after "my"/"the" is the credit card (it got every balance); not "cc me in".
    ["how much do i owe on my cc", ["credit"]],
    ["pay off the cc from savings", ["credit", "savings"]],
    ["can you cc me in on the email", []],
    // explore30: what the customer has saved is the savings account; "saved" elsewhere names none.
    ["how much money have i got saved up", ["savings"]],
    ["how much have i saved", ["savings"]],
    ["i saved the receipt", []],
    ["how much did i save on groceries", []],
  ])("%s", (text, refs) => {
    expect(extractAccountRefs(text).refs).toEqual(refs);
  });

  it("marks from/to roles", () => {
    expect(extractAccountRefs("move 200 from checking to savings")).toEqual({
      refs: ["checking", "savings"],
      from: "checking",
      to: "savings",
    });
    expect(extractAccountRefs("put 100 into my savings account")).toMatchObject({ to: "savings" });
    expect(extractAccountRefs("move 50 bucks 2 savings")).toMatchObject({ to: "savings" });
    expect(extractAccountRefs("send 20 from checking 2 my savings")).toMatchObject({ from: "checking", to: "savings" });
    expect(extractAccountRefs("send 12 savings")).not.toHaveProperty("to");
    expect(extractAccountRefs("pay 200 towards my credit card from checking")).toMatchObject({
      from: "checking",
      to: "credit",
    });
  });
});

describe("extractAccountRefs with a typo", () => {
  it("reads 'checking' and 'savings' one slip of the keyboard away ('didn't catch that' for 'savngs')", () => {
    for (const text of ["savngs", "savigns", "sevings", "from my savins"]) expect(extractAccountRefs(text).refs, text).toEqual(["savings"]);
    for (const text of ["chekcing", "cheking", "checkng", "chceking"]) expect(extractAccountRefs(text).refs, text).toEqual(["checking"]);
    expect(extractAccountRefs("send 20 to Jordan Lee from chekcing")).toMatchObject({ refs: ["checking"], from: "checking" });
  });

  it("reads the credit card one slip away ('credt card', 'creditcrad'); 'creditcard' was read already", () => {
    for (const text of ["what's my credt card balance", "crdit card", "creidt card", "my credti account", "creditcrad", "creditcard", "credtcard"]) {
      expect(extractAccountRefs(text).refs, text).toEqual(["credit"]);
    }
    expect(extractAccountRefs("pay 50 to my credt card from checking")).toMatchObject({ refs: ["credit", "checking"], to: "credit", from: "checking" });
  });

  it("leaves other words alone", () => {
    for (const text of ["create account", "credits", "credit score", "a cretin", "credo card", "bread card"]) expect(extractAccountRefs(text).refs, text).toEqual([]);
    for (const text of ["I was chucking it away", "stop saying that", "ravings", "checkout", "shaving cream", "checked"]) {
      expect(extractAccountRefs(text).refs, text).toEqual([]);
    }
  });
});

describe("resolveAccount", () => {
  const accounts = [
    { id: "a", type: "checking" as const, mask: "1111" },
    { id: "b", type: "savings" as const, mask: "2222" },
    { id: "c", type: "savings" as const, mask: "3333" },
  ];
  it("matches by kind or last four digits, reports ambiguity and absence", () => {
    expect(resolveAccount("checking", accounts)).toEqual({ status: "matched", account: accounts[0] });
    expect(resolveAccount({ last4: "3333" }, accounts)).toEqual({ status: "matched", account: accounts[2] });
    expect(resolveAccount("savings", accounts)).toEqual({ status: "ambiguous", candidates: [accounts[1], accounts[2]] });
    expect(resolveAccount("credit", accounts)).toEqual({ status: "none" });
  });
});

describe("checking as a verb (nlu9)", () => {
  it("is not the checking account", () => {
    expect(extractAccountRefs("would you mind checking how much is in my savings").refs).toEqual(["savings"]);
    expect(extractAccountRefs("i'm checking my savings balance").refs).toEqual(["savings"]);
    expect(extractAccountRefs("can you try checking if the savings transfer went out").refs).toEqual(["savings"]);
  });

  it("is still the account where it names one", () => {
    expect(extractAccountRefs("move 50 from checking to savings").refs).toEqual(["checking", "savings"]);
    expect(extractAccountRefs("how much is in checking for me").refs).toEqual(["checking"]);
    expect(extractAccountRefs("what's my checking balance").refs).toEqual(["checking"]);
  });
});

// explore19: "put 40 in savings" took savings for the source and asked "Who should I send it to?".
describe("putting money in an account", () => {
  it("makes the account the destination", () => {
    for (const text of ["put 40 in savings", "put $40 in my savings", "can you put 100 in my checking from savings", "stick 20 in the savings account", "add 50 in savings"]) {
      expect(extractAccountRefs(text).to, text).toBeDefined();
    }
    expect(extractAccountRefs("put 40 in savings").to).toBe("savings");
    expect(extractAccountRefs("can you put 100 in my checking from savings")).toMatchObject({ from: "savings", to: "checking" });
  });

  it("leaves 'in' without putting alone", () => {
    expect(extractAccountRefs("how much is in savings").to).toBeUndefined();
    expect(extractAccountRefs("what did I spend in checking").to).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { applyEntities } from "./transfer-slots.js";
import type { AccountOption, PayeeOption, TransferTask } from "../types.js";

const accounts: AccountOption[] = [
  { id: "acc-chk", name: "Checking", type: "checking", mask: "1234", currency: "USD", availableMinor: 450_00 },
  { id: "acc-cc", name: "Credit card", type: "credit", mask: "9012", currency: "USD" },
];
const payees: PayeeOption[] = [{ id: "pay-sam", name: "Sam Lee" }];

function task(asking: TransferTask["asking"] = null): TransferTask {
  return {
    kind: "transfer",
    intent: { name: "transfer", confidence: 1 },
    waitingFor: [],
    unresolved: [],
    accounts,
    payees,
    asking,
    confirmation: null,
  };
}

describe("applyEntities", () => {
  it("a bill payment whose destination becomes the customer's own checking is a transfer; to the card it stays a payment (explore30)", () => {
    const own = { ...task("amount"), intent: { name: "pay_bill", confidence: 1 } };
    applyEntities(own, accounts, payees, { accountRefs: ["checking"], toRef: "checking", amount: { minor: 500_00, currency: "USD" } });
    expect(own.intent.name).toBe("transfer");
    const card = { ...task("amount"), intent: { name: "pay_bill", confidence: 1 } };
    applyEntities(card, accounts, payees, { accountRefs: ["credit"], toRef: "credit", amount: { minor: 50_00, currency: "USD" } });
    expect(card.intent.name).toBe("pay_bill");
  });

  it("reads a credit account named without a role as the destination", () => {
    const t = task();
    expect(applyEntities(t, accounts, payees, { accountRefs: ["credit"], amount: { minor: 100_00, currency: "USD" } })).toEqual([]);
    expect(t.to).toEqual({ accountId: "acc-cc" });
    expect(t.from).toBeUndefined();
  });

  it("still refuses a credit account given as the source, or in answer to 'from which account?'", () => {
    const named = task();
    expect(applyEntities(named, accounts, payees, { accountRefs: ["credit"], fromRef: "credit" })).toEqual(["I can't send money from a credit account by chat."]);
    const answered = task("from");
    expect(applyEntities(answered, accounts, payees, { accountRefs: ["credit"] })).toEqual(["I can't send money from a credit account by chat."]);
  });

  it("takes neither of two recipients named in one message, nor their amount; an account's name read as a name is no recipient", () => {
    const two = task();
    const amount = { minor: 10_00, currency: "USD" as const };
    expect(applyEntities(two, accounts, payees, { accountRefs: ["credit"], toRef: "credit", amount, payeeName: "Sam Lee" })).toEqual(["I can send to one recipient at a time."]);
    expect(two).toMatchObject({ to: undefined, amount: undefined, asking: "to" });
    const unknown = task();
    expect(applyEntities(unknown, accounts, payees, { accountRefs: ["credit"], toRef: "credit", amount, unknownPayee: "Morgan" })).toEqual(["I can send to one recipient at a time."]);
    // "pay 50 to my creditcard": the recipient reader took "creditcard" for a name.
    const card = task();
    expect(applyEntities(card, accounts, payees, { accountRefs: ["credit"], toRef: "credit", amount, unknownPayee: "creditcard" })).toEqual([]);
    expect(card.to).toEqual({ accountId: "acc-cc" });
    // "wait, not Sam, to my card" under Sam's confirmation: the recipient named is the one replaced.
    const replaced = { ...task(), to: { payeeId: "pay-sam" }, amount };
    expect(applyEntities(replaced, accounts, payees, { accountRefs: ["credit"], toRef: "credit", payeeName: "Sam Lee" })).toEqual([]);
    expect(replaced).toMatchObject({ to: { accountId: "acc-cc" }, amount });
  });

  it("makes 'who' the open question when the payee named is not saved", () => {
    const t = task();
    const notes = applyEntities(t, accounts, payees, { accountRefs: [], unknownPayee: "father" });
    expect(notes).toEqual(["I couldn't find a saved payee called “father”. Your saved payees are “Sam Lee”."]);
    expect(t.asking).toBe("to");
  });

  it("says a customer without a credit card has none", () => {
    const t = task();
    const noCard = accounts.filter((a) => a.type !== "credit");
    expect(applyEntities(t, noCard, payees, { accountRefs: [], toRef: "credit" })).toEqual(["You don't have a credit card with us."]);
  });
  it("keeps the sums a loose amount could mean as options, and drops them once an amount is read", () => {
    const t = task();
    const readings = [{ minor: 25_50, currency: "USD" as const }, { minor: 2_550_00, currency: "USD" as const }];
    expect(applyEntities(t, accounts, payees, { accountRefs: [], amount: { invalid: "format", readings } })).toEqual([
      "I couldn't tell whether you meant $25.50 or $2,550.00.",
    ]);
    expect(t.amountOptions).toEqual(readings);
    applyEntities(t, accounts, payees, { accountRefs: [], amount: { minor: 25_50, currency: "USD" } });
    expect(t).toMatchObject({ amount: { minor: 25_50 }, amountOptions: undefined });
    const two = task();
    const choices = [{ minor: 25_00, currency: "USD" as const }, { minor: 50_00, currency: "USD" as const }];
    applyEntities(two, accounts, payees, { accountRefs: [], amount: choices[0], amountChoices: choices });
    expect(two).toMatchObject({ amount: undefined, amountOptions: choices });
  });

  it("keeps 'half my savings' as half of the source until an amount is said", () => {
    const t = task();
    applyEntities(t, accounts, payees, { accountRefs: [], query: { amountHalf: true } });
    expect(t).toMatchObject({ amountHalf: true, amountAll: false, amount: undefined });
    applyEntities(t, accounts, payees, { accountRefs: [], amount: { minor: 40_00, currency: "USD" } });
    expect(t).toMatchObject({ amountHalf: false, amount: { minor: 40_00 } });
  });
});

import { describe, expect, it } from "vitest";
import type { TransferTask } from "../types.js";
import { billAskedAbout, cardAskedAbout } from "./bill-amount-aside.js";

const task = (over: Partial<TransferTask> = {}): TransferTask =>
  ({
    kind: "transfer",
    intent: { name: "pay_bill", confidence: 1 },
    waitingFor: [],
    payees: [{ id: "p1", name: "Harbor View Apartments", biller: true }],
    to: { payeeId: "p1" },
    asking: "amount",
    confirmation: null,
    ...over,
  }) as TransferTask;

describe("what a bill comes to, asked while its payment waits for the amount (session 32)", () => {
  it.each(["how much is it", "um how much is it usually?", "how much do i owe them", "what did i pay last time", "what's the amount", "how much did i pay them last month"])(
    "'%s' asks about the payee being paid",
    (text) => {
      expect(billAskedAbout(task(), text)).toEqual({ name: "Harbor View Apartments" });
    },
  );

  it("only while the amount is asked, and only for a payee", () => {
    expect(billAskedAbout(task({ asking: "from" }), "how much is it")).toBeUndefined();
    expect(billAskedAbout(task({ to: { accountId: "a1" } }), "how much is it")).toBeUndefined();
    expect(billAskedAbout(task(), "how much is in checking")).toBeUndefined();
    expect(billAskedAbout(task(), "how much do i have")).toBeUndefined();
  });
});

describe("what a card payment comes to (session 32)", () => {
  it("is asked of the customer's own credit card only", () => {
    const accounts = [
      { id: "c1", name: "Card", type: "credit", mask: "3003", currency: "USD" },
      { id: "a1", name: "Checking", type: "checking", mask: "1001", currency: "USD" },
    ] as TransferTask["accounts"];
    expect(cardAskedAbout(task({ accounts, to: { accountId: "c1" } }), "how much is it")).toBe(true);
    expect(cardAskedAbout(task({ accounts, to: { accountId: "a1" } }), "how much is it")).toBe(false);
    expect(cardAskedAbout(task({ accounts }), "how much is it")).toBe(false);
  });
});

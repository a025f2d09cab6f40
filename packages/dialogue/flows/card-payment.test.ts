import { describe, expect, it } from "vitest";
import type { AccountOption, TransferTask } from "../types.js";
import { cardAmountOffer, currentDue, isPayment, paidCard, paymentKind, paysCardInFull } from "./card-payment.js";
import { Session, understood, usd } from "../../../test/support/dialogue-session.js";

// The whole card payment through the gateway: test/workerd/dialogues/bill-payments.dialogue.test.ts.
const checking: AccountOption = { id: "acc_chk", name: "Everyday Checking", type: "checking", mask: "1001", currency: "USD", availableMinor: 500_000 };
const card: AccountOption = { id: "acc_card", name: "Teller Card", type: "credit", mask: "3003", currency: "USD", owedMinor: 235_902 };

function task(fields: Partial<TransferTask>): TransferTask {
  return { intent: { name: "transfer", confidence: 1 }, accounts: [checking, card], waitingFor: [], ...fields } as unknown as TransferTask;
}

const statement = { accountId: card.id, currency: "USD" as const, statementMinor: 240_858, minimumMinor: 2_500, currentMinor: 235_902, dueDate: "2026-12-17" };

describe("card payment", () => {
  it("is a payment when the money goes to the customer's own credit card, or when it is a bill", () => {
    expect(paidCard(task({ to: { accountId: card.id } as TransferTask["to"] }))).toBe(card);
    expect(isPayment(task({ to: { accountId: card.id } as TransferTask["to"] }))).toBe(true);
    expect(isPayment(task({ to: { accountId: checking.id } as TransferTask["to"] }))).toBe(false);
    expect(isPayment(task({ intent: { name: "pay_bill", confidence: 1 } } as Partial<TransferTask>))).toBe(true);
  });

  it("tags money to the customer's own card as a card payment, whatever the intent; a biller as a bill", () => {
    const toCard = { to: { accountId: card.id } as TransferTask["to"] };
    expect(paymentKind(task(toCard))).toBe("card");
    expect(paymentKind(task({ ...toCard, intent: { name: "pay_bill", confidence: 1 } }))).toBe("card");
    expect(paymentKind(task({ intent: { name: "pay_bill", confidence: 1 }, to: { payeeId: "pay_power" } } as Partial<TransferTask>))).toBe("bill");
    expect(paymentKind(task({ to: { accountId: checking.id } as TransferTask["to"] }))).toBeUndefined();
  });

  it("records the tag on the confirmed payment's receipt (a card payment was recorded like a bill)", () => {
    const session = new Session();
    const confirm = session.say("transfer 50 to my credit card from checking", understood("transfer", { amount: usd(50), fromRef: "checking", toRef: "credit", accountRefs: ["checking", "credit"] }));
    session.autoExecute = false;
    session.press(confirm.replies.at(-1)!.confirmation!.id, "yes");
    expect(session.state.executing?.receipt).toMatchObject({ kind: "transfer", payment: "card" });
  });

  it("offers the current balance and the minimum payment, never more than is owed now", () => {
    const offer = cardAmountOffer(task({ cardStatements: [statement] }), card);
    expect(offer.text).toContain("Your statement balance is $2,408.58 (minimum payment $25.00");
    expect(offer.text).toContain("your current balance is $2,359.02.");
    // Paid down since the statement: its $2,408.58 would overpay, so it is said but not offered.
    expect(offer.actions.map((a) => a.label)).toEqual(["Current balance $2,359.02", "Minimum payment $25.00"]);
  });

  it("without a statement offers what is owed now, and nothing when nothing is owed", () => {
    expect(cardAmountOffer(task({ cardStatements: [] }), card)).toEqual({
      text: " Your current balance is $2,359.02.",
      actions: [expect.objectContaining({ label: "Current balance $2,359.02" })],
    });
    expect(cardAmountOffer(task({ cardStatements: [] }), { ...card, owedMinor: 0 })).toEqual({ text: " You don't owe anything on it right now.", actions: [] });
  });

  it("reads 'the full balance', 'pay it off', 'everything' under its 'How much?' as what the card owes now", () => {
    const asking = task({ to: { accountId: card.id } as TransferTask["to"], asking: "amount", cardStatements: [statement] });
    const none = { accountRefs: [] };
    for (const text of ["the full balance", "pay it off", "current balance please", "in full", "everything"]) expect(paysCardInFull(asking, none, text)).toBe(true);
    expect(paysCardInFull(asking, { accountRefs: [], query: { amountAll: true } }, "all of it")).toBe(true);
    // A figure, the statement's or the minimum, and a question that is no answer stay theirs.
    expect(paysCardInFull(asking, { accountRefs: [], amount: usd(50) }, "50")).toBe(false);
    expect(paysCardInFull(asking, { accountRefs: [], query: { statementBalance: true } }, "the full statement balance")).toBe(false);
    expect(paysCardInFull(asking, { accountRefs: [], query: { minimumPayment: true } }, "just the minimum")).toBe(false);
    expect(paysCardInFull(asking, none, "what is the difference between the statement balance and the current balance")).toBe(false);
    // Not a card payment, or not asking how much.
    expect(paysCardInFull(task({ to: { accountId: checking.id } as TransferTask["to"], asking: "amount" }), none, "everything")).toBe(false);
    expect(paysCardInFull({ ...asking, asking: "from" }, none, "the full balance")).toBe(false);
    expect(currentDue(asking, card)).toEqual({ minor: 235_902, currency: "USD" });
    expect(currentDue(task({ cardStatements: [{ ...statement, currentMinor: 0 }] }), { ...card, owedMinor: 0 })).toBeUndefined();
  });
});

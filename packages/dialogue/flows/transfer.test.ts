import { describe, expect, it } from "vitest";
import { CONFIRMATION_TTL_MS, confirmationStatus } from "../index.js";
import { Session, lastReply, moneyEffects, pendingTransfer, understood, usd } from "../../../test/support/dialogue-session.js";
import type { TransferEffect } from "../types.js";

describe("transfer slot filling", () => {
  it("two recipients in one message: no card pairs an amount with either; it asks who, one transfer at a time (sweep12)", () => {
    const session = new Session();
    // "send 10 to Alex and 20 to my savings from checking" got "Send $10.00 from Checking to Savings?":
    // Alex's amount to the account, and a Yes moved it.
    const turn = session.say(
      "send 10 to Alex and 20 to my savings from checking",
      understood("transfer", { amount: usd(10), payeeName: "Alex", accountRefs: ["savings", "checking"], toRef: "savings", fromRef: "checking" }),
    );
    expect(lastReply(turn).confirmation).toBeUndefined();
    expect(lastReply(turn).text).toMatch(/^I can send to one recipient at a time\. Who should I send it to\?/);
    expect(moneyEffects(session.say("yes", understood("out_of_scope", { yes: true }, 0.2)))).toEqual([]);
    session.say("Alex", understood("out_of_scope", { payeeName: "Alex" }, 0.3));
    const amount = session.say("10", understood("out_of_scope", { amount: usd(10) }, 0.3));
    expect(lastReply(amount).confirmation?.summary).toBe("Send $10.00 from Checking ••1234 to “Alex Kim” ••4321?");
  });

  it("says an account Teller never holds, named as the source, is not held, then asks for one that is (sweep12)", () => {
    const session = new Session();
    // "send 50 from my investment account to Alex" got a bare "Which account should I send it from?".
    const turn = session.say("send 50 from my investment account to Alex", understood("transfer", { amount: usd(50), payeeName: "Alex" }));
    expect(lastReply(turn).text).toBe("You don't have an investment account with us. Which account should I send it from?");
    expect(lastReply(turn).confirmation).toBeUndefined();
    const answered = session.say("checking", understood("balance", { accountRefs: ["checking"] }, 0.4));
    expect(lastReply(answered).confirmation?.summary).toBe("Send $50.00 from Checking ••1234 to “Alex Kim” ••4321?");
  });

  it("asks for one missing slot at a time and accepts bare answers to the open question", () => {
    const session = new Session();
    let turn = session.say("I want to send money", understood("transfer"));
    expect(lastReply(turn).text).toMatch(/how much/i);
    expect(lastReply(turn).confirmation).toBeUndefined();

    // "30" is often classified as some unrelated question; the amount entity fills the open slot.
    // Then to whom, then from where: the order a customer expects.
    turn = session.say("30", understood("top_up_limits", { amount: usd(30) }, 0.6));
    expect(lastReply(turn).text).toMatch(/who should I send it to/i);

    turn = session.say("Alex", understood("out_of_scope", { payeeName: "Alex" }, 0.3));
    expect(lastReply(turn).text).toMatch(/which account should I send it from/i);
    expect(lastReply(turn).actions.map((a) => a.label)).toEqual(["Checking ••1234", "Savings ••5678"]);

    turn = session.say("savings", understood("balance", { accountRefs: ["savings"] }, 0.4));
    const reply = lastReply(turn);
    expect(reply.confirmation?.summary).toBe("Send $30.00 from Savings ••5678 to “Alex Kim” ••4321?");
    expect(reply.actions).toEqual([
      { type: "confirm", confirmationId: reply.confirmation!.id, answer: "yes", label: "Yes" },
      { type: "confirm", confirmationId: reply.confirmation!.id, answer: "no", label: "No" },
    ]);
    expect(moneyEffects(turn)).toEqual([]);
  });

  it("asks to whom before from which account after 'make it 50', and takes the payee named next", () => {
    const session = new Session();
    session.say("I want to make a transfer", understood("transfer"));
    let turn = session.say("make it 50", understood("transfer", { amount: usd(50), query: { correction: true } }));
    expect(lastReply(turn).text).toBe("Who should I send it to? It can be one of your accounts or a saved payee.");
    turn = session.say("to Alex Kim", understood("out_of_scope", { payeeName: "Alex Kim" }, 0.3));
    expect(lastReply(turn).text).toMatch(/^Which account should I send it from\?/);
    turn = session.say("checking", understood("balance", { accountRefs: ["checking"] }, 0.4));
    expect(lastReply(turn).confirmation?.summary).toBe("Send $50.00 from Checking ••1234 to “Alex Kim” ••4321?");
    expect(moneyEffects(turn)).toEqual([]);
  });

  it("fills from and to in reading order when the NLU gives no roles", () => {
    const session = new Session();
    const turn = session.say(
      "move 25 checking to savings",
      understood("transfer", { amount: usd(25), accountRefs: ["checking", "savings"] }),
    );
    expect(lastReply(turn).confirmation?.summary).toBe("Send $25.00 from Checking ••1234 to Savings ••5678?");
  });

  it("executes only on yes, once, with a key derived from the confirmation id", () => {
    const { session, confirmation } = pendingTransfer();
    expect(session.bank.transfers).toHaveLength(0);
    const turn = session.press(confirmation.id, "yes");
    const [effect] = moneyEffects(turn) as TransferEffect[];
    expect(effect).toMatchObject({
      kind: "transfer",
      idempotencyKey: `transfer:${confirmation.id}`,
      fromAccountId: "acc-chk",
      to: { payeeId: "pay-alex" },
      amount: usd(30),
    });
    expect(session.bank.transfers).toHaveLength(1);
    expect(lastReply(turn).text).toBe("Done — I sent $30.00 to “Alex Kim” ••4321.");
    expect(lastReply(turn).data).toMatchObject({ kind: "transfer_receipt", amount: usd(30), status: "posted" });
    expect(confirmationStatus(session.state, confirmation.id, session.now)).toBe("done");
  });

  it("accepts a typed yes to the pending confirmation", () => {
    const { session } = pendingTransfer();
    const turn = session.say("yes please", understood("out_of_scope", { yes: true }, 0.2));
    expect(moneyEffects(turn)).toHaveLength(1);
  });
});

describe("transfer cancellation", () => {
  it("'no' cancels the pending confirmation and a later yes does nothing", () => {
    const { session, confirmation } = pendingTransfer();
    let turn = session.say("no", understood("out_of_scope", { no: true }, 0.3));
    expect(lastReply(turn).text).toMatch(/cancelled/);
    turn = session.say("yes", understood("out_of_scope", { yes: true }, 0.3));
    turn = session.press(confirmation.id, "yes");
    expect(moneyEffects(turn)).toEqual([]);
    expect(session.bank.transfers).toHaveLength(0);
  });

  it("a question answers, then the same pending confirmation comes back", () => {
    const { session, confirmation } = pendingTransfer();
    const turn = session.say("what's my balance", understood("balance", { query: { question: true } }));
    expect(turn.replies[0]?.data?.kind).toBe("accounts");
    expect(lastReply(turn).text).toMatch(/^Back to your transfer: Send \$30\.00 .* Please answer Yes or No\.$/);
    expect(lastReply(turn).confirmation?.id).toBe(confirmation.id);
    expect(confirmationStatus(session.state, confirmation.id, session.now)).toBe("pending");
    expect(moneyEffects(turn)).toEqual([]);
    expect(moneyEffects(session.press(confirmation.id, "no"))).toEqual([]);
    expect(confirmationStatus(session.state, confirmation.id, session.now)).toBe("cancelled");
  });

  it("a confirmation expires after five minutes", () => {
    const { session, confirmation } = pendingTransfer();
    session.now += CONFIRMATION_TTL_MS + 1;
    const typed = session.say("yes", understood("out_of_scope", { yes: true }, 0.2));
    expect(lastReply(typed).text).toMatch(/expired/);
    const pressed = session.press(confirmation.id, "yes");
    expect(lastReply(pressed).text).toMatch(/expired/);
    expect([...moneyEffects(typed), ...moneyEffects(pressed)]).toEqual([]);
  });

  it("a confirmation is still valid just before it expires", () => {
    const { session, confirmation } = pendingTransfer();
    session.now += CONFIRMATION_TTL_MS - 1;
    expect(moneyEffects(session.press(confirmation.id, "yes"))).toHaveLength(1);
  });
});

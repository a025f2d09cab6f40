import { describe, expect, it } from "vitest";
import { Session, lastReply, moneyEffects, pendingTransfer, understood, usd } from "../../test/support/dialogue-session.js";

describe("an open transfer's turn", () => {
  it("puts off another transfer asked before this one is done, and asks its question again", () => {
    const session = new Session();
    session.say("I want to send money", understood("transfer"));
    const turn = session.say("I want to make a transfer", understood("transfer"));
    expect(lastReply(turn).text).toMatch(/^Let's finish this one first\..*how much/i);
    expect(session.state.task?.kind).toBe("transfer");
  });

  it("sends the money once on a typed yes at the card", () => {
    const { session } = pendingTransfer();
    const turn = session.say("yes", understood("out_of_scope", { yes: true }, 0.2));
    expect(moneyEffects(turn)).toHaveLength(1);
    expect(session.bank.transfers).toHaveLength(1);
  });

  it("cancels on a typed no at the card: nothing moves", () => {
    const { session } = pendingTransfer();
    const turn = session.say("no", understood("out_of_scope", { no: true }, 0.2));
    expect(moneyEffects(turn)).toEqual([]);
    expect(session.state.task).toBeNull();
    expect(session.bank.transfers).toHaveLength(0);
  });

  it("fills the slot asked for with a bare answer the model reads as another question", () => {
    const session = new Session();
    session.say("I want to send money", understood("transfer"));
    const turn = session.say("30", understood("top_up_limits", { amount: usd(30) }, 0.6));
    expect(lastReply(turn).text).toMatch(/who should I send it to/i);
  });
});

describe("a message the open task cannot use", () => {
  it("repeats the question once, then drops the task for the fallback the second time", () => {
    const session = new Session();
    session.say("I want to send money", understood("transfer"));
    const first = session.say("blorp", understood("out_of_scope", {}, 0.2));
    expect(lastReply(first).text).toMatch(/^Sorry, I didn't catch that\..*how much/i);
    expect(session.state.task?.kind).toBe("transfer");
    session.say("blorp blorp", understood("out_of_scope", {}, 0.2));
    expect(session.state.task).toBeNull();
  });

  it("says another language is not understood yet, keeps the question and never counts it", () => {
    const session = new Session();
    session.say("I want to send money", understood("transfer"));
    for (let i = 0; i < 3; i++) {
      const turn = session.say("¿cuánto?", understood("out_of_scope", { otherLanguage: true }, 1));
      expect(lastReply(turn).text).toMatch(/^Sorry, I can only understand English for now\..*how much/i);
    }
    expect(session.state.task?.kind).toBe("transfer");
    expect(session.state.consecutiveFallbacks).toBe(0);
  });

  // sweep17: "actually only half that" under a card got "Sorry, I didn't catch that."
  it("takes 'half that' / 'double it' as the amount given so far, halved or doubled, on a new card", () => {
    const { session, confirmation } = pendingTransfer();
    const half = session.say("actually only half that", understood("out_of_scope", { query: { amountScale: 0.5, correction: true } }, 0.3));
    expect(lastReply(half).text).toMatch(/^OK, \$15\.00\. Send \$15\.00 from Checking ••1234 to/);
    expect(lastReply(half).confirmation?.id).not.toBe(confirmation.id);
    const double = session.say("double it", understood("out_of_scope", { query: { amountScale: 2 } }, 0.3));
    expect(lastReply(double).text).toMatch(/^OK, \$30\.00\./);
    expect(moneyEffects(double)).toEqual([]);
    // With no amount yet there is nothing to halve: the question stands.
    const fresh = new Session();
    fresh.say("I want to send money", understood("transfer"));
    const none = fresh.say("half that", understood("out_of_scope", { query: { amountScale: 0.5 } }, 0.3));
    expect(lastReply(none).text).toMatch(/how much/i);
  });

  it("explore25: 'pay my internet bill' at a transfer's card asks to drop it; Yes starts the bill, the figure then goes to the bill", () => {
    const session = new Session();
    session.bank.payees.push({ id: "pay-broadband", name: "Bright Broadband", mask: "5028", kind: "biller" });
    const { confirmation } = pendingTransfer(session);
    let turn = session.say("pay my internet bill", understood("pay_bill"));
    expect(lastReply(turn).text).toBe("We're in the middle of a transfer. Do you want to drop it and pay your internet bill instead?");
    expect(lastReply(turn).confirmation).toBeUndefined();
    turn = session.say("yes", understood("out_of_scope", { yes: true }, 0.2));
    expect(turn.replies.map((r) => r.text).join(" ")).toMatch(/^OK, I've dropped the transfer\. Nothing was sent\./);
    turn = session.say("45 from checking", understood("transfer", { amount: usd(45), fromRef: "checking", accountRefs: ["checking"] }));
    expect(lastReply(turn).confirmation?.summary).toMatch(/^Pay \$45\.00 .*to “Bright Broadband” ••5028/);
    // Alex's card was settled when the transfer was dropped: a late Yes on it sends nothing.
    turn = session.press(confirmation.id, "yes");
    expect(moneyEffects(turn)).toEqual([]);
    expect(session.bank.transfers).toHaveLength(0);
  });

  it("explore25: 'pay my internet bill 45' at a transfer's card leaves its amount as it was", () => {
    const session = new Session();
    session.bank.payees.push({ id: "pay-broadband", name: "Bright Broadband", mask: "5028", kind: "biller" });
    pendingTransfer(session);
    const turn = session.say("pay my internet bill 45", understood("pay_bill", { amount: usd(45) }));
    expect(lastReply(turn).text).toMatch(/drop it and pay your internet bill instead\?$/);
    session.say("no", understood("out_of_scope", { no: true }, 0.2));
    expect(session.state.task?.kind === "transfer" ? session.state.task.amount : undefined).toEqual(usd(30));
  });
});

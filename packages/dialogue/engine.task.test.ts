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
});

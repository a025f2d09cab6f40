import { describe, expect, it } from "vitest";
import { FakeBank, Session, lastReply, transactionRow, understood } from "../../../test/support/dialogue-session.js";

function afterSubscriptions(): Session {
  const bank = new FakeBank();
  bank.transactions = [transactionRow("Streamflix", -15_49, "2026-11-20", { category: "Subscriptions" }), transactionRow("Bluebird Coffee", -4_50, "2026-11-19", { category: "Coffee" })];
  const session = new Session(bank);
  session.say("what are my subscriptions", understood("transactions"));
  return session;
}

describe("cancelling a subscription (explore29)", () => {
  it("a subscription just listed, named alone: cancelled with the company; nothing starts", () => {
    const turn = afterSubscriptions().say("cancel streamflix", understood("out_of_scope", {}, 0.8));
    expect(lastReply(turn).text).toMatch(/^I can't cancel a subscription here: “Streamflix” stops charging you/);
    expect(turn.effects).toEqual([]);
  });

  it("named with the word subscription, with or without a list", () => {
    expect(lastReply(new Session().say("how do i cancel my gym membership", understood("out_of_scope", {}, 0.9))).text).toMatch(/^I can't cancel a subscription here: “gym”/);
    expect(lastReply(new Session().say("cancel a subscription", understood("out_of_scope", {}, 0.9))).text).toMatch(/^I can't cancel a subscription here: the company/);
  });

  it("leaves a merchant not listed as a subscription, and a transfer, to their own answers", () => {
    expect(lastReply(afterSubscriptions().say("cancel bluebird coffee", understood("out_of_scope", {}, 0.8))).text).not.toMatch(/subscription here/);
    expect(lastReply(new Session().say("cancel my transfer", understood("cancel_transfer", {}, 0.95))).text).not.toMatch(/subscription here/);
  });
});

import { describe, expect, it } from "vitest";
import { FakeBank, Session, fixtures, lastReply, understood, usd } from "../../../test/support/dialogue-session.js";
import { asksUnnamedLimitChange } from "./card-limit.js";

/** fixtures() with a $1,000.00 limit on the credit card (owing $120.00). */
function bank(withCredit = true): FakeBank {
  const data = fixtures();
  const accounts = data.accounts
    .map((a) => (a.type === "credit" ? { ...a, creditLimit: usd(1000), available: usd(880) } : a))
    .filter((a) => withCredit || a.type !== "credit");
  return new FakeBank({ ...data, accounts, cards: withCredit ? data.cards : data.cards.filter((c) => c.kind !== "credit") });
}
const texts = (r: { actions: Array<{ label: string } & ({ text: string } | object)> }) => r.actions.map((a) => ("text" in a ? a.text : a.label));

describe("a limit asked of a named card (facts24)", () => {
  it("the visa is a debit card: no credit limit, it spends from checking's available balance", () => {
    const turn = new Session(bank()).say("whats my card limit on the visa", understood("credit_limit", { cardBrand: "visa" }));
    const text = lastReply(turn).text;
    expect(text).toMatch(/^Visa ••4242 is a debit card, so it has no credit limit: what you spend with it comes straight out of Checking ••1234, which has \$450\.00 available now\./);
    expect(text).toMatch(/can't see a daily spending or cash withdrawal limit/);
    expect(text).not.toMatch(/\$1,000\.00/);
  });

  it("'my debit card' picks the debit card whatever the brand", () => {
    const turn = new Session(bank()).say("what's the limit on my debit card", understood("credit_limit"));
    expect(lastReply(turn).text).toMatch(/^Visa ••4242 is a debit card/);
  });

  it("the mastercard is the credit card: its limit and available credit", () => {
    const turn = new Session(bank()).say("credit limit on my mastercard", understood("credit_limit", { cardBrand: "mastercard" }));
    expect(lastReply(turn).text).toBe("Mastercard ••8888 is a credit card: your credit limit is $1,000.00 and you have $880.00 of available credit.");
  });

  it("'my card limit', no card named: each card's answer", () => {
    const turn = new Session(bank()).say("whats my card limit", understood("credit_limit"));
    expect(lastReply(turn).text).toMatch(/^Visa ••4242 is a debit card, so it has no credit limit: .*\. Mastercard ••8888 is a credit card: your credit limit is \$1,000\.00/);
    const debitOnly = new Session(bank(false)).say("whats my card limit", understood("credit_limit"));
    expect(lastReply(debitOnly).text).toMatch(/^Visa ••4242 is a debit card, so it has no credit limit/);
  });

  it("no card named: the credit card's limit as before, no cards read", () => {
    const turn = new Session(bank()).say("what is my credit limit", understood("credit_limit"));
    expect(turn.effects.map((e) => (e.kind === "load" ? e.what : e.kind))).toEqual(["accounts"]);
    expect(lastReply(turn).text).toMatch(/credit limit is \$1,000\.00 and you have \$880\.00 of available credit/);
  });
});

describe("can i increase my limit (facts24)", () => {
  it("with a credit card: which limit, a button for each", () => {
    const turn = new Session(bank()).say("can i increase my limit", understood("transfer_limit_change", {}, 0.9));
    const reply = lastReply(turn);
    expect(reply.text).toBe("Which limit do you mean: the credit limit on Credit card ••9012, or your transfer limit?");
    expect(texts(reply)).toEqual(["Can I increase my credit limit?", "Can you raise my transfer limit?"]);
  });

  it("without a credit card: the transfer limit's answer", () => {
    const turn = new Session(bank(false)).say("can i increase my limit", understood("credit_limit_change"));
    expect(lastReply(turn).text).toMatch(/^I can't change your transfer limits here in the chat/);
    expect(lastReply(turn).intent.name).toBe("transfer_limit_change");
  });

  it.each([
    ["can i increase my limit", "transfer_limit_change", true],
    ["raise my limit please", "credit_limit_change", true],
    ["can you raise my transfer limit?", "transfer_limit_change", false],
    ["can i increase my credit limit", "credit_limit_change", false],
    ["can i increase my limit", "credit_limit", false],
  ])("%j (%s) names no limit: %s", (text, intent, expected) => {
    expect(asksUnnamedLimitChange({ name: intent, confidence: 1 }, text)).toBe(expected);
  });
});

describe("an ATM limit (facts24)", () => {
  it.each(["whats my daily atm limit", "what is the cash withdrawal limit on my visa", "how much cash can i take out a day", "how much can i take out at the atm", "how much money can i withdraw from an atm"])("%j: none is said, a person offered", (text) => {
    const turn = new Session(bank()).say(text, understood("atm_support", {}, 0.38));
    expect(lastReply(turn).text).toMatch(/^I can't see an ATM or cash withdrawal limit for your cards here/);
    expect(lastReply(turn).text).not.toMatch(/\$/);
    expect(texts(lastReply(turn))).toContain("Talk to a person");
  });
});

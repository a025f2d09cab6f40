/** Disputes (flows/disputes.ts): find candidates, pick one, record the case, offer a freeze. */
import { describe, expect, it } from "vitest";
import { FakeBank, Session, allText, lastReply, moneyEffects, understood, usd } from "../../../test/support/dialogue-session.js";
import type { TransactionView } from "../types.js";
import { refusesEveryCharge } from "./disputes.js";

const charge = (id: string, day: string, merchant: string, dollars: number, accountId = "acc-chk"): TransactionView => ({
  id,
  postedAt: `${day}T10:00:00.000Z`,
  merchant,
  category: "Shopping",
  amount: usd(-dollars),
  status: "posted",
  accountId,
});

function bank(): FakeBank {
  const b = new FakeBank();
  b.transactions = [
    charge("t4", "2026-11-20", "Bluebird Coffee", 4.5),
    charge("t3", "2026-11-19", "Bluebird Coffee", 4.5),
    charge("t2", "2026-11-12", "Amazon", 23),
    charge("t1", "2026-11-02", "Amazon", 61.2),
  ];
  return b;
}

describe("disputes", () => {
  it("lists the candidate charges, records the one picked, and finds it again instead of opening a second", () => {
    const session = new Session(bank());
    let turn = session.say("dispute the Amazon charge", understood("out_of_scope", { query: { dispute: "open", disputeReason: "other", chargeMerchant: "Amazon" } }, 0.2));
    expect(lastReply(turn).text).toBe(
      "Which charge would you like to dispute? 1. $23.00 at “Amazon” on 12 Nov 2026; 2. $61.20 at “Amazon” on 2 Nov 2026.",
    );
    expect(lastReply(turn).actions.map((a) => a.label)).toEqual(["1. Amazon", "2. Amazon", "None of these"]);
    turn = session.say("charge 2", understood("out_of_scope", { query: { choice: 2 } }, 0.3));
    expect(lastReply(turn).text).toMatch(/^I've opened dispute DSP-000001 for the \$61\.20 charge at “Amazon” on 2 Nov 2026\./);
    expect(session.bank.disputes).toHaveLength(1);
    expect(session.state.task).toBeNull();

    session.say("I want to dispute the Amazon charge", understood("dispute", { query: { dispute: "open", chargeMerchant: "Amazon" } }));
    turn = session.say("2", understood("out_of_scope", { amount: usd(2), query: { choice: 2 } }, 0.3));
    expect(lastReply(turn).text).toMatch(/already have a dispute for that charge: DSP-000001, open/);
    expect(session.bank.disputes).toHaveLength(1);
  });

  it("never offers the customer's own transfers as charges to dispute", () => {
    const b = bank();
    b.transactions.unshift({ ...charge("t5", "2026-11-21", "Transfer to Savings", 100), category: "Transfers" });
    const session = new Session(b);
    const turn = session.say("I don't recognise this charge", understood("card_payment_not_recognised", { query: { disputeReason: "unrecognised", chargeRef: true } }));
    expect(lastReply(turn).text).not.toMatch(/Transfer to Savings/);
  });

  // flows24: only the repeat was listed, so "the second one" got "There's no charge number 2.".
  it("finds the charge made twice: both charges of the pair, the earlier first; a yes disputes the repeat", () => {
    const session = new Session(bank());
    const twice = understood("transaction_charged_twice", { query: { disputeReason: "duplicate", chargeRef: true } });
    const turn = session.say("I was charged twice", twice);
    expect(lastReply(turn).text).toBe(
      "These look like the same charge made twice: 1. $4.50 at “Bluebird Coffee” on 19 Nov 2026; 2. $4.50 at “Bluebird Coffee” on 20 Nov 2026. Shall I dispute the second one? You can also pick the other.",
    );
    expect(lastReply(turn).actions?.map((a) => a.label)).toEqual(["1. Bluebird Coffee", "2. Bluebird Coffee", "None of these"]);
    const done = session.say("yes", understood("out_of_scope", { yes: true }, 0.2));
    expect(lastReply(done).text).toMatch(/opened dispute DSP-000001/);
    expect(session.bank.disputes[0]).toMatchObject({ transactionId: "t4", reason: "duplicate" });
  });

  it("'the first one' / 'the second one' of a charge made twice picks that charge", () => {
    const twice = understood("transaction_charged_twice", { query: { disputeReason: "duplicate", chargeRef: true } });
    for (const [choice, id] of [[1, "t3"], [2, "t4"]] as const) {
      const session = new Session(bank());
      session.say("I was charged twice", twice);
      const done = session.say(choice === 1 ? "the first one" : "the second one", understood("out_of_scope", { query: { choice } }, 0.6));
      expect(lastReply(done).text).toMatch(/opened dispute DSP-000001/);
      expect(session.bank.disputes).toMatchObject([{ transactionId: id, reason: "duplicate" }]);
    }
  });

  it("several charges made twice: every pair listed, and a yes picks none", () => {
    const b = bank();
    b.transactions.unshift(charge("t6", "2026-11-22", "Sakura Sushi", 30), charge("t5", "2026-11-21", "Sakura Sushi", 30));
    const session = new Session(b);
    const turn = session.say("I was charged twice", understood("transaction_charged_twice", { query: { disputeReason: "duplicate", chargeRef: true } }));
    expect(lastReply(turn).text).toMatch(/^These look like charges made twice: 1\. \$30\.00 at “Sakura Sushi” on 21 Nov 2026; 2\. \$30\.00 at “Sakura Sushi” on 22 Nov 2026; 3\. \$4\.50 at “Bluebird Coffee” on 19 Nov 2026; 4\. \$4\.50 at “Bluebird Coffee” on 20 Nov 2026\. Which one should I dispute\?$/);
    session.say("yes", understood("out_of_scope", { yes: true }, 0.2));
    expect(session.bank.disputes).toEqual([]);
  });

  it("offers to freeze the card for a charge not recognised (Yes/No), and hands off to a person", () => {
    const session = new Session(bank());
    let turn = session.say("I don't recognise this charge", understood("card_payment_not_recognised", { query: { disputeReason: "unrecognised", chargeRef: true } }));
    expect(lastReply(turn).text).toMatch(/^Which charge would you like to dispute\? 1\. \$4\.50/);
    turn = session.say("the third one", understood("out_of_scope", { query: { choice: 3 } }, 0.2));
    expect(allText(turn)).toMatch(/opened dispute DSP-000001 for the \$23\.00 charge/);
    expect(allText(turn)).toMatch(/member of our team will also look at this/);
    expect(turn.effects.some((e) => e.kind === "handoff" && e.reason === "fraud_risk")).toBe(true);
    const offer = lastReply(turn);
    expect(offer.text).toMatch(/^Would you like me to freeze Visa ••4242 now/);
    expect(offer.confirmation).toBeDefined();
    expect(moneyEffects(turn)).toEqual([]);
    turn = session.press(offer.confirmation!.id, "yes");
    expect(lastReply(turn).text).toMatch(/Visa ••4242 is frozen/);
    expect(session.bank.cards.find((c) => c.id === "card-1")?.status).toBe("frozen");
  });

  it("treats a general question about unrecognised payments as a question", () => {
    const session = new Session(bank());
    const turn = session.say("what do I do about a payment I don't recognise", understood("card_payment_not_recognised", { query: { disputeReason: "unrecognised", question: true } }));
    expect(session.bank.executed.filter((e) => e.kind === "load")).toEqual([]);
    expect(lastReply(turn).intent.name).toBe("card_payment_not_recognised");
  });

  it("says so when there is nothing to dispute, and offers a person", () => {
    const session = new Session(bank());
    const turn = session.say("dispute the Netflix charge", understood("dispute", { query: { dispute: "open", chargeMerchant: "Netflix" } }));
    expect(lastReply(turn).text).toMatch(/^I couldn't find a charge from “Netflix” in the last 90 days/);
    expect(lastReply(turn).actions.map((a) => a.label)).toContain("Talk to a person");
  });

  it("lists disputes with their status, scoped to what the bank returned", () => {
    const session = new Session(bank());
    let turn = session.say("show my disputes", understood("list_disputes", { query: { dispute: "list" } }));
    expect(lastReply(turn).text).toMatch(/don't have any disputes/);
    session.say("dispute the Amazon charge", understood("dispute", { query: { dispute: "open", chargeMerchant: "Amazon" } }));
    session.say("1", understood("out_of_scope", { query: { choice: 1 } }, 0.2));
    turn = session.say("what's the status of my dispute", understood("out_of_scope", { query: { dispute: "list", question: true } }, 0.4));
    expect(lastReply(turn).text).toBe("Your dispute: DSP-000001: $23.00 at “Amazon” on 12 Nov 2026 — open (opened 24 Nov 2026).");
    expect(lastReply(turn).data?.kind).toBe("disputes");
  });

  it("says a dispute can't be withdrawn in the chat, offers a person, and shows where the disputes stand", () => {
    const session = new Session(bank());
    session.say("dispute the Amazon charge", understood("dispute", { query: { dispute: "open", chargeMerchant: "Amazon" } }));
    session.say("1", understood("out_of_scope", { query: { choice: 1 } }, 0.2));
    const turn = session.say("cancel my dispute", understood("list_disputes", { cancelRequest: true, query: { dispute: "list" } }));
    const [first, last] = [turn.replies[0]!, lastReply(turn)];
    expect(first.text).toMatch(/^I can't withdraw a dispute here, but a member of our team can/);
    expect(first.actions.map((a) => a.label)).toContain("Talk to a person");
    expect(last.text).toMatch(/^Your dispute: DSP-000001: .* — open/);
    expect(session.bank.disputes).toHaveLength(1);
  });

  it("cancels on none of these", () => {
    const session = new Session(bank());
    session.say("dispute the Amazon charge", understood("dispute", { query: { dispute: "open", chargeMerchant: "Amazon" } }));
    const turn = session.say("cancel", understood("cancel_transfer", { no: true, query: { cancel: true } }));
    expect(lastReply(turn).text).toMatch(/haven't opened a dispute/);
    expect(session.bank.disputes).toHaveLength(0);
  });
});

describe("explore26: the list refused in words, a merchant asked about twice", () => {
  it.each(["none of these", "None of them", "neither", "no, none of those", "it's not there", "its not listed", "not on the list"])("'%s' at the list opens nothing", (text) => {
    const session = new Session(bank());
    session.say("dispute a charge", understood("dispute", { query: { dispute: "open" } }));
    const turn = session.say(text, understood("out_of_scope", {}, 0.3));
    expect(lastReply(turn).text).toMatch(/^OK, I haven't opened a dispute\./);
    expect(session.bank.disputes).toHaveLength(0);
  });

  it.each(["none of these are wrong, charge 2", "the second one is not there"])("'%s' is no refusal of the list", (text) => {
    expect(refusesEveryCharge(text)).toBe(false);
  });

  it("'did amazon charge me twice' with two different amounts: says so, with the charges, and opens nothing", () => {
    const session = new Session(bank());
    const turn = session.say("did amazon charge me twice", understood("transaction_charged_twice", { query: { disputeReason: "duplicate", chargeRef: true, chargeMerchant: "amazon", question: true } }));
    expect(lastReply(turn).text).toBe(
      "I can't see “Amazon” charging you twice: its charges in the last 90 days are $23.00 on 12 Nov 2026 and $61.20 on 2 Nov 2026, none of them repeated. If one of them looks wrong, I can open a dispute for it.",
    );
    expect(session.bank.disputes).toHaveLength(0);
  });

  it("'did netflix charge me twice' with no charge from it: says there is none", () => {
    const session = new Session(bank());
    const turn = session.say("did netflix charge me twice", understood("transaction_charged_twice", { query: { disputeReason: "duplicate", chargeRef: true, chargeMerchant: "netflix", question: true } }));
    expect(lastReply(turn).text).toMatch(/^I couldn't find a charge from “netflix” in the last 90 days/);
  });

  it("'charged twice at the gas station': the charges of that kind of place are searched, not a merchant called 'gas'", () => {
    const session = new Session(bank());
    const turn = session.say("i was charged twice at the gas station", understood("transaction_charged_twice", { query: { disputeReason: "duplicate", chargeRef: true, chargeMerchant: "gas" } }));
    expect(turn.effects.find((e) => e.kind === "load")).toMatchObject({ what: "transactions", query: { merchant: "transport" } });
    expect(lastReply(turn).text).toMatch(/^I couldn't find a charge for transport in the last 90 days/);
  });

  it("'did bluebird coffee charge me twice' with a pair: the pair, as before", () => {
    const session = new Session(bank());
    const turn = session.say("did bluebird coffee charge me twice", understood("transaction_charged_twice", { query: { disputeReason: "duplicate", chargeRef: true, chargeMerchant: "bluebird coffee" } }));
    expect(lastReply(turn).text).toMatch(/^These look like the same charge made twice: 1\. \$4\.50 at “Bluebird Coffee”/);
  });
});

describe("a charge described instead of picked by number (sweep12)", () => {
  const described = () => {
    const b = bank();
    b.transactions.unshift(charge("t7", "2026-11-23", "Shell", 42.1), charge("t6", "2026-11-21", "Shell", 30));
    return new Session(b);
  };
  const yesterday = { from: "2026-11-23", to: "2026-11-23" };

  it("'dispute the 42.10 at shell yesterday' offers that charge alone", () => {
    const session = described();
    const turn = session.say("I want to dispute the 42.10 at shell yesterday", understood("dispute", { dateRange: yesterday, query: { dispute: "open" } }));
    // It listed every charge of the last 90 days, Bluebird Coffee and the other Shell charge among them.
    expect(lastReply(turn).text).toBe("Is this the charge you mean? 1. $42.10 at “Shell” on 23 Nov 2026.");
    const done = session.say("yes", understood("out_of_scope", { yes: true }, 0.2));
    expect(lastReply(done).text).toMatch(/^I've opened dispute DSP-000001 for the \$42\.10 charge at “Shell”/);
    expect(session.bank.disputes.map((d) => d.transactionId)).toEqual(["t7"]);
  });

  it("'the 42.10 one' picks it from the list, never read as a new transfer", () => {
    const session = described();
    session.say("dispute my shell charge", understood("dispute", { query: { dispute: "open", chargeMerchant: "Shell" } }));
    // The model reads a bare figure as a transfer: it got "Do you want to drop it and make a new transfer instead?".
    const turn = session.say("the 42.10 one", understood("transfer", {}, 0.96));
    expect(lastReply(turn).text).toMatch(/^I've opened dispute DSP-000001 for the \$42\.10 charge at “Shell”/);
    expect(session.bank.disputes.map((d) => d.transactionId)).toEqual(["t7"]);
    expect(moneyEffects(turn)).toEqual([]);
  });

  it("'the one from yesterday' picks the charge of that day, not the transactions list", () => {
    const session = described();
    session.say("dispute my shell charge", understood("dispute", { query: { dispute: "open", chargeMerchant: "Shell" } }));
    const turn = session.say("the one from yesterday", understood("transactions", { dateRange: yesterday }, 0.84));
    expect(lastReply(turn).text).toMatch(/^I've opened dispute DSP-000001 for the \$42\.10 charge at “Shell”/);
  });

  it("a transfer with the same figure to someone is no pick: it asks before dropping the dispute", () => {
    const session = described();
    session.say("dispute my shell charge", understood("dispute", { query: { dispute: "open", chargeMerchant: "Shell" } }));
    const turn = session.say("send 42.10 to Alex", understood("transfer", { amount: usd(42.1), payeeName: "Alex Kim" }));
    expect(lastReply(turn).text).toBe("We're in the middle of a dispute. Do you want to drop it and make a new transfer instead?");
    expect(session.bank.disputes).toEqual([]);
  });
});

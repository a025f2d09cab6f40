/**
 * Messages in the middle of a task that are not its answer (flows/interruptions.ts): a question is
 * answered and the task resumes, cancel ends it, another action asks before dropping it.
 */
import { describe, expect, it } from "vitest";
import { Session, allText, lastReply, moneyEffects, understood, usd } from "../../../test/support/dialogue-session.js";
import { NONE_SCHEDULED } from "./schedules.js";

describe("questions in the middle of a task", () => {
  const start = () => {
    const session = new Session();
    session.say("send 40 to Alex", understood("transfer", { amount: usd(40), payeeName: "Alex" }));
    return session;
  };

  it("answers the question, never fills the slot from it, and resumes with the pending question", () => {
    const session = start();
    const turn = session.say(
      "what is the interest rate on my savings?",
      understood("out_of_scope", { accountRefs: ["savings"], query: { question: true } }, 0.93),
    );
    expect(turn.replies.some((r) => r.confirmation)).toBe(false);
    expect(lastReply(turn).text).toBe("Back to your transfer: Which account should I send it from?");
    expect(session.state.task?.kind === "transfer" && session.state.task.from).toBeUndefined();
    const next = session.say("checking", understood("balance", { accountRefs: ["checking"] }));
    expect(lastReply(next).confirmation?.summary).toBe("Send $40.00 from Checking ••1234 to “Alex Kim” ••4321?");
  });

  it("takes a thanks or a hello in its stride: one short reply that asks the task's question again", () => {
    for (const [text, intent, lead] of [["thanks!", "thanks", "You're welcome!"], ["hi", "greeting", "Hi!"]] as const) {
      const session = start();
      const turn = session.say(text, understood(intent));
      // "thanks!" once got "Anything else I can help with?" and then "Back to your transfer: …".
      expect(turn.replies.map((r) => r.text), text).toEqual([`${lead} Which account should I send it from?`]);
      expect(session.state.task?.kind, text).toBe("transfer");
    }
  });

  it("answers an FAQ question and resumes", () => {
    const session = start();
    const turn = session.say("how long does a transfer take?", understood("transfer_timing", { query: { question: true } }));
    expect(turn.replies).toHaveLength(2);
    expect(lastReply(turn).text).toMatch(/^Back to your transfer: Which account/);
  });

  it("answers a data question (a load) and resumes after its answer", () => {
    const session = start();
    const turn = session.say("what's my savings balance?", understood("balance", { accountRefs: ["savings"], query: { question: true } }));
    expect(turn.replies.map((r) => r.text)).toEqual(["Savings ••5678: $2,000.00.", "Back to your transfer: Which account should I send it from?"]);
  });

  it("answers a question about the customer's data that the model found out of scope, as it would outside a task", () => {
    const session = start();
    session.bank.transactions = [
      { id: "t1", postedAt: "2026-11-20T10:00:00Z", merchant: "Daily Grind", category: "Coffee", amount: { minor: -4_50, currency: "USD" }, status: "posted" },
      { id: "t2", postedAt: "2026-11-21T10:00:00Z", merchant: "Daily Grind", category: "Coffee", amount: { minor: -5_00, currency: "USD" }, status: "posted" },
      { id: "t3", postedAt: "2026-11-22T10:00:00Z", merchant: "Bookhaven", category: "Shopping", amount: { minor: -30_00, currency: "USD" }, status: "posted" },
    ];
    const turn = session.say(
      "where do I shop most often?",
      understood("out_of_scope", { query: { question: true, superlative: "most_frequent_merchant" } }, 0.99),
    );
    const texts = turn.replies.map((r) => r.text);
    expect(texts[0]).toMatch(/^You paid “Daily Grind” most often/);
    expect(texts.join(" ")).not.toMatch(/can't answer that one here/);
    expect(lastReply(turn).text).toBe("Back to your transfer: Which account should I send it from?");
  });

  it("lists the scheduled payments and resumes, rather than dropping the transfer", () => {
    const session = start();
    const turn = session.say("show my scheduled payments", understood("scheduled_payments"));
    expect(turn.replies.map((r) => r.text)).toEqual([
      NONE_SCHEDULED,
      "Back to your transfer: Which account should I send it from?",
    ]);
    expect(session.state.task?.kind).toBe("transfer");
  });

  it("ends the task on cancel, never mind or stop", () => {
    for (const text of ["cancel", "never mind", "stop"]) {
      const session = start();
      const turn = session.say(text, understood("cancel_transfer", { no: true, query: { cancel: true } }));
      expect(lastReply(turn).text, text).toMatch(/cancelled that transfer/);
      expect(session.state.task).toBeNull();
    }
  });

  it("asks before dropping the task for another money action, and drops it only on yes", () => {
    let session = start();
    let turn = session.say("freeze my card", understood("freeze_card", {}));
    expect(lastReply(turn).text).toBe("We're in the middle of a transfer. Do you want to drop it and freeze a card instead?");
    expect(moneyEffects(turn)).toEqual([]);
    turn = session.say("no", understood("out_of_scope", { no: true }, 0.3));
    expect(lastReply(turn).text).toMatch(/^OK, let's carry on\. Which account/);
    expect(session.state.task?.kind).toBe("transfer");

    session = start();
    session.say("freeze my card", understood("freeze_card", {}));
    turn = session.say("yes", understood("out_of_scope", { yes: true }, 0.3));
    expect(allText(turn)).toMatch(/dropped the transfer\. Nothing was sent/);
    expect(allText(turn)).toMatch(/Visa ••4242 is frozen/);

    // A bill payment dropped says nothing was paid (it said "Nothing was sent").
    session = new Session();
    session.say("pay my bill", understood("pay_bill"));
    session.say("freeze my card", understood("freeze_card", {}));
    turn = session.say("yes", understood("out_of_scope", { yes: true }, 0.3));
    expect(allText(turn)).toMatch(/dropped the bill payment\. Nothing was paid/);
  });

  it("calls a payment to the customer's own card a card payment when it is cancelled, dropped or set aside, whatever the intent", () => {
    // "make a payment on my credit card" (pay_bill), then cancel: "OK, I've cancelled that bill payment."
    let session = new Session();
    session.say("make a payment on my credit card", understood("pay_bill", { accountRefs: ["credit"] }));
    let turn = session.say("cancel", understood("out_of_scope", { no: true, query: { cancel: true } }, 0.3));
    expect(lastReply(turn).text).toBe("OK, I've cancelled that card payment. Nothing was paid.");

    session = new Session();
    session.say("pay 50 on my credit card from checking", understood("pay_bill", { amount: usd(50), fromRef: "checking", accountRefs: ["credit", "checking"] }));
    turn = session.say("freeze my card", understood("freeze_card", {}));
    expect(lastReply(turn).text).toBe("We're in the middle of a card payment. Do you want to drop it and freeze a card instead?");
    turn = session.say("yes", understood("out_of_scope", { yes: true }, 0.3));
    expect(allText(turn)).toMatch(/dropped the card payment\. Nothing was paid/);

    // A transfer to the card (intent transfer) reads the same; a bill to a biller stays a bill payment.
    session = new Session();
    session.say("transfer 50 to my credit card", understood("transfer", { amount: usd(50), toRef: "credit", accountRefs: ["credit"] }));
    expect(lastReply(session.say("no", understood("out_of_scope", { no: true }, 0.3))).text).toBe("OK, I've cancelled that card payment. Nothing was paid.");
    session = new Session();
    session.say("pay my bill", understood("pay_bill"));
    expect(lastReply(session.say("no", understood("out_of_scope", { no: true }, 0.3))).text).toBe("OK, I've cancelled that bill payment. Nothing was paid.");
  });

  it("acknowledges a correction, also before the amount was asked for", () => {
    const session = new Session();
    session.say("send money to Alex", understood("transfer", { payeeName: "Alex" }));
    let turn = session.say("from checking", understood("transfer", { fromRef: "checking" }));
    expect(lastReply(turn).text).toMatch(/How much/);
    turn = session.say("actually make it 45", understood("transfer", { amount: usd(45), query: { correction: true } }));
    expect(lastReply(turn).text).toMatch(/^Send \$45\.00/);

    const asked = start();
    turn = asked.say("actually make it 45", understood("transfer", { amount: usd(45), query: { correction: true } }, 0.86));
    expect(lastReply(turn).text).toBe("OK, $45.00. Which account should I send it from?");
    turn = asked.say("checking", understood("balance", { accountRefs: ["checking"] }));
    turn = asked.say("make it 50", understood("transfer", { amount: usd(50) }));
    expect(lastReply(turn).text).toBe("OK, $50.00. Send $50.00 from Checking ••1234 to “Alex Kim” ••4321?");
  });

  it("brings a set-aside task back if its question's answer never came (a restart mid-turn)", () => {
    const session = start();
    session.autoExecute = false;
    session.say("what's my savings balance?", understood("balance", { accountRefs: ["savings"], query: { question: true } }));
    expect(session.state.task?.kind).toBe("lookup");
    session.autoExecute = true;
    const turn = session.say("checking", understood("balance", { accountRefs: ["checking"] }));
    expect(lastReply(turn).confirmation?.summary).toBe("Send $40.00 from Checking ••1234 to “Alex Kim” ••4321?");
  });

  it("asks before dropping the task for a dispute, too", () => {
    const session = start();
    const turn = session.say("I was charged twice", understood("transaction_charged_twice", { query: { disputeReason: "duplicate", chargeRef: true } }));
    expect(lastReply(turn).text).toBe("We're in the middle of a transfer. Do you want to drop it and dispute a charge instead?");
    expect(session.state.task?.kind).toBe("transfer");
  });

  // Session 28: the correction replaced the waiting request, whose destination the Yes then asked for.
  it("a correction at 'drop it …?' corrects the request waiting, asked again, never moving money", () => {
    const session = new Session();
    session.say("i think someone used my card", understood("compromised_card", {}));
    expect(session.state.task?.kind).toBe("card");
    session.say("send 40 to Alex", understood("transfer", { amount: usd(40), payeeName: "Alex" }));
    let turn = session.say("actually make it 30", understood("transfer", { amount: usd(30), query: { correction: true } }));
    expect(lastReply(turn).text).toMatch(/Do you want to drop it and make a new transfer instead\?$/);
    expect(moneyEffects(turn)).toEqual([]);
    turn = session.say("yes", understood("out_of_scope", { yes: true }, 0.3));
    expect(allText(turn)).toMatch(/How much|Which account should I send it from/);
    expect(JSON.stringify(session.state.task?.kind === "transfer" && session.state.task.to)).toMatch(/pay-alex/);
    expect(session.state.task?.kind === "transfer" && session.state.task.amount).toEqual(usd(30));
  });

  // explore27: the button's words typed got "Sorry, I didn't catch that.".
  it("'no, carry on' typed at 'drop it …?' keeps the task and asks its question again", () => {
    const session = start();
    session.say("I was charged twice", understood("transaction_charged_twice", { query: { disputeReason: "duplicate", chargeRef: true } }));
    const turn = session.say("no, carry on", understood("out_of_scope", {}, 0.99));
    expect(lastReply(turn).text).toMatch(/^OK, let's carry on\./);
    expect(session.state.task?.kind).toBe("transfer");
    expect(moneyEffects(turn)).toEqual([]);
  });

  it("holds the task on 'wait' or 'let me think': no misunderstanding, however often, and a yes after still confirms", () => {
    const session = new Session();
    session.say("send 40 to Alex from checking", understood("transfer", { amount: usd(40), payeeName: "Alex", accountRefs: ["checking"], fromRef: "checking" }));
    expect(session.state.task?.kind === "transfer" && session.state.task.confirmation).toBeTruthy();
    for (const text of ["wait", "hmm let me think", "hold on", "one sec"]) {
      const turn = session.say(text, understood("out_of_scope", { hold: true }, 0.9));
      // Twice "Sorry, I didn't catch that." dropped the transfer for a hand-off to staff.
      expect(lastReply(turn).text, text).toMatch(/^Sure, take your time\. Send \$40\.00 from Checking/);
      expect(lastReply(turn).confirmation, text).toBeTruthy();
      expect(moneyEffects(turn), text).toEqual([]);
    }
    expect(session.state.consecutiveFallbacks).toBe(0);
    const turn = session.say("yes", understood("out_of_scope", { yes: true }, 0.3));
    expect(moneyEffects(turn)).toHaveLength(1);
  });

  it("drops the task when the customer asks for a person mid-task, so a later yes moves nothing", () => {
    const session = new Session();
    session.say("send 40 to Alex from checking", understood("transfer", { amount: usd(40), payeeName: "Alex", accountRefs: ["checking"], fromRef: "checking" }));
    const turn = session.say("let me talk to a person", understood("human_agent"));
    // The transfer came back ("Back to your transfer: Send $40.00 …?") and the next "yes" sent it.
    expect(allText(turn)).toMatch(/cancelled that transfer\. Nothing was sent/);
    expect(turn.effects.some((e) => e.kind === "handoff")).toBe(true);
    expect(session.state.task).toBeNull();
    expect(moneyEffects(session.say("yes", understood("out_of_scope", { yes: true }, 0.3)))).toEqual([]);
  });
});

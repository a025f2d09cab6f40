/** Small talk, fallbacks, FAQ answers and the hand-off to a person (flows/conversation.ts). */
import { describe, expect, it } from "vitest";
import { FALLBACK_CONFIDENCE, FALLBACKS_BEFORE_HANDOFF, clearHandoff } from "../index.js";
import { Session, allText, lastReply, moneyEffects, understood, usd } from "../../../test/support/dialogue-session.js";
import type { Effect } from "../types.js";

const handoffs = (effects: Effect[]) => effects.filter((e) => e.kind === "handoff");

describe("hand-off to a person", () => {
  it("on request: marks the session, tells the customer what happens, emits one handoff", () => {
    const session = new Session();
    const turn = session.say("can I talk to a human", understood("human_agent"));
    expect(handoffs(turn.effects)).toMatchObject([{ reason: "customer_request", intent: "human_agent" }]);
    expect(session.state.handoff?.reason).toBe("customer_request");
    expect(lastReply(turn).text).toMatch(/reply here in this chat/);
    const again = session.say("human please", understood("human_agent"));
    expect(handoffs(again.effects)).toEqual([]);
    expect(lastReply(again).text).toMatch(/already in the queue/);
    expect(clearHandoff(session.state).handoff).toBeNull();
  });

  it("a 'hello?' while waiting says the customer is still in the queue (explore19: it got Teller's greeting alone)", () => {
    const session = new Session();
    session.say("can I talk to a human", understood("human_agent"));
    const hello = session.say("hello?", understood("greeting"));
    expect(lastReply(hello).text).toMatch(/^Hi! You're still in the queue for a member of our team; they'll reply here in this chat\. Meanwhile, I can show your balances/);
    expect(handoffs(hello.effects)).toEqual([]);
    expect(lastReply(new Session().say("hello", understood("greeting"))).text).toMatch(/^Hi! I'm Teller\./);
  });

  it("marks a waiting hand-off as fraud when fraud is reported meanwhile, and never lowers it", () => {
    const session = new Session();
    session.say("can I talk to a human", understood("human_agent"));
    const fraud = session.say("I want to report fraud", understood("report_fraud"));
    expect(handoffs(fraud.effects)).toMatchObject([{ reason: "fraud", intent: "report_fraud" }]);
    expect(session.state.handoff?.reason).toBe("fraud");
    expect(fraud.replies.map((r) => r.text).join(" ")).toMatch(/already in the queue for a member of our team, and I've marked it as a fraud report/);
    const again = session.say("human please", understood("human_agent"));
    expect(handoffs(again.effects)).toEqual([]);
    expect(session.state.handoff?.reason).toBe("fraud");
  });

  it("answers 'what can you do?' and 'are you a bot?' with what Teller does, never as a fallback or a hand-off", () => {
    const session = new Session();
    const aboutTeller = { query: { aboutTeller: true, question: true } };
    for (const [text, intent] of [["what can you do", "out_of_scope"], ["who are you", "out_of_scope"], ["are you human", "human_agent"]] as const) {
      const turn = session.say(text, understood(intent, aboutTeller, 0.99));
      expect(lastReply(turn).text, text).toMatch(/^I'm Teller, your bank's automated assistant\. I can show your balances/);
      expect(lastReply(turn).actions.map((a) => a.label), text).toContain("Talk to a person");
      expect(handoffs(turn.effects), text).toEqual([]);
    }
    expect(session.state.handoff).toBeNull();
    // A plain out-of-scope message right after is the first fallback, not the second.
    const off = session.say("book me a flight", understood("out_of_scope", {}, 0.99));
    expect(lastReply(off).text).toMatch(/^Sorry, I can't help with that/);
    expect(handoffs(off.effects)).toEqual([]);
  });

  it("tells a customer writing in another language that Teller reads English only, and hands off only when asked", () => {
    const session = new Session();
    for (const text of ["hola, cuál es mi saldo?", "quel est mon solde"]) {
      const turn = session.say(text, understood("out_of_scope", { otherLanguage: true }, 1));
      expect(lastReply(turn).text, text).toMatch(/^Sorry, I can only understand English for now\./);
      expect(lastReply(turn).actions.map((a) => a.label), text).toContain("Talk to a person");
      expect(handoffs(turn.effects), text).toEqual([]);
    }
    expect(session.state.handoff).toBeNull();
  });

  it("in the middle of a transfer, says it reads English only and keeps the question, however often", () => {
    const session = new Session();
    session.say("send 40 to Alex", understood("transfer", { amount: usd(40), payeeName: "Alex" }));
    for (const text of ["desde la cuenta corriente", "de la cuenta corriente por favor"]) {
      const turn = session.say(text, understood("out_of_scope", { otherLanguage: true }, 1));
      expect(lastReply(turn).text, text).toBe("Sorry, I can only understand English for now. Which account should I send it from?");
      expect(handoffs(turn.effects), text).toEqual([]);
    }
    expect(session.state.task?.kind).toBe("transfer");
  });

  it("says there is nothing to cancel when a bare 'cancel' or 'stop' comes with nothing in progress", () => {
    const session = new Session();
    for (const [text, intent] of [["cancel", "cancel_transfer"], ["cancel it", "cancel_transfer"], ["stop", "goodbye"]] as const) {
      const turn = session.say(text, understood(intent, { no: true, query: { cancel: true } }, 0.9));
      expect(lastReply(turn).text, text).toMatch(/^There's nothing in progress to cancel/);
      expect(handoffs(turn.effects)).toEqual([]);
    }
    // Asking about cancelling a transfer already made is the FAQ, as before.
    const faq = session.say("can I cancel a transfer", understood("cancel_transfer", { query: { question: true } }));
    expect(lastReply(faq).text).toMatch(/once it's sent I can't cancel it/);
  });

  it("gives time on 'wait' or 'hold on' with nothing in progress: no fallback, however often, and no hand-off", () => {
    const session = new Session();
    for (const text of ["wait", "hold on", "one sec", "hmm"]) {
      const turn = session.say(text, understood("out_of_scope", { hold: true }, 0.9));
      // It got "Sorry, I can't help with that." and, the second time, a hand-off to staff.
      expect(lastReply(turn).text, text).toBe("Sure, take your time. I'm here when you're ready.");
      expect(handoffs(turn.effects), text).toEqual([]);
    }
    expect(session.state.consecutiveFallbacks).toBe(0);
    // Not a misunderstanding either: the next unreadable message is the first fallback, not the second.
    expect(handoffs(session.say("blorp", understood("out_of_scope", {}, 0.9)).effects)).toEqual([]);
  });

  it(`after ${FALLBACKS_BEFORE_HANDOFF} fallbacks in a row, including low-confidence turns`, () => {
    const session = new Session();
    const first = session.say("blorp", understood("out_of_scope", {}, 0.9));
    expect(handoffs(first.effects)).toEqual([]);
    expect(lastReply(first).text).toMatch(/I can show your balances/);
    const second = session.say("what about the thing", understood("card_arrival", {}, FALLBACK_CONFIDENCE - 0.01));
    expect(handoffs(second.effects)).toMatchObject([{ reason: "repeated_fallback" }]);
  });

  it("records a fallback reply as out_of_scope, whatever the model's unsure guess was", () => {
    const session = new Session();
    // The reply carried the guess ("card_arrival" at 0.45) as its intent, as if it had been understood.
    const first = session.say("what about the thing", understood("card_arrival", {}, FALLBACK_CONFIDENCE - 0.05));
    expect(lastReply(first).intent).toEqual({ name: "out_of_scope", confidence: FALLBACK_CONFIDENCE - 0.05 });
    const second = session.say("blorp", understood("transfer", {}, 0.2));
    expect(second.replies.map((r) => r.intent.name)).toEqual(["out_of_scope", "out_of_scope"]);
    expect(handoffs(second.effects)).toMatchObject([{ reason: "repeated_fallback", intent: "out_of_scope" }]);
  });

  it("does not hand off when an understood turn sits between two fallbacks", () => {
    const session = new Session();
    session.say("blorp", understood("out_of_scope"));
    session.say("hi", understood("greeting"));
    const turn = session.say("blorp", understood("out_of_scope"));
    expect(handoffs(turn.effects)).toEqual([]);
  });

  it("counts unusable answers during a transfer and hands off on the second", () => {
    const session = new Session();
    session.say("send money", understood("transfer"));
    const first = session.say("purple", understood("out_of_scope"));
    expect(lastReply(first).text).toMatch(/didn't catch that.*how much/i);
    const second = session.say("purple!!", understood("out_of_scope"));
    expect(handoffs(second.effects)).toHaveLength(1);
    expect(session.state.task).toBeNull();
  });

  it.each(["compromised_card", "lost_or_stolen_card", "card_payment_not_recognised", "lost_or_stolen_phone"])(
    "fraud-related %s: answers, offers protection and hands off",
    (intent) => {
      const session = new Session();
      const turn = session.say("help", understood(intent));
      expect(handoffs(turn.effects)).toMatchObject([{ reason: "fraud_risk", intent }]);
      // A card at risk gets the freeze as a confirmation (flows/fraud.ts), the others a button.
      const offer = lastReply(turn);
      if (intent.endsWith("_card")) expect(offer.confirmation?.summary).toMatch(/^Shall I freeze/);
      else expect(offer.actions.map((a) => a.label)).toContain("Freeze my card");
      expect(moneyEffects(turn)).toEqual([]); // offering to freeze is not freezing
    },
  );
});

describe("small talk and out of scope", () => {
  it.each(["greeting", "thanks", "goodbye"])("%s gets a short friendly answer", (intent) => {
    const turn = new Session().say("…", understood(intent));
    expect(turn.replies).toHaveLength(1);
    expect(lastReply(turn).text.length).toBeLessThan(250);
    expect(turn.effects).toEqual([]);
  });

  it("out of scope says what Teller can do", () => {
    const turn = new Session().say("what's the weather", understood("out_of_scope"));
    expect(lastReply(turn).text).toMatch(/^Sorry, I can't help with that\. I can show your balances/);
  });
});

describe("a request for a person withdrawn (sweep13)", () => {
  const neverMind = understood("out_of_scope", { no: true, query: { cancel: true } }, 1);

  it("'never mind' while queued asks the DO to withdraw it, and says so", () => {
    const session = new Session();
    session.say("I want to talk to a person", understood("human_agent"));
    const turn = session.say("never mind", neverMind);
    expect(turn.effects.map((e) => e.kind)).toEqual(["withdraw_handoff"]);
    expect(allText(turn)).toMatch(/taken you out of the queue/);
    expect(session.state.handoff).toBeNull();
  });

  it("a request someone from the bank already took stays with them", () => {
    const session = new Session();
    session.bank.handoffWithdrawal = "taken";
    session.say("I want to talk to a person", understood("human_agent"));
    expect(allText(session.say("forget it", neverMind))).toMatch(/already picked this up/);
    expect(session.state.handoff).not.toBeNull();
  });

  it("'never mind' with no one asked for still has nothing to cancel", () => {
    const turn = new Session().say("never mind", neverMind);
    expect(turn.effects).toEqual([]);
    expect(allText(turn)).toMatch(/nothing in progress to cancel/);
  });
});

// explore23: "what's the weather like?" was offered a person, and a second off-topic message handed off.
describe("an off-topic message", () => {
  it("is declined plainly, with no person offered and no fallback counted", () => {
    const session = new Session();
    for (const text of ["what's the weather like?", "tell me a joke"]) {
      const turn = session.say(text, understood("out_of_scope", {}, 0.999));
      expect(lastReply(turn).text, text).toMatch(/^Sorry, I can't help with that\. I'm a banking assistant: I can show your balances/);
      expect(lastReply(turn).actions.map((a) => a.label), text).not.toContain("Talk to a person");
      expect(handoffs(turn.effects), text).toEqual([]);
    }
    expect(session.state.consecutiveFallbacks).toBe(0);
    // One that names something of a bank's ("statment for october") still offers a person.
    const statement = session.say("statment for october", understood("out_of_scope", {}, 0.995));
    expect(lastReply(statement).actions.map((a) => a.label)).toContain("Talk to a person");
    session.say("hi", understood("greeting"));
    // A message it could not read still offers a person.
    expect(lastReply(session.say("blorp", understood("out_of_scope", {}, 0.9))).actions.map((a) => a.label)).toContain("Talk to a person");
  });
});

// explore23: "k" then "?" handed the customer to a person.
describe("a lone '?'", () => {
  it("asks what they need, offers a person, and counts no misunderstanding", () => {
    const session = new Session();
    session.say("blorp", understood("out_of_scope", {}, 0.9));
    for (const text of ["?", "??", " ?! "]) {
      const turn = session.say(text, understood("out_of_scope", {}, 0.6));
      expect(lastReply(turn).text, text).toMatch(/^What can I help you with\? I can show your balances/);
      expect(lastReply(turn).actions.map((a) => a.label), text).toContain("Talk to a person");
      expect(handoffs(turn.effects), text).toEqual([]);
    }
  });
});

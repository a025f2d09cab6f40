import { describe, expect, it } from "vitest";
import { FakeBank, Session, allText, fixtures, lastReply, moneyEffects, understood } from "../../../test/support/dialogue-session.js";
import type { Effect } from "../types.js";
import { combineReplies } from "../runner.js";

const handoffs = (effects: Effect[]) => effects.filter((e) => e.kind === "handoff");

describe("report fraud", () => {
  it("asks the fraud team in at once and offers to freeze the card, freezing only on yes", () => {
    const session = new Session();
    const turn = session.say("someone stole money from my account", understood("report_fraud"));
    expect(handoffs(turn.effects)).toMatchObject([{ reason: "fraud", intent: "report_fraud" }]);
    expect(session.state.handoff?.reason).toBe("fraud");
    expect(moneyEffects(turn)).toEqual([]);
    const offer = lastReply(turn);
    expect(allText(turn)).toMatch(/fraud team/);
    expect(offer.text).toBe("Shall I freeze Visa ••4242 now? Payments and withdrawals with it will be declined until you unfreeze it.");
    const done = session.press(offer.confirmation!.id, "yes");
    expect(moneyEffects(done)).toMatchObject([{ kind: "set_card_status", cardId: "card-1", status: "frozen" }]);
    expect(lastReply(done).text).toMatch(/is frozen/);
    expect(session.bank.cards[0]!.status).toBe("frozen");
    expect(handoffs(done.effects)).toEqual([]);
  });

  // explore27: "… report fraud. please freeze it" was asked "Shall I freeze …?" all the same.
  it("freezes at once when the report asks for the freeze; a refusal gets no offer", () => {
    const session = new Session();
    const turn = session.say("i want to report fraud, please freeze it", understood("report_fraud"));
    expect(moneyEffects(turn)).toMatchObject([{ kind: "set_card_status", cardId: "card-1", status: "frozen" }]);
    expect(allText(turn)).not.toMatch(/Shall I freeze/);
    expect(handoffs(turn.effects)).toMatchObject([{ reason: "fraud" }]);
    const refused = new Session();
    const kept = refused.say("i want to report fraud but don't freeze my card", understood("report_fraud"));
    expect(moneyEffects(kept)).toEqual([]);
    expect(lastReply(kept).confirmation).toBeUndefined();
    expect(allText(kept)).not.toMatch(/Shall I freeze/);
    expect(handoffs(kept.effects)).toMatchObject([{ reason: "fraud" }]);
  });

  it("leaves the card alone on no, the hand-off still requested", () => {
    const session = new Session();
    const turn = session.say("I want to report fraud", understood("report_fraud"));
    const no = session.say("no", understood("out_of_scope", { no: true }, 0.2));
    expect(lastReply(no).text).toMatch(/haven't changed anything/);
    expect(moneyEffects(no)).toEqual([]);
    expect(session.bank.cards[0]!.status).toBe("active");
    expect(handoffs(turn.effects)).toHaveLength(1);
  });

  it("'can you freeze my visa too' at 'Which card?' freezes the Visa at once (sweep23: it asked to drop the fraud report to freeze a card)", () => {
    const data = fixtures();
    data.cards[1] = { ...data.cards[1]!, status: "active" };
    const session = new Session(new FakeBank(data));
    session.say("there's a charge on my card i didnt make, i think its fraud", understood("report_fraud"));
    const turn = session.say("can you freeze my visa too", understood("freeze_card", { cardBrand: "visa" }));
    expect(allText(turn)).not.toMatch(/drop it|middle of/);
    expect(moneyEffects(turn)).toMatchObject([{ kind: "set_card_status", cardId: "card-1", status: "frozen" }]);
    expect(session.bank.cards[1]!.status).toBe("active");
    expect(session.state.handoff?.reason).toBe("fraud");
    // "freeze it" naming no card: the question again, nothing dropped or frozen.
    const both = fixtures();
    both.cards[1] = { ...both.cards[1]!, status: "active" };
    const again = new Session(new FakeBank(both));
    again.say("fraud on my account", understood("report_fraud"));
    const it2 = again.say("please freeze it", understood("freeze_card"));
    expect(lastReply(it2).text).toMatch(/Which card/);
    expect(moneyEffects(it2)).toEqual([]);
  });

  it("asks which card when several are active", () => {
    const data = fixtures();
    data.cards[1] = { ...data.cards[1]!, status: "active" };
    const session = new Session(new FakeBank(data));
    const turn = session.say("fraud on my account", understood("report_fraud"));
    expect(lastReply(turn).text).toMatch(/Which card would you like to freeze\?/);
    const pick = session.say("the one ending 8888", understood("out_of_scope", { accountRefs: [{ last4: "8888" }] }, 0.3));
    expect(lastReply(pick).confirmation).toBeDefined();
    expect(moneyEffects(pick)).toEqual([]);
  });

  it("says so when every card is already frozen", () => {
    const data = fixtures();
    data.cards[0] = { ...data.cards[0]!, status: "frozen" };
    const session = new Session(new FakeBank(data));
    const turn = session.say("report fraud", understood("report_fraud"));
    expect(lastReply(turn).text).toBe("Your cards are already frozen.");
    expect(handoffs(turn.effects)).toHaveLength(1);
  });
});

describe("a lost, stolen or compromised card", () => {
  it("answers, asks the team in, and offers the freeze as a confirmation that a typed yes accepts", () => {
    const session = new Session();
    const turn = session.say("I lost my card", understood("lost_or_stolen_card"));
    expect(turn.replies[0]!.text).toMatch(/^Freeze your card right away/);
    expect(turn.replies[0]!.actions.map((a) => a.label)).not.toContain("Freeze my card");
    expect(handoffs(turn.effects)).toMatchObject([{ reason: "fraud_risk" }]);
    expect(lastReply(turn).confirmation?.summary).toBe("Shall I freeze Visa ••4242 now? Payments and withdrawals with it will be declined until you unfreeze it.");
    expect(moneyEffects(turn)).toEqual([]);
    const yes = session.say("yes", understood("out_of_scope", { yes: true }, 0.2));
    expect(moneyEffects(yes)).toMatchObject([{ kind: "set_card_status", cardId: "card-1", status: "frozen" }]);
    expect(session.bank.cards[0]!.status).toBe("frozen");
  });

  it("the turn's reply stays lost_or_stolen_card, the offer after the answer included (wallet19)", () => {
    const turn = new Session().say("I lost my card", understood("lost_or_stolen_card"));
    expect(lastReply(turn).confirmation).toBeDefined();
    expect(combineReplies(turn.replies).intent.name).toBe("lost_or_stolen_card");
    const asked = new Session().say("I lost my card, should I freeze it?", understood("freeze_card", { query: { question: true } }));
    expect(combineReplies(asked.replies).intent.name).toBe("lost_or_stolen_card");
  });

  it("freezes at once when the same message asks for the freeze (sweep16: 'I lost my visa, freeze it' was asked 'Shall I freeze …?')", () => {
    const session = new Session();
    const turn = session.say("I lost my visa, freeze it", understood("lost_or_stolen_card", { cardBrand: "visa" }));
    expect(turn.replies[0]!.text).toMatch(/^Freeze your card right away/);
    expect(handoffs(turn.effects)).toMatchObject([{ reason: "fraud_risk" }]);
    expect(moneyEffects(turn)).toMatchObject([{ kind: "set_card_status", cardId: "card-1", status: "frozen" }]);
    expect(lastReply(turn).confirmation).toBeUndefined();
    expect(lastReply(turn).text).toMatch(/Visa ••4242 is frozen/);
  });

  it("a refused freeze gets the options and no offer: nothing frozen, a later yes freezes nothing (defects18)", () => {
    for (const text of ["I lost my card but don't freeze it", "my card was stolen, don't block it yet"]) {
      const session = new Session();
      const turn = session.say(text, understood("lost_or_stolen_card"));
      expect(turn.replies.map((r) => r.text).join(" "), text).toMatch(/^I haven't frozen your card[\s\S]*replacement/);
      expect(lastReply(turn).confirmation, text).toBeUndefined();
      expect(turn.replies[0]!.actions.map((a) => a.label), text).toContain("Freeze my card");
      expect(handoffs(turn.effects)).toMatchObject([{ reason: "fraud_risk" }]);
      expect(moneyEffects(session.say("yes", understood("out_of_scope", { yes: true }, 0.2))), text).toEqual([]);
      expect(session.bank.cards[0]!.status, text).toBe("active");
    }
  });

  it("freezes nothing when the freeze is refused or only talked about", () => {
    for (const text of ["my card was stolen but don't freeze it yet", "I lost my card, should I freeze it?"]) {
      const turn = new Session().say(text, understood("lost_or_stolen_card"));
      expect(moneyEffects(turn), text).toEqual([]);
    }
  });
});

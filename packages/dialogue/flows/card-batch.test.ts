/** Every card at once (flows/card-batch.ts): one key per card, already-frozen cards said as such. */
import { describe, expect, it } from "vitest";
import { Session, allText, lastReply, moneyEffects, understood } from "../../../test/support/dialogue-session.js";
import type { SetCardStatusEffect } from "../types.js";

const bothActive = () => {
  const session = new Session();
  session.bank.cards[1]!.status = "active";
  return session;
};
const keys = (effects: ReturnType<typeof moneyEffects>) => effects.map((e) => (e as SetCardStatusEffect).idempotencyKey);

describe("freezing every card", () => {
  it("freezes each card under its own key, without asking which", () => {
    const session = bothActive();
    const turn = session.say("freeze all my cards", understood("freeze_card"));
    const effects = moneyEffects(turn);
    expect(effects.map((e) => (e as SetCardStatusEffect).cardId)).toEqual(["card-1", "card-2"]);
    expect(new Set(keys(effects)).size).toBe(2);
    expect(session.bank.cards.map((c) => c.status)).toEqual(["frozen", "frozen"]);
    expect(lastReply(turn).text).toBe("Done — Visa ••4242 and Mastercard ••8888 are frozen. Payments and withdrawals with them will be declined until you unfreeze them.");
    expect(lastReply(turn).data).toMatchObject({ kind: "cards", cards: [{ id: "card-1" }, { id: "card-2" }] });
    expect(session.state.executing).toBeNull();
  });

  it("says which card was already frozen and freezes the rest", () => {
    const session = new Session();
    const turn = session.say("block all my cards", understood("freeze_card"));
    expect(moneyEffects(turn)).toHaveLength(1);
    expect(lastReply(turn).text).toBe(
      "Done — Visa ••4242 is frozen. Payments and withdrawals with it will be declined until you unfreeze it. Mastercard ••8888 was already frozen.",
    );
  });

  it("a card the bank could not reach is retried under the same key on resume, then the next card goes", () => {
    const session = bothActive();
    session.bank.failNext("set_card_status", "unavailable");
    const first = session.say("freeze all my cards", understood("freeze_card"));
    expect(lastReply(first).text).toMatch(/couldn't reach your accounts/);
    const firstKey = keys(moneyEffects(first))[0];
    const resumed = session.resume();
    expect(keys(moneyEffects(resumed))[0]).toBe(firstKey);
    expect(moneyEffects(resumed)).toHaveLength(2);
    expect(lastReply(resumed).text).toMatch(/Visa ••4242 and Mastercard ••8888 are frozen/);
  });

  it("names a card it could not freeze and still freezes the others", () => {
    const session = bothActive();
    session.bank.failNext("set_card_status", "not_found");
    const turn = session.say("freeze both my cards", understood("freeze_card"));
    expect(lastReply(turn).text).toMatch(/^Done — Mastercard ••8888 is frozen\.[\s\S]*I couldn't freeze Visa ••4242/);
    expect(session.bank.cards.map((c) => c.status)).toEqual(["active", "frozen"]);
  });

  it("'all of them' at 'Which card?' freezes every card", () => {
    const session = bothActive();
    const ask = session.say("freeze my card", understood("freeze_card"));
    expect(lastReply(ask).actions.map((a) => a.label)).toContain("All of them");
    const all = session.say("all of them", understood("out_of_scope", {}, 0.2));
    expect(moneyEffects(all)).toHaveLength(2);
    expect(session.bank.cards.map((c) => c.status)).toEqual(["frozen", "frozen"]);
  });
});

describe("a freeze asked for while one is offered", () => {
  it.each([
    ["my wallet got stolen, block them all", "freeze_card"],
    ["my wallet got stolen with my cards in it, block them", "lost_or_stolen_card"],
  ])("'%s' (%s) at 'Shall I freeze …?' freezes every card at once, not 'Let's finish this one first'", (text, intent) => {
    const session = new Session();
    const offer = session.say("I lost my card", understood("lost_or_stolen_card"));
    expect(lastReply(offer).confirmation).toBeDefined();
    const all = session.say(text, understood(intent));
    expect(allText(all)).not.toMatch(/finish this one first/);
    expect(moneyEffects(all)).toMatchObject([{ cardId: "card-1", status: "frozen" }]);
    expect(lastReply(all).text).toMatch(/Visa ••4242 is frozen[\s\S]*Mastercard ••8888 was already frozen/);
  });

  it("'freeze it' at 'Shall I freeze …?' is a yes", () => {
    const session = new Session();
    session.say("I lost my card", understood("lost_or_stolen_card"));
    const turn = session.say("freeze it", understood("freeze_card"));
    expect(moneyEffects(turn)).toMatchObject([{ cardId: "card-1", status: "frozen" }]);
    expect(lastReply(turn).text).toMatch(/Visa ••4242 is frozen/);
  });
});

describe("a freeze asked about, not asked for", () => {
  it("'should I freeze my card?' gets a word on freezing and a Yes/No; No freezes nothing", () => {
    const session = new Session();
    const turn = session.say("should I freeze my card?", understood("freeze_card", { query: { question: true } }));
    expect(moneyEffects(turn)).toEqual([]);
    expect(allText(turn)).toMatch(/freezing it is the safe thing to do/);
    expect(lastReply(turn).confirmation?.summary).toMatch(/^Shall I freeze Visa ••4242 now\?/);
    const no = session.press(lastReply(turn).confirmation!.id, "no");
    expect(moneyEffects(no)).toEqual([]);
    expect(session.bank.cards[0]!.status).toBe("active");
  });

  it("'I lost my card, should I freeze it?' read as freeze_card gets the lost-card answer and the offer; Yes freezes", () => {
    const session = new Session();
    const turn = session.say("I lost my card, should I freeze it?", understood("freeze_card", { query: { question: true } }));
    expect(turn.replies[0]).toMatchObject({ intent: { name: "lost_or_stolen_card" } });
    expect(turn.replies[0]!.text).toMatch(/^Freeze your card right away/);
    expect(turn.effects.filter((e) => e.kind === "handoff")).toMatchObject([{ reason: "fraud_risk", intent: "lost_or_stolen_card" }]);
    expect(moneyEffects(turn)).toEqual([]);
    const yes = session.press(lastReply(turn).confirmation!.id, "yes");
    expect(moneyEffects(yes)).toMatchObject([{ cardId: "card-1", status: "frozen" }]);
  });

  it("'I lost my wallet, should I freeze my cards?' offers every card at once; Yes freezes them all", () => {
    const session = bothActive();
    const turn = session.say("I lost my wallet, should I freeze my cards?", understood("freeze_card", { query: { question: true } }));
    expect(lastReply(turn).confirmation?.summary).toMatch(/^Shall I freeze Visa ••4242 and Mastercard ••8888 now\?/);
    const yes = session.press(lastReply(turn).confirmation!.id, "yes");
    expect(moneyEffects(yes)).toHaveLength(2);
    const again = session.press(lastReply(turn).confirmation!.id, "yes");
    expect(moneyEffects(again)).toEqual([]);
  });
});

// explore23: "unfreeze all my cards" asked which card.
describe("unfreezing every card", () => {
  it("asks one Yes for every frozen card, then unfreezes each under its own key, once", () => {
    const session = new Session();
    session.bank.cards[0]!.status = "frozen";
    const ask = session.say("unfreeze all my cards", understood("unfreeze_card"));
    expect(moneyEffects(ask)).toEqual([]);
    const confirmation = lastReply(ask).confirmation!;
    expect(confirmation.summary).toBe("Unfreeze Visa ••4242 and Mastercard ••8888? They can be used for payments and withdrawals again straight away.");
    const yes = session.press(confirmation.id, "yes");
    expect(new Set(keys(moneyEffects(yes))).size).toBe(2);
    expect(session.bank.cards.map((c) => c.status)).toEqual(["active", "active"]);
    expect(lastReply(yes).text).toBe("Done — Visa ••4242 and Mastercard ••8888 are unfrozen and can be used again.");
    expect(moneyEffects(session.press(confirmation.id, "yes"))).toEqual([]);
  });

  it("names the card already active, and 'all of them' at 'Which card would you like to unfreeze?' takes them all", () => {
    const session = new Session();
    const one = session.say("unfreeze all my cards", understood("unfreeze_card"));
    expect(lastReply(one).text).toBe("Unfreeze Mastercard ••8888? It can be used for payments and withdrawals again straight away. Visa ••4242 is already active.");
    session.say("no", understood("out_of_scope", { no: true }, 0));
    session.bank.cards[0]!.status = "frozen";
    session.say("unfreeze my card", understood("unfreeze_card"));
    const all = session.say("all of them", understood("out_of_scope", {}, 0.2));
    expect(moneyEffects(all)).toEqual([]);
    expect(lastReply(all).confirmation?.summary).toMatch(/^Unfreeze Visa ••4242 and Mastercard ••8888\?/);
  });
});

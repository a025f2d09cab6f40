/** Freeze and unfreeze a card (flows/cards.ts): at once when protective and unambiguous, confirmed otherwise. */
import { describe, expect, it } from "vitest";
import { Session, lastReply, moneyEffects, understood } from "../../../test/support/dialogue-session.js";

describe("cards", () => {
  it("freezes the only active card at once, without a confirmation", () => {
    const session = new Session();
    const turn = session.say("freeze my card", understood("freeze_card"));
    expect(moneyEffects(turn)).toMatchObject([{ kind: "set_card_status", cardId: "card-1", status: "frozen" }]);
    expect(lastReply(turn).text).toMatch(/Visa ••4242 is frozen/);
    expect(session.bank.cards.find((c) => c.id === "card-1")?.status).toBe("frozen");
  });

  it("asks which card when more than one matches, then freezes the one named", () => {
    const session = new Session();
    session.bank.cards[1]!.status = "active";
    let turn = session.say("freeze my card", understood("freeze_card"));
    expect(moneyEffects(turn)).toEqual([]);
    expect(lastReply(turn).text).toBe("Which card would you like to freeze? Visa ••4242 and Mastercard ••8888.");
    turn = session.say("the card ending 8888", understood("freeze_card", { accountRefs: [{ last4: "8888" }] }, 0.4));
    expect(moneyEffects(turn)).toMatchObject([{ cardId: "card-2", status: "frozen" }]);
  });

  it("freezes the one card of the brand named, without asking which", () => {
    const session = new Session();
    session.bank.cards[1]!.status = "active";
    const turn = session.say("freeze my visa", understood("freeze_card", { cardBrand: "visa" }));
    expect(moneyEffects(turn)).toMatchObject([{ cardId: "card-1", status: "frozen" }]);
  });

  it("takes a brand as the answer to which card", () => {
    const session = new Session();
    session.bank.cards[1]!.status = "active";
    session.say("freeze my card", understood("freeze_card"));
    const turn = session.say("the mastercard", understood("freeze_card", { cardBrand: "mastercard" }, 0.6));
    expect(moneyEffects(turn)).toMatchObject([{ cardId: "card-2", status: "frozen" }]);
  });

  it("needs a confirmation to unfreeze", () => {
    const session = new Session();
    const turn = session.say("unfreeze my card", understood("unfreeze_card"));
    expect(moneyEffects(turn)).toEqual([]);
    const confirmation = lastReply(turn).confirmation!;
    expect(confirmation.summary).toMatch(/^Unfreeze Mastercard ••8888\?/);
    const done = session.press(confirmation.id, "yes");
    expect(moneyEffects(done)).toMatchObject([{ cardId: "card-2", status: "active", idempotencyKey: `card:${confirmation.id}` }]);
  });

  it("says when the card is already in the wanted state", () => {
    const turn = new Session().say("freeze card 8888", understood("freeze_card", { accountRefs: [{ last4: "8888" }] }));
    expect(lastReply(turn).text).toBe("Mastercard ••8888 is already frozen.");
  });

  it("picks the debit or the credit card named among several active ones (sweep19: both were offered)", () => {
    const session = new Session();
    session.bank.cards[1]!.status = "active";
    let turn = session.say("freeze my debit card", understood("freeze_card", { cardKind: "debit" }));
    expect(moneyEffects(turn)).toMatchObject([{ kind: "set_card_status", cardId: "card-1", status: "frozen" }]);
    turn = session.say("freeze my credit card", understood("freeze_card", { cardKind: "credit" }));
    expect(moneyEffects(turn)).toMatchObject([{ kind: "set_card_status", cardId: "card-2", status: "frozen" }]);
  });
});

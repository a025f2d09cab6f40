import { describe, expect, it } from "vitest";
import { answersEveryCard, asksForFreeze, freezesEveryCard, readFreezeRequest, tellsCardAtRisk, unfreezesEveryCard } from "./freeze-request";

// One reading for refusal-guard.ts (the model's freeze_card) and dialogue/flows/fraud.ts (a lost card
// frozen at once or offered): the examples of both, read the same way.
describe("readFreezeRequest", () => {
  it.each(["freeze my card", "lock my card now", "I lost my visa, freeze it", "my card was stolen, please block it", "i don't know where my card is, freeze it", "freeze my card, don't cancel it", "deactivate it"])(
    "%s asks for the freeze",
    (text) => {
      expect(readFreezeRequest(text)).toBe("asked");
      expect(asksForFreeze(text)).toBe(true);
    },
  );

  it.each([
    "please don't freeze my card",
    "don't freeze it",
    "i don't want to freeze my card",
    "i do not want my card frozen",
    "no don't block my card",
    "can you not lock the visa",
    "my card was stolen but don't freeze it yet",
    "don't ever freeze it",
    "no need to deactivate it",
  ])("%s refuses it", (text) => {
    expect(readFreezeRequest(text)).toBe("refused");
    expect(asksForFreeze(text)).toBe(false);
  });

  it.each(["why did you freeze my card", "why is my debit card blocked", "why did you block it"])("%s asks why", (text) => {
    expect(readFreezeRequest(text)).toBe("asked_why");
    expect(asksForFreeze(text)).toBe(false);
  });

  it.each(["I lost my card, should I freeze it?", "how do I block my card", "can I lock it myself"])("%s asks about it", (text) => {
    expect(readFreezeRequest(text)).toBe("wondered");
    expect(asksForFreeze(text)).toBe(false);
  });

  it.each(["I lost my card", "is my card frozen", "what's my balance"])("%s asks for no freeze", (text) => {
    expect(readFreezeRequest(text)).toBeUndefined();
    expect(asksForFreeze(text)).toBe(false);
  });
});

describe("freezesEveryCard", () => {
  it.each([
    "my wallet got stolen, block them all",
    "freeze all my cards",
    "my wallet got stolen with my cards in it, block them",
    "freeze both my cards",
    "lock every card",
    "please freeze every card I have",
    "lost my wallet, freeze everything",
    "my purse was stolen, freeze all of them",
    "my wallet got stolen, freeze my cards",
    "I lost my wallet, should I freeze my cards?",
  ])("%s is about every card", (text) => {
    expect(freezesEveryCard(text)).toBe(true);
  });

  it.each(["freeze my card", "I lost my visa, freeze it", "block them", "don't freeze all my cards", "why did you block all my cards", "are all my cards frozen", "show me all my cards"])(
    "%s is not",
    (text) => {
      expect(freezesEveryCard(text)).toBe(false);
    },
  );
});

describe("answersEveryCard", () => {
  it.each(["all of them", "both", "Both please", "every card", "all", "freeze them all", "yes all of them", "all my cards"])("%s picks every card", (text) => {
    expect(answersEveryCard(text)).toBe(true);
  });

  it.each(["the visa", "the card ending 4242", "both of my accounts have money", "all done thanks", "yes"])("%s does not", (text) => {
    expect(answersEveryCard(text)).toBe(false);
  });
});

describe("tellsCardAtRisk", () => {
  it.each(["I lost my card, should I freeze it?", "my wallet got stolen", "i cant find my mastercard anywhere"])("%s tells of a card at risk", (text) => {
    expect(tellsCardAtRisk(text)).toBe(true);
  });

  it.each(["should I freeze my card?", "freeze all my cards"])("%s does not", (text) => {
    expect(tellsCardAtRisk(text)).toBe(false);
  });
});

// explore23: "unfreeze all my cards" asked which card.
describe("unfreezesEveryCard", () => {
  it("reads every card to unfreeze, and not one card or a freeze", () => {
    for (const text of ["unfreeze all my cards", "unfreeze both cards", "unlock them all", "please unfreeze all of them", "unblock my cards", "unfreeze everything"]) {
      expect(unfreezesEveryCard(text), text).toBe(true);
    }
    for (const text of ["unfreeze my card", "unfreeze the visa", "freeze all my cards", "unlock my account"]) {
      expect(unfreezesEveryCard(text), text).toBe(false);
    }
  });
});

describe("readFreezeRequest, whether it was done (session 27)", () => {
  it.each(["did you freeze it?", "have you blocked my card", "has it been frozen yet", "is it frozen yet?", "wait did u freeze it"])("reads '%s' as a question whether it is done", (text) => {
    expect(readFreezeRequest(text)).toBe("asked_if_done");
    expect(asksForFreeze(text)).toBe(false);
  });
  it.each(["freeze it", "yes freeze it", "please block my card"])("still reads '%s' as asked", (text) => {
    expect(readFreezeRequest(text)).toBe("asked");
  });
});

import { describe, expect, it } from "vitest";
import { asksForFreeze, readFreezeRequest } from "./freeze-request";

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

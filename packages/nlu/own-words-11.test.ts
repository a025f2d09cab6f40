import { describe, expect, it } from "vitest";
import { OWN_WORDS_11_RULES } from "./own-words-11";
import { plainRequestIntent } from "./requests";

// sweep19's misses (forty-others) and lines of their families, none a public row
// (rule-check.ts claims no row with another label).
describe("OWN_WORDS_11_RULES: a card found again (sweep19)", () => {
  it.each(["found my card", "i found my card", "oh good news, i found my visa after all", "found my lost card in my bag", "i just found my card, unfreeze it please"])("%s → unfreeze_card", (text) => {
    expect(plainRequestIntent(text)).toBe("unfreeze_card");
  });

  it.each(["i can't find my card", "how do i link a card i found", "found a charge i don't recognise"])("leaves %s to the model", (text) => {
    expect(OWN_WORDS_11_RULES.some(([, pattern]) => pattern.test(text))).toBe(false);
  });
});

describe("OWN_WORDS_11_RULES: the statement balance paid (sweep19)", () => {
  it.each(["pay off my full statement balance from checking", "pay my statement balance", "i want to pay the full statement balance", "pay off my credit card statement"])("%s → pay_bill", (text) => {
    expect(plainRequestIntent(text)).toBe("pay_bill");
  });

  it.each(["what's my statement balance", "when is my statement due", "can i get a paper statement"])("leaves %s to the model", (text) => {
    expect(OWN_WORDS_11_RULES.some(([, pattern]) => pattern.test(text))).toBe(false);
  });
});

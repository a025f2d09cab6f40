import { describe, expect, it } from "vitest";
import { OWN_WORDS_12_RULES } from "./own-words-12";
import { plainRequestIntent } from "./requests";

// sweep23's misses (forty-customers) and lines of their family, none a public row
// (rule-check.ts claims no row with another label).
describe("OWN_WORDS_12_RULES: someone else used the card (sweep23)", () => {
  it.each([
    "someone used my mastercard in another country, it wasnt me",
    "somebody used my card online and it wasn't me",
    "i think someone has used my debit card",
    "someone made purchases with my visa without my permission",
    "someone else is using my credit card",
  ])("%s → compromised_card", (text) => {
    expect(plainRequestIntent(text)).toBe("compromised_card");
  });

  it.each(["can someone use my card if they find it", "my wife used my card", "someone used my card to pay, is that allowed", "how do i let someone use my card"])("leaves %s to the model", (text) => {
    expect(OWN_WORDS_12_RULES.some(([, pattern]) => pattern.test(text))).toBe(false);
  });
});

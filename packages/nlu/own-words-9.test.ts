import { describe, expect, it } from "vitest";
import { OWN_WORDS_9_RULES } from "./own-words-9";
import { plainRequestIntent } from "./requests";

// Lines of the family written with the rule, none of them a public row (rule-check.ts claims no row
// with another label); the miss itself is probe 6's line.
describe("OWN_WORDS_9_RULES: how long a transfer takes, in general (sweep16)", () => {
  it.each([
    "how long does it take for a transfer to go through",
    "how long does it usually take for transfers to go through?",
    "how long will it take for a payment to clear",
    "how long does it take for money to be processed",
    "how long do transfers take to go through",
    "how long does a transfer normally take to clear",
  ])("%s → transfer_timing", (text) => {
    expect(plainRequestIntent(text)).toBe("transfer_timing");
  });

  it.each([
    // One of the customer's transfers: a question about that transfer (BANKING77's labels).
    "how long does it take for the transfer to go through",
    "how long will it take for my transfer to go through",
    // Arriving, showing up, a bank transfer: BANKING77's other topics, the model's.
    "how long does it take for a transfer to arrive",
    "how long does it take for a bank transfer to go through",
    "how long does it take for a transfer to go through? i sent it yesterday and it's not there",
  ])("leaves %s to the model", (text) => {
    expect(OWN_WORDS_9_RULES.some(([, pattern]) => pattern.test(text))).toBe(false);
  });
});

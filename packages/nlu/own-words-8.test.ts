import { describe, expect, it } from "vitest";
import { OWN_WORDS_8_RULES } from "./own-words-8";
import { plainRequestIntent } from "./requests";

// Lines of each family that are not in the probe (scripts/nlu/probe-set-8.ts) nor in BANKING77.
describe("OWN_WORDS_8_RULES: transfer problems keep their BANKING77 topic (nlu12)", () => {
  it.each([
    ["why was my wire rejected", "declined_transfer"],
    ["my last transfer to sam got declined, why", "declined_transfer"],
    ["the international transfer was refused this morning", "declined_transfer"],
    ["why has my money transfer been turned down", "declined_transfer"],
    ["my payment to my landlord didn't go through", "failed_transfer"],
    ["why did the money i sent to my sister fail", "failed_transfer"],
    ["the transfer to my mom hasn't gone through, what happened", "failed_transfer"],
  ])("%s → %s", (text, intent) => {
    expect(plainRequestIntent(text)).toBe(intent);
  });

  it.each([
    // One that keeps getting rejected, or the bank rejecting it: BANKING77's failed_transfer, the model's.
    "my transfers keep getting rejected",
    "why did the bank reject my transfer",
    // To a beneficiary or an account: beneficiary_not_allowed; a card payment or a transaction: not a transfer.
    "my transfer to a new beneficiary was declined",
    "a transfer to my account was denied",
    "why was my transaction declined",
    "my card payment to the shop didn't go through",
    // Not a request about a transfer at all.
    "my friend's transfer to another school was rejected",
  ])("leaves %s to the model", (text) => {
    expect(OWN_WORDS_8_RULES.some(([, pattern]) => pattern.test(text)) && plainRequestIntent(text)?.endsWith("transfer")).toBe(false);
  });
});

describe("how many times / how often I paid (requests.ts, nlu12)", () => {
  it.each([
    ["how often have i paid netflix this year", "transactions"],
    ["how many times did i pay lyft last week", "transactions"],
    ["how often do i order from doordash", "transactions"],
    ["how many times did i pay jordan in november", "transactions"],
  ])("%s → %s", (text, intent) => {
    expect(plainRequestIntent(text)).toBe(intent);
  });

  it.each(["how often do i get paid", "how often should i pay off my credit card", "how often do i pay interest on my card", "how many times have i taken off from work this year"])(
    "leaves %s to the model",
    (text) => {
      expect(plainRequestIntent(text)).not.toBe("transactions");
    },
  );
});

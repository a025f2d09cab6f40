import { describe, expect, it } from "vitest";
import { OWN_WORDS_EVERYDAY_2_RULES } from "./own-words-everyday-2";
import { plainRequestIntent } from "./requests";
import { extractQueryModifiers } from "./entities/query";

const matches = (text: string): boolean => OWN_WORDS_EVERYDAY_2_RULES.some(([, pattern]) => pattern.test(text));

// explore28's misses (everyday-customers-3) and lines of their family, none a public row
// (rule-check.ts claims no row with another label).
describe("OWN_WORDS_EVERYDAY_2_RULES (explore28)", () => {
  it.each([
    ["can i wire money to mexico", "international_transfer"],
    ["i want to send money to my family in india", "international_transfer"],
    ["how do i transfer funds to the uk", "international_transfer"],
    ["how do i get a credit card", "open_account"],
    ["where can i get a credit card", "open_account"],
    ["whats the pending one from", "transactions"],
    ["is there a fee to send money", "transfer_fee_charged"],
    ["does it cost anything to transfer money to savings", "transfer_fee_charged"],
    ["do you charge a fee for sending money", "transfer_fee_charged"],
    ["what's that pending charge", "transactions"],
  ])("%s → %s", (text, intent) => {
    expect(plainRequestIntent(text)).toBe(intent);
  });

  it.each(["send money to mexico for 50", "send 20 to jordan", "how do i get a new credit card", "get a credit card replacement", "what does pending mean", "why is it pending"])(
    "leaves %s to other rules or the model",
    (text) => {
      expect(matches(text)).toBe(false);
    },
  );

  it("reads 'the pending one' as pending transactions", () => {
    expect(extractQueryModifiers("whats the pending one from", "2026-12-05").pending).toBe(true);
  });
});

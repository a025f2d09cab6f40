import { describe, expect, it } from "vitest";
import { creditCardRuleAsked } from "./credit-card-rules.js";

describe("a credit card's rules asked on their own (session 32)", () => {
  it.each([
    ["how can i avoid interest", "avoid_interest"],
    ["how do i avoid paying interest on my credit card", "avoid_interest"],
    ["is there a way to not pay interest", "avoid_interest"],
    ["what happens if i go over my limit", "over_limit"],
    ["can i go over my credit limit?", "over_limit"],
    ["could i exceed my card limit", "over_limit"],
  ])("'%s' asks %s", (text, rule) => {
    expect(creditCardRuleAsked(text)).toBe(rule);
  });

  it.each(["what's my credit limit", "what is my interest rate", "how much interest did i pay", "how do i avoid interest rates going up", "raise my limit"])(
    "'%s' asks neither",
    (text) => {
      expect(creditCardRuleAsked(text)).toBeUndefined();
    },
  );
});

import { describe, expect, it } from "vitest";
import { OWN_WORDS_EVERYDAY_3_RULES } from "./own-words-everyday-3";
import { plainRequestIntent } from "./requests";

const matches = (text: string): boolean => OWN_WORDS_EVERYDAY_3_RULES.some(([, pattern]) => pattern.test(text));

// explore29's misses (everyday-customers-4) and lines of their family, none a public row
// (rule-check.ts claims no row with another label).
describe("OWN_WORDS_EVERYDAY_3_RULES (explore29)", () => {
  it.each([
    ["pay the full amount", "pay_bill"],
    ["pay the full balance", "pay_bill"],
    ["ok pay the whole thing off", "pay_bill"],
    ["can you pay off the entire balance", "pay_bill"],
    ["why is my balance so low", "spending"],
    ["why is my balance lower than usual", "spending"],
  ])("%s → %s", (text, intent) => {
    expect(plainRequestIntent(text)).toBe(intent);
  });

  it.each(["pay the full amount to jordan", "where did my money go", "where did my money come from", "why is my balance not updated", "why is my balance so high", "where did my card go"])(
    "leaves %s to other rules or the model",
    (text) => {
      expect(matches(text)).toBe(false);
    },
  );
});

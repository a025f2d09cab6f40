import { describe, expect, it } from "vitest";
import { extractAccountRefs } from "./entities/accounts";
import { OWN_WORDS_EVERYDAY_RULES } from "./own-words-everyday";
import { plainRequestIntent } from "./requests";

const matches = (text: string): boolean => OWN_WORDS_EVERYDAY_RULES.some(([, pattern]) => pattern.test(text));

// explore27's misses (everyday-customers-2) and lines of their family, none a public row
// (rule-check.ts claims no row with another label).
describe("OWN_WORDS_EVERYDAY_RULES (explore27)", () => {
  it.each([
    ["my transfers this month", "transactions"],
    ["show me all the transfers i made", "transactions"],
    ["list my transfers in november", "transactions"],
    ["can i send money abroad", "international_transfer"],
    ["how do i send money overseas", "international_transfer"],
    ["can i transfer money to another country", "international_transfer"],
    ["can i make an international transfer", "international_transfer"],
    ["do you do international wires", "international_transfer"],
    ["remove chidi", "remove_payee"],
    ["delete jordan lee please", "remove_payee"],
    ["i want to remove chidi okafor", "remove_payee"],
    ["can you delete mom", "remove_payee"],
    ["pay the minimum from checking", "pay_bill"],
    ["pay my card minimum from checking", "pay_bill"],
    ["pay the minimum", "pay_bill"],
    ["just pay the minimum payment out of savings", "pay_bill"],
    ["can you tell me my apy on checking", "interest_rate"],
    ["whats the apy on my checking", "interest_rate"],
    ["what apy does my checking get", "interest_rate"],
    ["what's the interest rate on my credit card", "interest_rate"],
    ["whats my balance on the rewards card", "balance"],
    ["how much do i owe on my rewards card", "balance"],
  ])("%s → %s", (text, intent) => {
    expect(plainRequestIntent(text)).toBe(intent);
  });

  it.each([
    "can i cancel transfers",
    "transfers to jordan",
    "remove the freeze",
    "remove the freeze from my card",
    "delete my account",
    "remove it",
    "remove my card from apple pay",
    "delete my transaction history",
    "remove a payee",
    "whats the minimum payment",
    "when is the minimum due",
    "how many points are on my rewards card",
    "what's my rewards balance",
    "what's the interest rate",
  ])("leaves %s to other rules or the model", (text) => {
    expect(matches(text)).toBe(false);
  });

  it("reads a rewards card as the credit card, as 'credit card' is", () => {
    expect(extractAccountRefs("whats my balance on the rewards card").refs).toEqual(["credit"]);
    expect(extractAccountRefs("my teller rewards card").refs).toEqual(["credit"]);
    expect(extractAccountRefs("how many rewards do i have").refs).toEqual([]);
  });
});

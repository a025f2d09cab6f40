import { describe, expect, it } from "vitest";
import { plainRequestIntent } from "./requests";

// Lines of each family that are not in the probe (scripts/nlu/probe-set-6.ts).
describe("OWN_WORDS_5_RULES: the families a sixth fresh probe showed misread (nlu9)", () => {
  it.each([
    ["what would get my credit score back up", "improve_credit_score"],
    ["how do i get my credit rating higher", "improve_credit_score"],
    ["can i use my rewards points for hotel stays", "redeem_rewards"],
    ["i'd like to spend my points on a gift card", "redeem_rewards"],
    ["show me my spending for the summer", "spending"],
    ["what was my spending over the holidays", "spending"],
    ["what are your hours this weekend", "opening_hours"],
    ["what are your hours", "opening_hours"],
    ["we cannot add any new beneficiaries", "beneficiary_not_allowed"],
    ["can you help me send some money to an external account", "transfer"],
    ["my funds from the last transfer came back to my account", "failed_transfer"],
  ])("%s → %s", (text, intent) => {
    expect(plainRequestIntent(text)).toBe(intent);
  });

  it.each([
    ["what's my credit score", "improve_credit_score"],
    ["how many points do i have", "redeem_rewards"],
    ["show me my spending history", "transactions"],
    ["what are your fees", "opening_hours"],
    ["i can't add money to my account", "beneficiary_not_allowed"],
    ["how do i transfer money to my account", "transfer"],
    ["the payment came back to my account", "failed_transfer"],
  ])("does not read %s as %s", (text, intent) => {
    expect(plainRequestIntent(text)).not.toBe(intent);
  });
});

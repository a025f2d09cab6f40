import { describe, expect, it } from "vitest";
import { OWN_WORDS_14_RULES } from "./own-words-14";
import { plainRequestIntent } from "./requests";

// explore26's misses (everyday-customers) and lines of their family, none a public row
// (rule-check.ts claims no row with another label).
describe("OWN_WORDS_14_RULES (explore26)", () => {
  it.each([
    ["delete chidi from my payees", "remove_payee"],
    ["remove jordan lee from my payees", "remove_payee"],
    ["can i remove a payee", "remove_payee"],
    ["how do i delete a recipient", "remove_payee"],
    ["take my landlord off my payee list", "remove_payee"],
    ["are there any fees for my account", "account_fees"],
    ["is there a monthly fee", "account_fees"],
    ["what are your fees", "account_fees"],
    ["does my account have a monthly maintenance fee", "account_fees"],
    ["do i pay any fees on my checking account", "account_fees"],
    ["do i have to pay a monthly fee", "account_fees"],
    ["how much do you charge per month", "account_fees"],
    ["what bills do i have coming up", "scheduled_payments"],
    ["any bills due this week", "scheduled_payments"],
    ["what payments are due this month", "scheduled_payments"],
    ["show me my upcoming bills", "scheduled_payments"],
  ])("%s → %s", (text, intent) => {
    expect(plainRequestIntent(text)).toBe(intent);
  });

  it.each([
    "is there a fee for transfers",
    "what are the fees for using my card abroad",
    "is there an atm fee",
    "what is the overdraft fee",
    "remove the freeze from my card",
    "delete my account",
    "when is my credit card bill due",
    "what is the fee for sending money to my savings",
    "if someone in a different country sends me money, do i have to pay a fee?",
  ])("leaves %s to other rules or the model", (text) => {
    expect(OWN_WORDS_14_RULES.some(([, pattern]) => pattern.test(text))).toBe(false);
  });
});

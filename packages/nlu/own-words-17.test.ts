import { describe, expect, it } from "vitest";
import { OWN_WORDS_17_RULES } from "./own-words-17";
import { plainRequestIntent } from "./requests";

// crowd31's misses (probe-set-13.ts) and lines of their family, none a public row
// (rule-check.ts claims no row with another label).
describe("OWN_WORDS_17_RULES (crowd31)", () => {
  it.each([
    ["i'd like to transfer the rest of my checking balance into savings", "transfer"],
    ["move my whole savings balance into checking", "transfer"],
    ["put all of my checking balance in savings please", "transfer"],
    ["transfer the remainder of my savings balance to checking", "transfer"],
    ["tips for boosting my fico", "improve_credit_score"],
    ["how can i raise my fico score", "improve_credit_score"],
    ["any advice on improving my fico", "improve_credit_score"],
    ["what's my fico", "credit_score"],
    ["can you check my fico score", "credit_score"],
    ["can you bump up my credit line", "credit_limit_change"],
    ["bump my credit line up", "credit_limit_change"],
    ["i'd like to jack up the limit on my visa", "credit_limit_change"],
    ["how do i reset the four digit code on my card", "change_pin"],
    ["i want to pick a new 4-digit number for my debit card", "change_pin"],
    ["please put a hold on my checking account, i think someone has my info", "freeze_card"],
    ["freeze my bank account because someone got my details", "freeze_card"],
    ["i need my account balances for a loan application", "balance"],
    ["can you give me my checking balance for my tax return", "balance"],
    ["i need all my balances for the rental application", "balance"],
  ])("%s → %s", (text, intent) => {
    expect(plainRequestIntent(text)).toBe(intent);
  });

  it.each([
    // What a balance or a limit is, or was, is not a request to move it or to change it.
    "why did my balance move to savings",
    "what's my credit line",
    "how much is my credit line",
    // A forgotten or blocked code is not a new one.
    "i forgot the four digit code on my card",
    // A card's details taken is compromised_card's (BANKING77), not an account hold.
    "freeze my card, i think someone has my info",
    // What an application is at is application_status's.
    "i need the status of my loan application",
  ])("leaves %s to the model", (text) => {
    const intent = plainRequestIntent(text);
    expect(["transfer", "improve_credit_score", "credit_score", "credit_limit_change", "change_pin", "freeze_card", "balance"]).not.toContain(intent);
  });
});

import { describe, expect, it } from "vitest";
import { otherSense } from "./other-senses";
import { otherSense6 } from "./own-words-6";
import { plainRequestIntent } from "./requests";

// Lines of each family that are not in the probe (scripts/nlu/probe-set-7.ts) nor in CLINC150 val.
describe("OWN_WORDS_6_RULES: CLINC150's bank intents in new words (nlu10)", () => {
  it.each([
    ["what's the aba number on my savings account", "account_numbers"],
    ["my landlord's form asks for a routing number, which one is mine", "account_numbers"],
    ["why is my joint account suspended", "account_blocked"],
    ["my online banking account got locked, what now", "account_blocked"],
    ["why has the bank locked my checking account", "account_blocked"],
    ["could you see whether my account is frozen", "account_blocked"],
    ["please report identity theft on my savings account", "report_fraud"],
    ["i lost my visa card somewhere downtown", "lost_or_stolen_card"],
    ["i might have misplaced my debit card at the gym", "lost_or_stolen_card"],
    ["my backpack was stolen on the bus and my credit card was in it", "lost_or_stolen_card"],
    ["my amex was stolen", "lost_or_stolen_card"],
    ["the cashier told me my debit card was refused", "declined_card_payment"],
    ["why didn't my visa go through online", "declined_card_payment"],
    ["my debit card got snapped in half", "damaged_card"],
    ["can you increase my credit card limit to 3000", "credit_limit_change"],
    ["how do i raise my credit limit", "credit_limit_change"],
    ["i'd like to convert my cashback points into a statement credit", "redeem_rewards"],
    ["what could i buy with my card points", "redeem_rewards"],
    ["how can i claim my card rewards", "redeem_rewards"],
    ["get me a new credit card please", "order_physical_card"],
    ["i want to apply for another credit card", "order_physical_card"],
    ["is there any fee for using my visa in mexico", "international_fees"],
    ["does my card have foreign transaction fees", "international_fees"],
    ["we're flying to rome this summer, will my card charge me extra there", "international_fees"],
    ["pay the power company my bill", "pay_bill"],
    ["i'm running out of checks", "order_checks"],
    ["how many pesos do i get for a dollar right now", "exchange_rate"],
    ["how can i get my money back from the store", "request_refund"],
    ["do i need to renew my debit card soon", "card_expiry"],
    ["is my visa going to go bad this year", "card_expiry"],
    ["how much do i owe to comcast and verizon", "credit_statement"],
    ["tell me the amount due on water and trash", "credit_statement"],
    ["what do my bills come to this month", "credit_statement"],
    // A CLINC150 val row requests.test.ts used to leave to the model (wave 8's balance rule must not take it).
    ["what do my bills look like for amazon and netflix", "credit_statement"],
  ])("%s → %s", (text, intent) => {
    expect(plainRequestIntent(text)).toBe(intent);
  });

  it.each([
    // BANKING77's own labels for these, kept by leaving them to the model.
    "How long does a transfer take?",
    "lost my card in atm",
    "i dropped my card in my gasoline and the printing wore off",
    "can i get a second card for my partner",
    "I need to renew a card that's about to expire",
    "how do i get my rewards balance on my visa card",
    "my account has been restricted and my card was declined, why",
    "i can't find my card in the app",
    "how much do i owe in taxes",
  ])("leaves %s to the model", (text) => {
    expect(plainRequestIntent(text)).toBeUndefined();
  });
});

describe("otherSense6: bank words in still other senses (nlu10)", () => {
  it.each([
    "can you move our dinner reservation to 8",
    "my suitcase is missing at the airport",
    "when is my essay due",
    "do you have a promo code for pizza",
    "what are current mortgage rates",
    "what's the rate on a new car loan these days",
    "how much wine can i bring through customs",
    "how do i check my phone's battery health",
    "reset the pin on my router",
  ])("declines %s", (text) => {
    expect(otherSense(text)).toBe(true);
  });

  it.each([
    "what's the interest rate on my savings",
    "my card was stolen with my passport, what do i do",
    "when is my credit card bill due",
    "can i use a coupon to pay my credit card bill",
    "Can I change my PIN on my phone?",
    "i lost my card",
  ])("keeps %s", (text) => {
    expect(otherSense6(text)).toBe(false);
  });
});

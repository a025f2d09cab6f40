import { describe, expect, it } from "vitest";
import { OWN_WORDS_18_RULES } from "./own-words-18";
import { plainRequestIntent } from "./requests";

// crowd32's misses (probe-set-14.ts) and lines of their family, none a public row
// (rule-check.ts claims no row with another label).
describe("OWN_WORDS_18_RULES (crowd32)", () => {
  it.each([
    ["can you pay city power for me", "pay_bill"],
    ["pay the water company 60 from checking", "pay_bill"],
    ["pay metro gas", "pay_bill"],
    ["my water bill is due friday please pay it", "pay_bill"],
    ["the phone bill is due tomorrow, can you pay it", "pay_bill"],
    ["can you send me last month's statement", "account_statement"],
    ["could you email me my october statement", "account_statement"],
    ["how do i download my statements as a pdf", "account_statement"],
    ["can i get my bank statement in pdf format", "account_statement"],
    ["i need a statement for my checking account for my visa application", "account_statement"],
    ["i'd like a statement of my savings account", "account_statement"],
    ["i think i got scammed, someone took money from my account", "report_fraud"],
    ["i've been scammed out of my money", "report_fraud"],
    ["i typed my card number into a fake website", "compromised_card"],
    ["i accidentally entered my debit card details on a phishing site", "compromised_card"],
    ["i was charged 89 at a hotel i never stayed at, i want that reversed", "dispute"],
    ["i got charged $40 by a gym i never joined, please reverse it", "dispute"],
    ["is there a monthly fee on checking", "account_fees"],
    ["are there any maintenance fees for savings accounts", "account_fees"],
    ["how do i add a new person to send money to", "add_payee"],
    ["can i save someone new to send money to", "add_payee"],
    ["is my savings still above two grand", "balance"],
    ["is my checking account over $500", "balance"],
    ["how do i see what money i have", "balance"],
    ["how can i check how much money i have in my account", "balance"],
    ["list what i paid at target", "transactions"],
    ["show me what i bought at costco last month", "transactions"],
    ["show pending stuff", "transactions"],
    ["can you list my pending charges", "transactions"],
    ["how do i go about sending money to somebody", "transfer"],
    ["what's my cash back balance on the credit card at the moment", "rewards_balance"],
    ["check my cashback total", "rewards_balance"],
  ])("%s → %s", (text, intent) => {
    expect(plainRequestIntent(text)).toBe(intent);
  });

  it.each([
    // What was bought, a person paid for a bill, and a bill asked about are not bills paid.
    "pay for gas",
    "i need to pay my roommate for utilities",
    "my water bill is due friday",
    // A statement's charge, a pending payment's why and a fee paid are the model's.
    "why is my card payment still pending",
    "why was i charged a fee",
    // What was spent at a place, shown, is a total (spending), not the list.
    "show me what i spent at target",
  ])("leaves %s to the others", (text) => {
    for (const [, pattern] of OWN_WORDS_18_RULES) expect(pattern.test(text.toLowerCase()), text).toBe(false);
  });
});

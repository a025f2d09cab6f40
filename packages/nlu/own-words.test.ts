import { describe, expect, it } from "vitest";
import { ownWordsIntent } from "./own-words";
import { plainRequestIntent } from "./requests";

describe("ownWordsIntent: requests in customers' own words", () => {
  it.each([
    // Money to a person named by who they are, with no amount and no name: a transfer (the dialogue asks the rest).
    ["send money to a friend", "transfer"],
    ["i want to send money to my friend", "transfer"],
    ["Send money to my mom", "transfer"],
    ["how do i send money to my friend", "transfer"],
    ["can i transfer some cash to my brother?", "transfer"],
    ["how can i get money to my son", "transfer"],
    ["send my dad some cash", "transfer"],
    // New charges on a card or account: the transactions list.
    ["any new charges on my card", "transactions"],
    ["are there new charges on my credit card", "transactions"],
    ["are there any pending charges on my account", "transactions"],
    ["do i have any new transactions on my checking account", "transactions"],
    ["did anything get charged to my card last night", "transactions"],
    // Card expiry in other words.
    ["when does my card run out", "card_expiry"],
    ["when is my card going to expire", "card_expiry"],
    ["what's the expiration date on my visa", "card_expiry"],
    ["how long is my card good for", "card_expiry"],
    ["until when is my debit card valid", "card_expiry"],
    // Questions only the rules answer.
    ["do you offer overdraft", "overdraft"],
    ["what happens if i overdraw", "overdraft"],
    ["can i go overdrawn on my checking account?", "overdraft"],
    // Session 25: the fee of an overdraft (out of scope, a top-up charge): there is none, and the answer says so.
    ["what is the overdraft fee", "overdraft"],
    ["how much overdraft fee do you charge", "overdraft"],
    ["do you charge for overdraft", "overdraft"],
    ["are there any overdraft fees", "overdraft"],
    // Session 25: pending items listed (BANKING77's pending_card_payment, a written answer, before).
    ["pending transactions", "transactions"],
    ["what's pending on my account", "transactions"],
    ["do i have any pending charges", "transactions"],
    ["what are your opening hours", "opening_hours"],
    ["are you open on sunday", "opening_hours"],
    ["what time does the bank close", "opening_hours"],
    ["how do I open a new account", "open_account"],
    ["can i open a savings account", "open_account"],
    ["i'd like to open a joint account", "open_account"],
    // Known misses of a crowd-style probe.
    ["how much did i take out of the atm", "transactions"],
    ["how much cash did i withdraw from atms this month", "transactions"],
    ["show me checks that cleared", "transactions"],
    ["Can I transfer money from my savings account to my checking account?", "transfer"],
    ["move money from checking to savings", "transfer"],
    ["I want to check on my money", "balance"],
    ["i want to check on my savings", "balance"],
    ["what do i have available to spend", "balance"],
    ["where is most of my money going", "spending"],
  ])("%s → %s", (text, intent) => {
    expect(ownWordsIntent(text)).toBe(intent);
    // plainRequestIntent applies these rules after its own.
    expect(plainRequestIntent(text)).toBe(intent);
  });

  it.each([
    // A how-to about receiving money, a problem, a fee: the model's.
    "how do i receive money from my friend",
    "how can i get money from my dad",
    "i sent money to my friend but it never arrived",
    "are there any charges for sending money abroad",
    "are there new charges on my card that i don't recognise",
    "why is there a pending charge on my account",
    "why is my transaction pending",
    "my card payment is still pending",
    // BANKING77's card_about_to_expire and card_arrival.
    "my card is about to expire, what do i do",
    "when will my new card arrive",
    "what happens when my card expires",
    // "am i overdrawn" is a balance question.
    "am i overdrawn",
    "is my account overdrawn",
    // Opening an account for someone else or at an age: BANKING77's age_limit.
    "can i open an account for my child",
    "how old do i need to be to open an account",
    // The declarative form BANKING77 labels transfer_into_account stays with the model.
    "I would like to transfer money from my checking account to my savings account.",
    "the atm gave me the wrong amount of cash",
    "how do i order checks",
  ])("leaves %s to the model", (text) => {
    expect(ownWordsIntent(text)).toBeUndefined();
  });
});

/**
 * Answers to the questions no model class covers, which only a reading rule gives (packages/nlu
 * own-words.ts): overdrafts, opening hours, opening an account. True to Teller's product: checking
 * and savings never go below zero (the `accounts_no_overdraft` check in packages/db), a transfer or
 * payment over what is available is refused with `insufficient_funds`, the chat has no hours, and
 * no branch hours, fees or figures are stated.
 */
import type { RuleFaqIntent } from "../../contract/intents.js";
import { CHECK_BALANCE, TALK_TO_PERSON, type FaqAnswer } from "./answer.js";

export const RULE_QUESTION_ANSWERS: Record<RuleFaqIntent, FaqAnswer> = {
  overdraft: {
    text: "Your checking and savings accounts have no overdraft: they never go below zero. A transfer or payment for more than what's available is refused and nothing is sent, so you can try a smaller amount or move money in from another account first. A credit card can be used up to its credit limit.",
    actions: [CHECK_BALANCE],
  },
  opening_hours: {
    text: "I'm here any time, day or night: you can check balances, see transactions, move money and freeze a card in this chat whenever you need to. Branch opening hours depend on the branch, so check them with your branch before you go. To reach a person on our team, choose “Talk to a person”.",
    actions: [CHECK_BALANCE, TALK_TO_PERSON],
  },
  open_account: {
    text: "I can't open a new account here in the chat. New accounts are opened in the app or at a branch, where the accounts on offer and what you need to apply are shown before you confirm. Once it's open, it appears here with your other accounts, and I can show its balance and move money into it.",
    actions: [TALK_TO_PERSON],
  },
};

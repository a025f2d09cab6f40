/**
 * Answers to the questions no model class covers, which only a reading rule gives (packages/nlu
 * own-words.ts): overdrafts, opening hours, opening an account. True to Teller's product: checking
 * and savings never go below zero (the `accounts_no_overdraft` check in packages/db), a transfer or
 * payment over what is available is refused with `insufficient_funds`, the chat has no hours, and
 * no branch hours, fees or figures are stated. limits15: raising a transfer limit (the limits are
 * the bank core's, the same for every customer: packages/banking/limits.ts) and adding a payee (the
 * chat and the app have no way to add one; payees come from the bank) are not done in the chat.
 */
import type { RuleFaqIntent } from "../../contract/intents.js";
import { quickReply } from "../render.js";
import { CHECK_BALANCE, SHOW_PAYEES, TALK_TO_PERSON, type FaqAnswer } from "./answer.js";

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
  // The chat cannot make a statement document; the transactions it lists for any period are the
  // same rows a statement shows, and a person can send an official one.
  account_statement: {
    text: "I can't send or download a statement here in the chat, but I can list your transactions for any period you like, such as last month's. For an official statement or a letter about your account, a person on our team can help.",
    actions: [quickReply("Last month's transactions", "Show my transactions last month"), TALK_TO_PERSON],
  },
  transfer_limit_change: {
    text: "I can't change your transfer limits here in the chat: they're set by the bank and apply to all your accounts together. I can show you what they are and how much of today's is left. To ask about a higher limit, talk to a person on our team.",
    actions: [quickReply("My transfer limits", "What are my transfer limits?"), TALK_TO_PERSON],
  },
  add_payee: {
    text: "I can't add a new payee here in the chat. I can send money to your own accounts and to the payees already saved on your profile. To have someone new added, talk to a person on our team.",
    actions: [SHOW_PAYEES, TALK_TO_PERSON],
  },
  // explore26: "delete chidi from my payees" listed the payees as if that were done. Payees come from
  // the bank; neither the chat nor the ledger has a way to remove one.
  remove_payee: {
    text: "I can't remove a payee here in the chat: your saved payees come from the bank, and I can only send money to them. A payee you no longer use does nothing until you send to it. To have one removed, talk to a person on our team.",
    actions: [SHOW_PAYEES, TALK_TO_PERSON],
  },
  // explore26: "are there any fees for my account" was "Sorry, I can't help with that." What the chat
  // knows is true of Teller's own product (no fee is booked on a transfer; no overdraft); a plan's fee
  // schedule is not in its data, so none is stated.
  account_fees: {
    text: "I can't see your plan's fee schedule here, so I won't guess at one: your plan's fees are on the fees page in the app. What I can tell you is that there's no fee on a transfer I make for you, between your accounts or to a saved payee, and your accounts have no overdraft, so no overdraft fee. If a fee on your account looks wrong, I can show your transactions or a person on our team can look into it.",
    actions: [quickReply("Recent transactions", "Show my recent transactions"), TALK_TO_PERSON],
  },
  // explore27: "can i send money abroad" was read as a transfer ("How much would you like to send?").
  // The chat sends only to the customer's own accounts and saved payees, in the account's own
  // currency (a currency it does not hold is refused): it says so, and offers what it can.
  international_transfer: {
    text: "I can't send money abroad here in the chat: I can send money to your own accounts and to the payees already saved on your profile, in your account's own currency. For a payment to another country or in another currency, talk to a person on our team.",
    actions: [SHOW_PAYEES, TALK_TO_PERSON],
  },
};

/**
 * Answers to the questions of a bank's own customers that BANKING77 lacks (CLINC150's banking and
 * credit-card domains): rewards, checks, credit scores, fees abroad. Same rules as the others: no
 * fees, limits or durations stated as fact; they point to the app, the fees page or this chat.
 */
import { quickReply } from "../render.js";
import { TELLER_FAQ_INTENTS } from "../../contract/intents.js";
import { FREEZE_CARD, TALK_TO_PERSON, type FaqAnswer } from "./answer.js";

/** The model's own list (nlu/intents.ts): a label it learns always has a written answer here. */
export const BANK_FAQ_INTENTS = TELLER_FAQ_INTENTS;

export type BankFaqIntent = (typeof BANK_FAQ_INTENTS)[number];

const MY_CREDIT_LIMIT = quickReply("My credit limit", "What's my credit limit?");
const MY_STATEMENT = quickReply("My statement", "When is my credit card payment due?");

export const BANK_QUESTION_ANSWERS: Record<BankFaqIntent, FaqAnswer> = {
  redeem_rewards: {
    text: "You can redeem your rewards points in the app, under your credit card's rewards section. The ways to redeem and how many points each one needs are shown there before you confirm. I can tell you your points balance here.",
    actions: [quickReply("My points", "How many rewards points do I have?")],
  },
  account_blocked: {
    text: "An account can be restricted after too many wrong sign-in attempts, when we spot something that looks like fraud, or when we need more information from you, for example to verify your identity. The app shows what's needed to lift the restriction. If the reason isn't clear, a person on our team can help.",
    actions: [TALK_TO_PERSON],
  },
  order_checks: {
    text: "You can order checks for your checking account in the app, under your account's settings. They're sent to the address on your profile, so check it's up to date first. Any charge is shown before you confirm.",
  },
  damaged_card: {
    text: "If your card is damaged, order a replacement in the app under Cards; it's sent to the address on your profile. Until it arrives you can keep using the card where it still works, or pay with your phone if the card is in Apple Pay or Google Pay. If the card may be in someone else's hands, freeze it first.",
    actions: [FREEZE_CARD],
  },
  improve_credit_score: {
    text: "Paying at least the minimum on time every month, keeping your card balances well below their limits and applying for new credit only when you need it all help your credit score over time. It's also worth checking your credit reports for mistakes and disputing any with the credit bureau. I can show your card's statement and due date here.",
    actions: [MY_STATEMENT],
  },
  credit_limit_change: {
    text: "You can ask for a higher credit limit in the app, under your credit card's settings: we review your account and may check your credit history before deciding. You can lower your limit there at any time. I can show your current limit and available credit here.",
    actions: [MY_CREDIT_LIMIT],
  },
  application_status: {
    text: "You can follow an application for an account or a card in the app, where its status is shown once you've applied. Some applications need extra checks or documents, and the app tells you if anything is needed from you. If you've been waiting a while, a person on our team can look into it.",
    actions: [TALK_TO_PERSON],
  },
  credit_score: {
    text: "I can't see your credit score: credit scores are worked out by the credit bureaus from your credit reports, not by us. You can request your reports from the bureaus directly. Here I can show your card's statement, limit and due date.",
    actions: [MY_STATEMENT, MY_CREDIT_LIMIT],
  },
  international_fees: {
    text: "Whether a card payment or cash withdrawal abroad has a foreign transaction fee depends on your card and plan; any fee is listed on the fees page in the app and shown in the transaction details. When a shop or ATM abroad offers to charge you in your own currency, choosing the local currency usually gets you a better rate.",
  },
};

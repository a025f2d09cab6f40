/** All FAQ answers, keyed by intent name: BANKING77's, the bank questions CLINC150 adds, then the rule-only ones. */
import type { FaqAnswer } from "./answer.js";
import { ACCOUNT_ANSWERS } from "./account.js";
import { BANK_QUESTION_ANSWERS } from "./bank-questions.js";
import { CARD_ANSWERS } from "./cards.js";
import { PAYMENT_ANSWERS } from "./payments.js";
import { RULE_QUESTION_ANSWERS } from "./rule-questions.js";
import { TRANSFER_ANSWERS } from "./transfers.js";

export type { FaqAnswer } from "./answer.js";
export { BANK_FAQ_INTENTS, type BankFaqIntent } from "./bank-questions.js";

const ANSWERS: ReadonlyMap<string, FaqAnswer> = new Map<string, FaqAnswer>(
  Object.entries({ ...CARD_ANSWERS, ...PAYMENT_ANSWERS, ...TRANSFER_ANSWERS, ...ACCOUNT_ANSWERS, ...BANK_QUESTION_ANSWERS, ...RULE_QUESTION_ANSWERS }),
);

export function faqAnswer(intent: string): FaqAnswer | undefined {
  return ANSWERS.get(intent);
}

export function faqIntents(): string[] {
  return [...ANSWERS.keys()];
}

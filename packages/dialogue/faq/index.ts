/** All FAQ answers, keyed by BANKING77 intent name. */
import type { FaqAnswer } from "./answer.js";
import { ACCOUNT_ANSWERS } from "./account.js";
import { CARD_ANSWERS } from "./cards.js";
import { PAYMENT_ANSWERS } from "./payments.js";
import { TRANSFER_ANSWERS } from "./transfers.js";

export type { FaqAnswer } from "./answer.js";

const ANSWERS: ReadonlyMap<string, FaqAnswer> = new Map<string, FaqAnswer>(
  Object.entries({ ...CARD_ANSWERS, ...PAYMENT_ANSWERS, ...TRANSFER_ANSWERS, ...ACCOUNT_ANSWERS }),
);

export function faqAnswer(intent: string): FaqAnswer | undefined {
  return ANSWERS.get(intent);
}

export function faqIntents(): string[] {
  return [...ANSWERS.keys()];
}

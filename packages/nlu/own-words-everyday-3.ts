// Wave 3, explore29: what everyday customers typed by hand and the model misread. Same conventions
// as own-words-everyday.ts: each pattern matches the whole small-talk-free message (lower-cased
// ASCII), gated on words it cannot match without. rule-check.ts claims no public row with another label.

import { lazyPattern } from "./lazy-pattern";
import { END, LEAD } from "./request-patterns";
import type { ReadingRule } from "./own-words";

const PAY_LEAD = String.raw`(?:(?:ok(?:ay)?|so|then|just|yes|yeah|alright)[,!.\s]+)*(?:${LEAD})?(?:just\s+)?`;

export const OWN_WORDS_EVERYDAY_3_RULES: ReadingRule[] = [
  // "pay the full amount" (pay_bill 0.40, below the bar: "Sorry, I can't help with that."), "pay the
  // full balance" (balance 0.79: the balances read out) right after the card's statement: a payment.
  // Which bill is the flow's to tell (flows/pay-it-off.ts: the card just read).
  [["full", "whole", "entire"], lazyPattern(String.raw`^${PAY_LEAD}(?:pay|clear|settle)\s+(?:off\s+)?the\s+(?:full|whole|entire)\s+(?:amount|balance|thing)(?:\s+off)?${END}`), "pay_bill"],
  // "why is my balance so low" (balance: the balances alone, again): where it went, this month's
  // spending by category ("where did all my money go" is spending already).
  [["balance"], lazyPattern(String.raw`^(?:so\s+|and\s+|like\s+)?why\s+is\s+my\s+balance\s+(?:so\s+)?(?:low|lower)(?:\s+than\s+(?:usual|normal|i\s+thought|expected))?${END}`), "spending"],
];

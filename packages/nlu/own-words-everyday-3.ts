// Wave 3, explore29: what everyday customers typed by hand and the model misread. Same conventions
// as own-words-everyday.ts: each pattern matches the whole small-talk-free message (lower-cased
// ASCII), gated on words it cannot match without. rule-check.ts claims no public row with another label.

import { lazyPattern } from "./lazy-pattern";
import { END, LEAD } from "./request-patterns";
import type { ReadingRule } from "./own-words";

const PAY_LEAD = String.raw`(?:(?:ok(?:ay)?|so|then|just|yes|yeah|alright)[,!.\s]+)*(?:${LEAD})?(?:just\s+)?`;
const MONEY = String.raw`(?:all\s+)?(?:my|the|our)\s+(?:money|cash|paycheck|pay|salary)`;

export const OWN_WORDS_EVERYDAY_3_RULES: ReadingRule[] = [
  // "pay the full amount" (pay_bill 0.40, below the bar: "Sorry, I can't help with that."), "pay the
  // full balance" (balance 0.79: the balances read out) right after the card's statement: a payment.
  // Which bill is the flow's to tell (flows/pay-it-off.ts: the card just read).
  [["full", "whole", "entire"], lazyPattern(String.raw`^${PAY_LEAD}(?:pay|clear|settle)\s+(?:off\s+)?the\s+(?:full|whole|entire)\s+(?:amount|balance|thing)(?:\s+off)?${END}`), "pay_bill"],
  // "where did my money go" (verify_source_of_funds 0.9: where money paid in comes from), "why is my
  // balance so low" (balance: the balances alone): where it went, this month's spending by category.
  [["money", "cash", "paycheck", "pay", "salary", "balance"], lazyPattern(String.raw`^(?:so\s+|and\s+|like\s+)?(?:where\s+(?:did|does|has|is|'?s)\s+${MONEY}\s+(?:go(?:ne|ing)?|went)(?:\s+(?:this|last)\s+month)?|why\s+is\s+my\s+balance\s+(?:so\s+)?(?:low|lower)(?:\s+than\s+(?:usual|normal|i\s+thought|expected))?)${END}`), "spending"],
];

// Wave 3, sweep17 (issue 12): what forty more conversations showed Teller misread. Same conventions
// as requests.ts and own-words*.ts, which apply these after their own: each pattern matches the whole
// small-talk-free message (lower-cased ASCII, texting spelled out), gated on words it cannot match
// without. rule-check.ts claims no public row with another label.

import { lazyPattern } from "./lazy-pattern";
import { END, LEAD } from "./request-patterns";
import type { ReadingRule } from "./own-words";

const DIRECT_DEPOSIT = String.raw`direct\s+dep(?:osit)?s?`;
const DETAILS = String.raw`(?:numbers?|details|info|information)`;
// What a customer gives an employer for direct deposit: the account and routing numbers.
const ACCOUNT_DETAILS = String.raw`(?:(?:account|routing)(?:\s+(?:and|&)\s+(?:account|routing))?\s+numbers?|account\s+details|bank\s+details)`;
const PAY_LEAD = String.raw`(?:(?:i\s+(?:want|need|would\s+like)|i'?d\s+like)\s+to\s+|please\s+|let\s+me\s+|(?:can|could|would)\s+you\s+(?:please\s+)?)?`;
// The kinds of bill a saved biller is picked by (pay-bill.ts); never a card ("credit card bill").
const UTILITY = String.raw`(?:power|electric(?:ity)?|energy|light|water|gas|internet|broadband|wi-?fi|cable|tv|phone|cell(?:\s+phone)?|mobile|utility|utilities|trash|sewer|heating)`;
const AMOUNT = String.raw`\$?\d{1,5}(?:\.\d{2})?(?:\s*(?:dollars|bucks))?`;
const FROM = String.raw`(?:from|out\s+of|with|using)\s+(?:my\s+)?(?:savings|checking)(?:\s+account)?`;
const DAY = String.raw`(?:mon|tues|wednes|thurs|fri|satur|sun)day`;
// Which of someone's payments: "my friday payment", "the monthly transfer".
const WHICH = String.raw`(?:(?:scheduled|upcoming|recurring|weekly|monthly|next|${DAY}'?s?)\s+)?`;
// "to chidi", "to Harbor View Apartments" and the day it is due ("tomorrow", "on monday").
const TO_SOMEONE = String.raw`to\s+[a-z][a-z'.&-]*(?:\s+(?!(?:tomorrow|on|this|next)\b)[a-z][a-z'.&-]*){0,3}(?:\s+(?:tomorrow|(?:on\s+|this\s+|next\s+)?${DAY}))?`;

export const OWN_WORDS_10_RULES: ReadingRule[] = [
  // "i want to set up direct deposit for my paycheck, what numbers do i need?" (out_of_scope 1.00):
  // the account and routing numbers (masked unless the full one is asked for).
  [["direct dep"], lazyPattern(String.raw`^${LEAD}(?:set\s+up|setup|start|get)\s+(?:a\s+)?${DIRECT_DEPOSIT}(?:\s+(?:for|with|from)\s+(?:my\s+)?(?:paycheck|pay|salary|wages|job|employer|work))?\s*[,.;]?\s*(?:so\s+)?(?:what|which)\s+${DETAILS}\s+(?:do|will|would)\s+i\s+need${END}`), "account_numbers"],
  [["direct dep"], lazyPattern(String.raw`^(?:what|which)\s+${DETAILS}\s+(?:do|will|would)\s+i\s+(?:need|give\s+(?:my\s+)?(?:employer|job|work|boss|payroll))\s+(?:to\s+(?:set\s+up|setup|get|start)|for)\s+(?:a\s+|my\s+)?${DIRECT_DEPOSIT}${END}`), "account_numbers"],
  [["direct dep"], lazyPattern(String.raw`^(?:${LEAD}|what(?:'s|\s+is|\s+are)\s+|give\s+me\s+|tell\s+me\s+)?(?:my\s+|the\s+)?${ACCOUNT_DETAILS}\s+for\s+(?:a\s+|my\s+)?${DIRECT_DEPOSIT}${END}`), "account_numbers"],
  // "pay my power bill, 72.50 from savings" (transfer 0.73: the amount and the account read as a
  // transfer, and it asked "Who should I send it to?"): a utility bill, with its amount or account.
  [["bill"], lazyPattern(String.raw`^${PAY_LEAD}pay\s+(?:${AMOUNT}\s+(?:on|for|towards?|to)\s+)?(?:my|the)\s+${UTILITY}\s+bill(?:\s*,?\s*(?:of\s+)?${AMOUNT})?(?:\s*,?\s*${FROM})?(?:\s*,?\s*(?:of\s+)?${AMOUNT})?${END}`), "pay_bill"],
  // "pay the minimum on my credit card from checking" (credit_statement 0.86: the statement was read
  // out, nothing paid): a card payment of the statement's minimum (entities/query.ts).
  [["min"], lazyPattern(String.raw`^${PAY_LEAD}(?:just\s+|only\s+)?(?:pay|make)\s+(?:just\s+|only\s+)?(?:the|my)\s+min(?:imum)?(?:\s+(?:payment|amount|due))?\s+(?:on|for|to|towards?)\s+(?:my|the)\s+(?:credit\s+)?(?:card|visa|master\s?card|amex)(?:\s+bill)?(?:\s+${FROM})?${END}`), "pay_bill"],
  // explore19: "cancel my payment to chidi" (reverted_card_payment 0.74, the answer on card payments
  // a merchant reverted), "… tomorrow" (out_of_scope 0.50): cancelling a payment to someone, which
  // Teller can do only for a scheduled one (flows/schedules.ts names it back or lists them). Asked
  // ("can i cancel …") it stays the model's question.
  [["cancel", "stop"], lazyPattern(String.raw`^${PAY_LEAD}(?:cancel|stop)\s+(?:my|the)\s+${WHICH}(?:payment|transfer)\s+${TO_SOMEONE}${END}`), "scheduled_payments"],
];

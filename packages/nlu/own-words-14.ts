// Wave 3, explore26: what everyday customers typed by hand and the model misread. Same conventions
// as own-words-13.ts: each pattern matches the whole small-talk-free message (lower-cased ASCII),
// gated on words it cannot match without. rule-check.ts claims no public row with another label.

import { lazyPattern } from "./lazy-pattern";
import { END, LEAD } from "./request-patterns";
import type { ReadingRule } from "./own-words";

// A saved payee: "chidi", "jordan lee", "my landlord", "a payee", "the water company".
const WHO = String.raw`(?:(?:a|an|one|my|the|this|that|old)\s+)?(?:[a-z][a-z'.\-]*\s+){0,2}?`;
const PAYEE_LIST = String.raw`(?:my\s+|the\s+)?(?:saved\s+)?(?:payees?|recipients?|payee\s+list|list\s+of\s+payees|contacts|beneficiar(?:y|ies))`;
const REMOVE = String.raw`(?:remove|delete|take\s+off|get\s+rid\s+of|erase|clear)`;
// Fees on the customer's account or plan: monthly, maintenance, account, service fees.
const FEE = String.raw`(?:fees?|charges?)`;
const ACCOUNT_FEE = String.raw`(?:(?:monthly|maintenance|monthly\s+maintenance|account|service|monthly\s+service|annual|yearly|hidden|bank|banking)\s+${FEE})`;
const MY_ACCOUNT = String.raw`(?:my|the|this|an?)\s+(?:(?:checking|savings|bank)\s+)?account`;
// Bills or payments still to come: "coming up", "due", "upcoming", "this week".
const SOON = String.raw`(?:\s+(?:this|next)\s+(?:week|month)|\s+soon)?`;

export const OWN_WORDS_14_RULES: ReadingRule[] = [
  // "delete chidi from my payees" (payees 1.00: the list was shown as if removed), "can i remove a
  // payee", "how do i delete a recipient". Payees come from the bank: the chat cannot remove one.
  [["remove", "delete", "take", "get rid", "erase", "clear"], lazyPattern(String.raw`^(?:${LEAD}|how\s+(?:do|can|would)\s+i\s+|is\s+it\s+possible\s+to\s+)?(?:${REMOVE}\s+${WHO}(?:from|off(?:\s+of)?)|take\s+${WHO}(?:off(?:\s+of)?|out\s+of))\s+${PAYEE_LIST}${END}`), "remove_payee"],
  [["remove", "delete", "take off", "get rid", "erase", "clear"], lazyPattern(String.raw`^(?:${LEAD}|how\s+(?:do|can|would)\s+i\s+|is\s+it\s+possible\s+to\s+)?${REMOVE}\s+(?:a|an|one|my|the|this|that|old|some|all)\s+(?:(?:old|saved|of\s+my)\s+)?(?:payees?|recipients?|beneficiar(?:y|ies))(?:\s+(?:from\s+)?${PAYEE_LIST})?${END}`), "remove_payee"],
  // "are there any fees for my account" (international_fees 0.37), "is there a monthly fee"
  // (card_payment_fee_charged 0.28), "what are your fees" (out_of_scope 0.85). A card, a transfer, an
  // ATM, an overdraft or a currency named keeps its own answer (the model's or own-words-7's).
  [["fee", "charge"], lazyPattern(String.raw`^(?:(?:is|are)\s+there\s+(?:a|an|any)\s+(?:${ACCOUNT_FEE}|${FEE})\s+(?:for|on|with)\s+${MY_ACCOUNT}|(?:is|are)\s+there\s+(?:a|an|any)\s+${ACCOUNT_FEE}(?:\s+(?:for|on|with)\s+${MY_ACCOUNT})?|(?:do|does|will)\s+(?:you|u|teller|the\s+bank|${MY_ACCOUNT})\s+(?:charge|have)\s+(?:a|an|any)\s+(?:${ACCOUNT_FEE}|${FEE})(?:\s+(?:for|on)\s+${MY_ACCOUNT})?|what(?:'?s|\s+is|\s+are|\s+re)\s+(?:the|your|my)\s+(?:${ACCOUNT_FEE}|${FEE})(?:\s+(?:for|on)\s+${MY_ACCOUNT})?|(?:how\s+much|what)\s+(?:do|does|will)\s+(?:you|u|teller|the\s+bank)\s+charge(?:\s+(?:for|on)\s+${MY_ACCOUNT})?(?:\s+(?:a|per|each|every)\s+(?:month|year))?|(?:do\s+i\s+(?:have\s+to\s+)?pay|am\s+i\s+paying)\s+(?:any\s+|a\s+)?(?:${ACCOUNT_FEE}(?:\s+(?:for|on)\s+${MY_ACCOUNT})?|${FEE}\s+(?:for|on)\s+${MY_ACCOUNT})|is\s+${MY_ACCOUNT}\s+free(?:\s+of\s+charge)?)${END}`), "account_fees"],
  // "what bills do i have coming up", "any bills due this week", "when is my rent due" (credit_statement
  // 0.90-1.00: "You don't have a credit card with us." to a customer without one): the payments
  // scheduled ahead, as "what payments are coming up" gets. A credit card's own bill stays the model's.
  [["bill", "rent", "due", "coming up", "upcoming"], lazyPattern(String.raw`^(?:what|which)\s+(?:bills|payments)\s+(?:do\s+i\s+have|have\s+i\s+got|are)\s+(?:coming\s+up|due|upcoming|scheduled|left\s+to\s+pay)${SOON}${END}`), "scheduled_payments"],
  [["bill", "due", "coming up", "upcoming"], lazyPattern(String.raw`^(?:(?:are\s+there|do\s+i\s+have|have\s+i\s+got)\s+)?any\s+(?:bills|payments)\s+(?:coming\s+up|due|upcoming|scheduled)${SOON}${END}`), "scheduled_payments"],
  [["upcoming", "coming up"], lazyPattern(String.raw`^(?:${LEAD}(?:see|know|check)\s+|show\s+me\s+|list\s+|what\s+are\s+)?(?:my|the)\s+(?:upcoming\s+bills|bills\s+coming\s+up)${SOON}${END}`), "scheduled_payments"],
];

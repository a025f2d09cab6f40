// Wave 3, explore27: what ten everyday customers typed by hand and the model misread. Same
// conventions as own-words-14.ts: each pattern matches the whole small-talk-free message
// (lower-cased ASCII), gated on words it cannot match without. rule-check.ts claims no public row
// with another label.

import { lazyPattern } from "./lazy-pattern";
import { END, LEAD } from "./request-patterns";
import type { ReadingRule } from "./own-words";

const REMOVE = String.raw`(?:remove|delete|erase|get\s+rid\s+of)`;
// A name as people type one: a word that is no determiner, pronoun or thing a bank holds ("remove
// chidi", "delete jordan lee"; never "remove the freeze", "delete my account", "remove it").
const NOT_A_NAME = String.raw`(?:my|the|a|an|this|that|these|those|it|them|all|every\w*|any\w*|some\w*|me|us|him|her|his|our|your|from|off|freeze|frozen|block\w*|lock\w*|hold|holds|restrictions?|limits?|cards?|accounts?|acct|debit|credit|visa|master\s?card|amex|payments?|transfers?|transactions?|charges?|fees?|auto\s?pay|overdraft|pin|app|profile|history|data|info|information|details|number|numbers|address|email|phone|direct|standing|scheduled|recurring|subscriptions?|alerts?|notifications?|password|login|device|savings|checking|money|funds|cash|pending|duplicate|dispute|disputes|payees?|recipients?|beneficiar\w*|contacts?)`;
const NAME = String.raw`(?!${NOT_A_NAME}\b)[a-z][a-z'.\-]*(?:\s+(?!${NOT_A_NAME}\b|please\b|now\b|for\b|too\b)[a-z][a-z'.\-]*){0,2}`;
const PAY_LEAD = String.raw`(?:(?:i\s+(?:want|need|would\s+like)|i'?d\s+like)\s+to\s+|please\s+|let\s+me\s+|(?:can|could|would)\s+you\s+(?:please\s+)?)?`;
const FROM = String.raw`(?:from|out\s+of|with|using)\s+(?:my\s+|the\s+)?(?:savings|checking)(?:\s+account)?`;
const CARD = String.raw`(?:(?:credit\s+)?card|visa|master\s?card|amex|cc)`;
const RATE = String.raw`(?:apy|apr|interest\s+rate|interest|rate)`;
const WHAT_IS = String.raw`(?:what(?:'s|s|\s+is)\s+|tell\s+me\s+|show\s+me\s+|give\s+me\s+|check\s+)`;
const ACCOUNT = String.raw`(?:savings|checking|${CARD})(?:\s+account)?`;
const REWARDS_CARD = String.raw`(?:my|the)\s+(?:teller\s+)?rewards?\s+(?:credit\s+)?card`;

// A period after a list: "last month", "this week", "in november", "yesterday".
const PERIOD = String.raw`(?:\s+(?:(?:in|for|during|over|from)\s+)?(?:(?:this|last|past|previous)\s+(?:week|month|year|\d+\s+days)|yesterday|today|(?:the\s+)?(?:jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sep(?:tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)))?`;

// Somewhere abroad: "abroad", "overseas", "internationally", "to another country", "to a bank in mexico".
const ABROAD = String.raw`(?:abroad|overseas|internationally|out\s+of\s+(?:the\s+)?(?:country|us|usa)|outside\s+(?:of\s+)?(?:the\s+)?(?:country|us|usa|united\s+states)|to\s+(?:another|a\s+(?:different|foreign))\s+country|to\s+(?:a\s+)?(?:foreign|international|overseas)\s+(?:bank|account|bank\s+account))`;
const SEND_MONEY = String.raw`(?:send|transfer|wire|move)\s+(?:money|funds|cash|payments?)`;

export const OWN_WORDS_EVERYDAY_RULES: ReadingRule[] = [
  // "can i send money abroad" (transfer 0.94: "How much would you like to send?"), "how do i send money
  // overseas" (transfer 0.46), "can i make an international transfer" (balance_not_updated_after_bank_transfer
  // 0.53): the chat sends only to own accounts and saved payees (dialogue/faq/rule-questions.ts).
  [["abroad", "overseas", "international", "country", "outside", "foreign"], lazyPattern(String.raw`^(?:(?:can|could|may)\s+i\s+|(?:how\s+(?:do|can|would)\s+i|is\s+it\s+possible\s+to|am\s+i\s+able\s+to)\s+|(?:can|could)\s+(?:you|u)\s+|i\s+(?:want|need|would\s+like)\s+to\s+|i'?d\s+like\s+to\s+)?${SEND_MONEY}\s+${ABROAD}${END}`), "international_transfer"],
  [["international"], lazyPattern(String.raw`^(?:(?:can|could|may)\s+i\s+(?:make|send|do)\s+|how\s+(?:do|can)\s+i\s+(?:make|send|do)\s+|(?:do|can)\s+(?:you|u)\s+(?:do|make|send|offer|support)\s+|i\s+(?:want|need|would\s+like)\s+to\s+(?:make|send)\s+|i'?d\s+like\s+to\s+(?:make|send)\s+)(?:an?\s+)?international\s+(?:transfers?|wires?|wire\s+transfers?|payments?|money\s+transfers?)${END}`), "international_transfer"],
  // "my transfers this month" (scheduled_payments 0.26, below the bar: "Sorry, I can't help with
  // that"), "show me all the transfers i made": the transfers made, listed (entities/spending.ts).
  [["transfers"], lazyPattern(String.raw`^(?:${LEAD}(?:see|view|check|get)\s+|show\s+(?:me\s+)?|list\s+|what\s+(?:are|were)\s+|give\s+me\s+)?(?:all\s+)?(?:(?:of\s+)?(?:my|the)\s+)?(?:recent\s+|latest\s+|last\s+)?transfers(?:\s+(?:(?:that\s+)?i(?:'ve|\s+have)?\s+(?:made|did|done|sent)))?${PERIOD}${END}`), "transactions"],
  // "remove chidi", "delete jordan lee please" (unfreeze_card 0.57: a Yes was asked to unfreeze a
  // frozen card; out_of_scope 0.90): a name after remove/delete is a saved payee, which the chat
  // cannot remove (flows answer remove_payee). Anything a bank holds after the verb keeps its reading.
  [["remove", "delete", "erase", "get rid"], lazyPattern(String.raw`^(?:${LEAD})?${REMOVE}\s+${NAME}${END}`), "remove_payee"],
  // "pay the minimum from checking", "pay my card minimum" (transfer 0.60: "How much would you like
  // to send?" and a payee list, the card's minimum never looked up), "pay the minimum" (credit_statement
  // 0.99: the statement read out, nothing paid): a card payment of the newest statement's minimum.
  [["min"], lazyPattern(String.raw`^${PAY_LEAD}(?:just\s+|only\s+)?(?:pay|make)\s+(?:just\s+|only\s+)?(?:(?:the|my)\s+${CARD}(?:'?s)?\s+|the\s+|my\s+)min(?:imum)?(?:\s+(?:payment|amount|due))?(?:\s+(?:on|for|to|towards?)\s+(?:my|the)\s+${CARD}(?:\s+bill)?)?(?:\s*,?\s*${FROM})?${END}`), "pay_bill"],
  // "can you tell me my apy on checking" (balance 0.63: the balance was shown), "whats the apy on
  // my checking" (balance 0.68), "what apy does my checking get" (out_of_scope 0.72).
  [["apy", "apr", "interest", "rate"], lazyPattern(String.raw`^(?:${LEAD}(?:know\s+|see\s+|check\s+|tell\s+me\s+)?|${WHAT_IS})?(?:my|the)\s+${RATE}\s+(?:on|for|of)\s+(?:my\s+|the\s+)?${ACCOUNT}${END}`), "interest_rate"],
  [["apy", "apr", "interest", "rate"], lazyPattern(String.raw`^(?:what|which)\s+${RATE}\s+(?:does|do)\s+(?:my|the)\s+${ACCOUNT}\s+(?:get|have|earn|pay|charge)${END}`), "interest_rate"],
  // "whats my balance on the rewards card", "how much do i owe on my rewards card" (rewards_balance
  // 0.88-1.00: the points were read out): the card called a rewards card, its balance, not its points.
  [["reward"], lazyPattern(String.raw`^(?:${WHAT_IS}|${LEAD}(?:know\s+|see\s+|check\s+)?)?(?:my\s+|the\s+)?(?:current\s+)?balance\s+(?:on|of|for)\s+${REWARDS_CARD}${END}`), "balance"],
  [["reward"], lazyPattern(String.raw`^(?:how\s+much\s+(?:do\s+i\s+owe|is\s+owed|is\s+due|is\s+(?:on|left\s+on))|what\s+do\s+i\s+owe)\s+(?:on\s+)?${REWARDS_CARD}${END}`), "balance"],
];

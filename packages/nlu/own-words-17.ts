// Wave 3, crowd31 (issue 12): the families a thirteenth fresh probe (scripts/nlu/probe-set-13.ts,
// dialogue openers and CLINC-style bank requests) showed the model misreading. Same conventions as
// own-words-16.ts: each pattern matches the whole small-talk-free message (lower-cased ASCII), gated
// on words it cannot match without. rule-check.ts claims no public row with another label.

import { lazyPattern } from "./lazy-pattern";
import { END, LEAD } from "./request-patterns";
import type { ReadingRule } from "./own-words";

// One of the customer's own accounts, as a place money goes to or comes from.
const OWN = String.raw`(?:my\s+|the\s+)?(?:checking|savings|joint|other)(?:\s+account)?`;
// Words that make a number "up": boosting, raising, fixing.
const RAISE = String.raw`(?:improv|rais|boost|increas|build|bump|fix|repair|better|lift|push)\w*`;

export const OWN_WORDS_17_RULES: ReadingRule[] = [
  // "i'd like to transfer the rest of my checking balance into savings" (balance 0.51), "move my
  // whole savings balance into checking" (balance 0.63): a balance moved to another account is the
  // money in it, moved.
  [["balance"], lazyPattern(String.raw`^(?:${LEAD})?(?:transfer|move|shift|put|sweep)\s+(?:over\s+)?(?:(?:the\s+)?(?:rest|remainder)\s+of\s+|all\s+(?:of\s+)?)?(?:my\s+|the\s+)?(?:whole\s+|entire\s+|full\s+|remaining\s+)?(?:checking|savings|joint)\s+(?:account\s+)?balance\s+(?:over\s+)?(?:into|in|to)\s+${OWN}${END}`), "transfer"],
  // "tips for boosting my fico" (out of scope 0.97): FICO is the credit score; the rules in
  // requests.ts need the word "credit".
  [["fico"], lazyPattern(String.raw`^(?:${LEAD})?(?:(?:any\s+|some\s+)?(?:tips|advice|ideas|suggestions|ways|help)\s+(?:for|on|to|with)\s+|how\s+(?:do|can|could|should|would)\s+i\s+|what\s+can\s+i\s+do\s+to\s+)?${RAISE}\s+(?:up\s+)?my\s+fico(?:\s+score)?(?:\s+up)?${END}`), "improve_credit_score"],
  // "what's my fico" (out of scope 0.66): the score itself.
  [["fico"], lazyPattern(String.raw`^(?:${LEAD})?(?:(?:what(?:'s|s|\s+is)|check|see|tell\s+me|show\s+me|look\s+up|get)\s+)?my\s+(?:current\s+)?fico(?:\s+score)?(?:\s+(?:now|right\s+now|at\s+the\s+moment))?${END}`), "credit_score"],
  // "can you bump up my credit line" (credit_limit 0.33): slang for raising the limit.
  [["bump", "jack"], lazyPattern(String.raw`^(?:${LEAD})?(?:bump|jack)\s+(?:up\s+)?(?:my|the)\s+(?:credit\s+(?:line|limit)|(?:card|spending|credit\s+card)\s+limit|limit)(?:\s+(?:on|for)\s+my\s+(?:credit\s+card|card|visa|mastercard|amex))?(?:\s+up)?${END}`), "credit_limit_change"],
  // "how do i reset the four digit code on my card" (passcode_forgotten 0.82: the app's passcode):
  // a card's four-digit code is its PIN.
  [["digit"], lazyPattern(String.raw`^(?:${LEAD}|how\s+(?:do|can|could|would)\s+i\s+)?(?:reset|change|update|pick|choose|set|make)\s+(?:up\s+)?(?:a\s+new\s+|my\s+|the\s+)(?:new\s+)?(?:four|4)[\s-]?digit\s+(?:code|number|pin)(?:\s+(?:on|for)\s+(?:my|the)\s+(?:debit\s+|credit\s+|bank\s+|atm\s+)?card)?${END}`), "change_pin"],
  // "please put a hold on my checking account, i think someone has my info" (compromised_card 0.63):
  // an account hold asked for, then why. A card's details taken stays compromised_card (BANKING77).
  [["hold", "freeze", "lock", "block"], lazyPattern(String.raw`^(?:${LEAD})?(?:freeze|lock|block|put\s+a\s+(?:hold|freeze|block|lock)\s+on)\s+(?:my|the)\s+(?:checking\s+|savings\s+|bank\s+|joint\s+)?account\s*[,.;-]?\s+(?:i\s+think|because|since|as|cause|cuz|i\s+believe|i'?m\s+(?:worried|afraid|scared)|it\s+(?:looks|seems)\s+like)\b[^?]*$`), "freeze_card"],
  // "Good morning, this is Mrs. Alvarez. I need my account balances for a loan application."
  // (application_status 0.51 alone; the gateway declined the whole): balances wanted for paperwork.
  [["balance"], lazyPattern(String.raw`^(?:${LEAD})?(?:(?:check|see|know|get|have|view|show\s+me|tell\s+me|send\s+me|give\s+me)\s+)?(?:my|the|all\s+(?:of\s+)?my)\s+(?:current\s+)?(?:(?:account|checking|savings|bank)\s+)?(?:account\s+)?balances?\s+for\s+(?:a|an|my|the|our)\s+(?:[a-z]+\s+){0,2}?(?:application|form|paperwork|records|taxes|tax\s+return|budget|accountant|lender|landlord|realtor)${END}`), "balance"],
];

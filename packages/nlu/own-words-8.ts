// Wave 3, nlu12 (issue 12): what the eighth fresh probe (scripts/nlu/probe-set-8.ts, the fix set)
// showed the model misreading: BANKING77 transfer problems that kept their kind (a written answer)
// but not their topic. Each rule is a family of phrasings, checked against every public row
// (scripts/nlu/rule-check.ts). Same conventions as requests.ts and own-words*.ts, which apply these
// after their own: each pattern matches the whole small-talk-free message (lower-cased ASCII,
// texting spelled out), gated on words it cannot match without.

import { lazyPattern } from "./lazy-pattern";
import { END, PERSON } from "./request-patterns";
import type { ReadingRule } from "./own-words";

// One transfer of the customer's ("my transfer", "the bank transfer", "my last wire to jordan"),
// never one to a beneficiary or payee (BANKING77's beneficiary_not_allowed),
// never one "to my account" (BANKING77: "A transfer to my account was denied." is beneficiary_not_allowed)
// nor a "transaction" ("Why was my transaction declined?" is its failed_transfer).
const A_TRANSFER = String.raw`(?:my|the|a|this)\s+(?:(?:last|latest|recent|bank|money|wire|online|international|outgoing)\s+){0,2}(?:transfer|wire)(?:\s+(?:to|for)\s+(?![^.?!]*\b(?:beneficiar\w*|payees?|accounts?)\b)[a-z'. ]{1,30}?)?`;
const REFUSED = String.raw`(?:rejected|declined|refused|denied|turned\s+down|bounced)`;

export const OWN_WORDS_8_RULES: ReadingRule[] = [
  // "why was my bank transfer rejected" (failed_transfer 1.00): one transfer the bank refused is
  // BANKING77's declined_transfer ("My transfer was rejected", "why was a transfer declined"); one
  // that "keeps getting rejected" stays the model's, and so does "why did the bank reject my transfer" (BANKING77 files both under
  // failed_transfer).
  [["rejected", "declined", "refused", "denied", "turned down", "bounced"], lazyPattern(String.raw`^(?:why\s+(?:was|has|did|is)\s+)?${A_TRANSFER}\s+(?:just\s+)?(?:been\s+|get\s+|got\s+|was\s+|is\s+)?${REFUSED}(?:\s+(?:today|yesterday|this\s+morning|earlier))?(?:\s*[,.]?\s*(?:why|how\s+come|what\s+happened))?${END}`), "declined_transfer"],
  // "the payment to my friend didn't go through" (pending_card_payment 0.27): money sent to a
  // person that failed is a failed transfer; a card payment or one at a shop stays the model's.
  [["through"], lazyPattern(String.raw`^(?:why\s+)?(?:my|the)\s+(?:(?:last|latest|recent)\s+)?(?:payment|money|transfer|cash)\s+(?:i\s+sent\s+)?to\s+(?:my\s+)?${PERSON}\s+(?:didn'?t|did\s+not|won'?t|hasn'?t|has\s+not|never)\s+(?:go|gone|went)\s+through(?:\s+(?:today|yesterday|this\s+morning))?(?:\s*[,.]?\s*(?:why|how\s+come|what\s+happened))?${END}`), "failed_transfer"],
  [["fail"], lazyPattern(String.raw`^(?:why\s+(?:did|has)\s+)?(?:my|the)\s+(?:(?:last|latest|recent)\s+)?(?:payment|money|transfer)\s+(?:i\s+sent\s+)?to\s+(?:my\s+)?${PERSON}\s+(?:has\s+|just\s+)?(?:fail|failed)(?:\s+(?:today|yesterday|this\s+morning))?(?:\s*[,.]?\s*(?:why|how\s+come|what\s+happened))?${END}`), "failed_transfer"],
];

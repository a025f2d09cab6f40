// Wave 3, explore28: what everyday customers typed by hand and the model misread. Same conventions
// as own-words-everyday.ts: each pattern matches the whole small-talk-free message (lower-cased
// ASCII), gated on words it cannot match without. rule-check.ts claims no public row with another label.

import { lazyPattern } from "./lazy-pattern";
import { END, LEAD } from "./request-patterns";
import type { ReadingRule } from "./own-words";

// Countries people send money to by name; "to mexico" is abroad as "overseas" is.
const COUNTRIES = [
  "mexico", "canada", "india", "china", "japan", "korea", "philippines", "vietnam", "pakistan", "bangladesh", "nigeria", "ghana", "kenya",
  "colombia", "brazil", "peru", "guatemala", "honduras", "el salvador", "dominican republic", "jamaica", "haiti", "cuba", "puerto rico",
  "uk", "england", "ireland", "france", "germany", "spain", "italy", "poland", "portugal", "australia", "europe",
];
const COUNTRY = String.raw`(?:the\s+)?(?:${COUNTRIES.map((c) => c.replace(/ /g, String.raw`\s+`)).join("|")})`;
const SEND_MONEY = String.raw`(?:send|transfer|wire|move)\s+(?:some\s+)?(?:money|funds|cash|payments?)`;
const ASK = String.raw`(?:(?:can|could|may)\s+i\s+|(?:how\s+(?:do|can|would)\s+i|is\s+it\s+possible\s+to|am\s+i\s+able\s+to)\s+|(?:can|could)\s+(?:you|u)\s+|i\s+(?:want|need|would\s+like)\s+to\s+|i'?d\s+like\s+to\s+)?`;
const CREDIT_CARD = String.raw`(?:a|one\s+of\s+your|your)\s+(?:credit\s+card|cc)`;
// "a new credit card" stays a replacement card (CLINC150 new_card): only a first one is a new account.

const SENDING = String.raw`(?:send(?:ing)?|transfer(?:ring)?|mov(?:e|ing))\s+(?:money|funds|cash)(?:\s+to\s+(?:someone|a\s+friend|my\s+savings|savings|another\s+account|my\s+other\s+account|a\s+payee))?`;

export const OWN_WORDS_EVERYDAY_2_RULES: ReadingRule[] = [
  // "is there a fee to send money" (transfer 0.4, below the bar: "Sorry, I can't help with that."), "does
  // it cost anything to transfer money": the answer on transfer fees (BANKING77 transfer_fee_charged): a transfer made here carries none.
  [["fee", "cost", "charge"], lazyPattern(String.raw`^(?:(?:is|are)\s+there\s+(?:a|any)\s+(?:fees?|charges?)\s+(?:to|for)\s+${SENDING}|(?:does|will)\s+it\s+cost\s+(?:anything|money|extra)\s+to\s+${SENDING}|do\s+(?:you|u)\s+charge\s+(?:a\s+fee\s+|anything\s+)?(?:to|for)\s+${SENDING})${END}`), "transfer_fee_charged"],
  // "can i wire money to mexico" (transfer 0.33 with "mexico" as the payee, below the bar: "Sorry",
  // and with two earlier misses a hand-off): a country named is a payment abroad.
  [COUNTRIES, lazyPattern(String.raw`^${ASK}${SEND_MONEY}\s+(?:to\s+(?:someone\s+in\s+|a\s+bank\s+in\s+|family\s+in\s+|my\s+family\s+in\s+)?|in(?:to)?\s+)${COUNTRY}${END}`), "international_transfer"],
  // "how do i get a credit card", "can i apply for a credit card" (order_physical_card 0.95-1.00: how to
  // order a plastic card): a new credit card is a new account, opened in the app or at a branch.
  [["credit card", "cc"], lazyPattern(String.raw`^(?:${LEAD}|how\s+(?:do|can|would)\s+i\s+|where\s+(?:do|can)\s+i\s+)?(?:get|apply\s+for|open|sign\s+up\s+for)\s+${CREDIT_CARD}(?:\s+with\s+(?:you|u|teller))?${END}`), "open_account"],
  // "whats the pending one from", "what's that pending charge" (pending_card_payment 0.84: how pending
  // works): which payment is pending, from the customer's own transactions.
  [["pending"], lazyPattern(String.raw`^(?:what(?:'s|s|\s+is|\s+was)|who(?:'s|s|\s+is)|where(?:'s|s|\s+is))\s+(?:the|that|this|my)\s+pending\s+(?:one|thing|charge|payment|transaction|purchase)(?:\s+(?:from|for|at))?${END}`), "transactions"],
];

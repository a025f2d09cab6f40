// Wave 3, session 13 (issue 12): requests in customers' own words that the model misreads or reads
// without confidence, and the questions no model class covers (RULE_FAQ_INTENTS: overdraft, opening
// hours, opening an account). Same conventions as requests.ts, which applies these after its own
// rules: each pattern matches the whole small-talk-free message (lower-cased ASCII, no "i" flag),
// gated on words it cannot match without; a message that says anything more is left to the model.

import type { IntentName } from "../contract/intents";
import { lazyPattern, type Pattern } from "./lazy-pattern";
import { END, LEAD, PERSON } from "./request-patterns";

/** Words the pattern cannot match without, the pattern (built on first use: lazy-pattern.ts), the intent. */
export type ReadingRule = [readonly string[], Pattern, IntentName];

// A customer's own card, by kind or brand.
const CARD = String.raw`(?:[a-z]+\s+){0,2}?(?:card|visa|master\s?card|amex)`;
// A card or an account of the customer's ("my credit card", "the checking account", "my visa").
const CARD_OR_ACCOUNT = String.raw`(?:my|the)\s+(?:[a-z]+\s+){0,2}?(?:card|account|checking|savings|visa|master\s?card|amex)(?:\s+account)?`;
// When, after a list request: "today", "last night", "this week", "so far".
const WHEN = String.raw`(?:\s+(?:today|yesterday|last\s+night|this\s+(?:morning|week|month|year)|last\s+(?:week|month|year)|recently|lately|so\s+far|yet))?`;
// One's own accounts, for a transfer between them.
const OWN = String.raw`(?:my\s+)?(?:savings|checking|current|main|credit\s+card)(?:\s+account)?`;
const OPEN_DAY = String.raw`(?:today|tomorrow|now|tonight|late|(?:on\s+|at\s+the\s+|this\s+|over\s+the\s+)?(?:weekends?|sundays?|saturdays?|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|holidays?|bank\s+holidays?|christmas(?:\s+eve|\s+day)?|new\s+year'?s?(?:\s+day|\s+eve)?|thanksgiving|easter))`;
const KIND_OF_ACCOUNT = String.raw`(?:(?:new|second|another|separate|extra)\s+)?(?:(?:savings|checking|current|joint|bank|high\s+yield\s+savings|student|business)\s+)?account`;

export const OWN_WORDS_RULES: ReadingRule[] = [
  // "send money to my friend", "how do i send money to my mom", "how can i get money to my son", "send
  // my dad some cash" (no amount, no name): a transfer; the
  // dialogue asks who and how much like any transfer. Receiving money, a problem, a fee: the model's.
  [["money", "cash", "funds"], lazyPattern(String.raw`^(?:${LEAD}|how\s+(?:do|can|would)\s+i\s+)?(?:(?:send|transfer|wire|give|get)\s+(?:some\s+)?(?:money|cash|funds)\s+(?:over\s+)?(?:to|for)\s+(?:a\s+|my\s+)${PERSON}|(?:send|give|wire)\s+(?:a\s+|my\s+)${PERSON}\s+(?:some\s+)?(?:money|cash|funds))${END}`), "transfer"],
  // "Can I transfer money from my savings account to my checking account?", "move money from checking
  // to savings": money between one's own accounts, asked or ordered. The declarative "I would like
  // to transfer money from my checking account to my savings account." is BANKING77's
  // transfer_into_account (a top-up), so only a question or the imperative is read here.
  [["money", "cash", "funds"], lazyPattern(String.raw`^(?:(?:can|could|may)\s+(?:i|you|u)\s+(?:please\s+)?|please\s+)?(?:transfer|move|send|shift)\s+(?:some\s+)?(?:money|cash|funds)\s+(?:from|out\s+of)\s+${OWN}\s+(?:to|into|over\s+to)\s+${OWN}${END}`), "transfer"],
  // "any new charges on my card", "are there any pending charges on my account": the list, filtered
  // by what is asked. Never a fee ("charges for …"), never a problem with a charge.
  [["charge", "transaction", "purchase", "payment"], lazyPattern(String.raw`^(?:(?:are\s+there|do\s+i\s+have|have\s+i\s+got|i\s+(?:have|got)|got|there\s+are)\s+)?(?:any\s+)?(?:new|pending|recent|more|other)\s+(?:(?:new|pending|recent)\s+)?(?:charges|transactions|purchases|payments)\s+(?:on|in|to|from)\s+${CARD_OR_ACCOUNT}${WHEN}${END}`), "transactions"],
  // "did anything get charged to my card last night": whether something was taken, the list answers.
  [["anything", "something"], lazyPattern(String.raw`^(?:did|has|have)\s+(?:anything|something)\s+(?:new\s+)?(?:(?:get|got|been|gone)\s+)?(?:charged|billed|posted|taken|come\s+out|came\s+out|go\s+out|gone\s+out|went\s+out|go\s+through|gone\s+through)\s+(?:to|on|of|from|through)\s+${CARD_OR_ACCOUNT}${WHEN}${END}`), "transactions"],
  // Card expiry in other words: "when does my card run out", "when is my card going to expire",
  // "what's the expiration date on my visa", "how long is my card good for". "What happens when my
  // card expires" and "my card is about to expire" stay BANKING77's card_about_to_expire.
  [["card", "visa", "master", "amex"], lazyPattern(String.raw`^(?:when|what\s+(?:day|date|month|year))\s+(?:does|will|is|do)\s+(?:my|the)\s+${CARD}s?\s+(?:run\s+out|expire|go(?:ing)?\s+to\s+(?:expire|run\s+out)|expiring|due\s+to\s+expire|set\s+to\s+expire|stop\s+working|go\s+bad)${END}`), "card_expiry"],
  [["expir", "exp date"], lazyPattern(String.raw`^(?:what(?:'s|\s+is|\s+are)|tell\s+me|give\s+me|show\s+me|${LEAD}(?:know|see|get|check|find\s+out))\s+(?:the\s+)?(?:expiration|expiry|exp)\s+dates?\s+(?:on|of|for)\s+(?:my|the)\s+${CARD}s?${END}`), "card_expiry"],
  [["good for", "valid"], lazyPattern(String.raw`^(?:how\s+long\s+(?:is|will)|until\s+when\s+is|till\s+when\s+is)\s+(?:my|the)\s+${CARD}\s+(?:be\s+)?(?:good|valid)(?:\s+for)?${END}`), "card_expiry"],
  // Questions only the rules answer (RULE_FAQ_INTENTS). Overdraft: whether there is one, what happens
  // on going below zero. "am i overdrawn" asks for the balance (the model's).
  [["overdr"], lazyPattern(String.raw`^(?:(?:do|does|can|will|would)\s+(?:you|u|teller|the\s+bank|my\s+(?:account|checking(?:\s+account)?))\s+(?:offer|have|provide|give|allow|do|come\s+with)\s+(?:an?\s+|any\s+)?overdrafts?(?:\s+(?:protection|facility|facilities|option))?|(?:is\s+there|do\s+i\s+have|what(?:'s|\s+is))\s+(?:an?\s+|my\s+|the\s+|your\s+)?overdraft(?:\s+(?:protection|facility|limit|option))?(?:\s+on\s+(?:my\s+)?(?:account|checking(?:\s+account)?))?|how\s+do(?:es)?\s+(?:an?\s+|the\s+|your\s+)?overdrafts?\s+work|(?:can|could)\s+i\s+(?:overdraw|go\s+overdrawn|go\s+into\s+(?:an?\s+)?overdraft)(?:\s+(?:on\s+)?(?:my\s+)?(?:account|checking(?:\s+account)?))?)${END}`), "overdraft"],
  [["overdr", "below zero", "negative", "more than i have"], lazyPattern(String.raw`^what\s+happens\s+(?:if|when)\s+i\s+(?:overdraw|overdrew|go\s+overdrawn|go\s+into\s+(?:an?\s+|my\s+)?overdraft|go\s+below\s+zero|go\s+negative|spend\s+more\s+than\s+i\s+have)(?:\s+(?:my\s+)?(?:account|checking(?:\s+account)?))?${END}`), "overdraft"],
  // Session 25: an overdraft's fee ("what is the overdraft fee" out of scope 0.99, "do you charge for
  // overdraft" a top-up charge): there is no overdraft, so no fee; the overdraft answer says so.
  [["overdr"], lazyPattern(String.raw`^(?:how\s+much\s+(?:is\s+(?:the\s+|an\s+|your\s+)?|(?:of\s+)?(?:an?\s+)?)overdraft\s+(?:fees?|charges?)(?:\s+(?:do|does|will)\s+(?:you|u|teller|the\s+bank)\s+charge)?|(?:do|does|will|would)\s+(?:you|u|teller|the\s+bank)\s+charge\s+(?:a\s+fee\s+|anything\s+|interest\s+)?(?:for\s+)?(?:an?\s+|going\s+into\s+(?:an?\s+)?)?(?:overdrafts?|overdrawing|going\s+overdrawn|being\s+overdrawn)(?:\s+fees?)?|what(?:'?s|\s+is|\s+are)\s+(?:the\s+|your\s+|my\s+)?overdraft\s+(?:fees?|charges?|rates?|interest(?:\s+rate)?)|(?:is|are)\s+there\s+(?:an?\s+|any\s+)?overdraft\s+(?:fees?|charges?))${END}`), "overdraft"],
  // Session 25: the customer's pending items, listed ("pending transactions" and "what's pending on my
  // account" were BANKING77's pending_card_payment, the written answer on why a payment is pending).
  [["pending"], lazyPattern(String.raw`^(?:(?:${LEAD})?(?:see|show(?:\s+me)?|list|view|check|get)\s+|do\s+i\s+have\s+|are\s+there\s+|(?:any|got\s+any)\s+)?(?:(?:all\s+|any\s+)?(?:my|the)\s+|any\s+)?pending\s+(?:transactions|payments|charges|purchases|debits|items)(?:\s+(?:on|in)\s+(?:my\s+)?(?:account|checking|savings|card)(?:\s+account)?)?(?:\s+right\s+now)?${END}|^what(?:'?s|\s+is)\s+(?:still\s+)?pending(?:\s+(?:on|in)\s+(?:my\s+)?(?:account|checking|savings|card)(?:\s+account)?)?${END}`), "transactions"],
  // Opening hours: Teller's own or a branch's; no bank names ("is the pnc bank open" is another bank's).
  [["hours"], lazyPattern(String.raw`^(?:what\s+(?:are|is)|what'?re|tell\s+me|${LEAD}know)\s+(?:your|the|the\s+bank'?s|the\s+branch'?s|teller'?s)\s+(?:opening|business|branch|working|office)\s+hours${END}`), "opening_hours"],
  [["open", "close"], lazyPattern(String.raw`^(?:are\s+(?:you|u)\s+open(?:\s+${OPEN_DAY})?|is\s+(?:the\s+bank|the\s+branch|teller)\s+open\s+${OPEN_DAY}|when\s+(?:are\s+(?:you|u)|is\s+(?:the\s+bank|the\s+branch|teller))\s+open(?:\s+${OPEN_DAY})?|(?:what\s+time|when)\s+(?:do|does)\s+(?:you|u|the\s+bank|the\s+branch)\s+(?:open|close)(?:\s+${OPEN_DAY})?)${END}`), "opening_hours"],
  // Opening an account: how, or a request for one. For a child, at an age: BANKING77's age_limit.
  [["open", "set up", "start"], lazyPattern(String.raw`^(?:${LEAD}|how\s+(?:do|can|would)\s+i\s+(?:go\s+about\s+)?)?(?:open(?:ing)?|set(?:ting)?\s+up|start(?:ing)?)\s+(?:a|an|another|one\s+more)\s+${KIND_OF_ACCOUNT}(?:\s+with\s+(?:you|u|teller|the\s+bank))?${END}`), "open_account"],
  // "how much did i take out of the atm": the withdrawals are in the transactions list (the spending
  // view has no cash category, so its total would answer something else).
  [["atm", "cash machine", "cashpoint", "withdr"], lazyPattern(String.raw`^how\s+much\s+(?:money\s+|cash\s+)?(?:did|have)\s+i\s+(?:take|taken|took|get|got|gotten|pull|pulled|withdraw|withdrawn|withdrew)\s+(?:out\s+)?(?:(?:of|from|at)\s+(?:the|an|my)?\s*(?:atms?|cash\s*machines?|cashpoints?))?${WHEN}${END}`), "transactions"],
  // "show me checks that cleared": the checks in the list, not ordering new ones.
  [["check", "cheque"], lazyPattern(String.raw`^${LEAD}?(?:show|list|see|view|get|display|give|pull\s+up)\s+(?:me\s+)?(?:all\s+)?(?:(?:of\s+)?(?:my|the)\s+)?(?:recent\s+)?(?:checks|cheques)\s+(?:that\s+(?:have\s+)?(?:cleared|cashed|posted|went\s+through|been\s+cashed|were\s+cashed)|i\s+(?:wrote|deposited|cashed))${WHEN}${END}`), "transactions"],
  // "I want to check on my money", "i want to check on my savings": the balances.
  [["money", "saving", "checking", "finances", "funds"], lazyPattern(String.raw`^${LEAD}?(?:check|check\s+on|look\s+at|see|check\s+up\s+on)\s+(?:my|our)\s+(?:money|funds|finances|savings|checking)${END}`), "balance"],
  // "what do i have available to spend": the available balance.
  [["available"], lazyPattern(String.raw`^(?:what|how\s+much)\s+(?:do\s+i\s+have|have\s+i\s+got|is|money\s+do\s+i\s+have)\s+(?:left\s+)?available(?:\s+to\s+(?:spend|use))?(?:\s+(?:in|on)\s+(?:my\s+)?(?:checking|savings|account))?${END}`), "balance"],
  // "where is most of my money going": the spending view (requests.ts has "where did all my money go").
  [["money"], lazyPattern(String.raw`^where\s+(?:is|does|did|has)\s+(?:most|the\s+bulk|a\s+lot)\s+of\s+my\s+money\s+(?:go|going|gone|went)(?:\s+(?:this|last|each|every)\s+(?:week|month|year)|\s+lately|\s+recently)?${END}`), "spending"],
];

/** The intent one of these rules gives the whole message, or undefined. */
export function ownWordsIntent(text: string): IntentName | undefined {
  const t = text.trim().replace(/[\u2018\u2019\u02bc`]/g, "'").replace(/[A-Z]+/g, (run) => run.toLowerCase());
  for (const [words, pattern, intent] of OWN_WORDS_RULES) if (words.some((w) => t.includes(w)) && pattern.test(t)) return intent;
  return undefined;
}

// A request to *do* something wins over FAQ topics that share its words (issue 12, item 3):
// "I want to transfer money" is a transfer, "my transfer hasn't arrived" is a FAQ question. The
// model learns most of this from data; these rules pin down the short, unambiguous requests whose
// words the model otherwise reads as FAQ topics. They match the whole (small-talk-free) message,
// so a message that says anything more (a problem, a fee, a delay) is left to the model.

import type { IntentName } from "../contract/intents";

const LEAD = String.raw`(?:(?:so|now|and)\s+)?(?:i(?:\s+(?:really\s+)?(?:want|wanna|need|would\s+like|wish|have)|'?d\s+(?:really\s+)?like|\s+am\s+(?:trying|looking|hoping)|'?m\s+(?:trying|looking|hoping|wanting))\s+(?:to\s+)?|(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+)?(?:help\s+me\s+)?(?:(?:to|with)\s+)?|(?:can|could|may)\s+i\s+(?:please\s+)?|(?:please\s+)?help\s+me\s+(?:(?:to|with)\s+)?|let\s+me\s+|let'?s\s+|please\s+|(?:i\s+)?need\s+(?:help|assistance)\s+(?:with\s+|to\s+)?)`;
const END = String.raw`(?:\s+(?:please|now|today|for\s+me|right\s+now|asap|though|too|also|as\s+well|instead))*\s*[.!?]*$`;
// Where a plain transfer may go without making it a question about a top-up or an incoming transfer.
const OWN_OR_SOMEONE = String.raw`(?:\s+(?:to|into)\s+(?:my\s+)?(?:savings|checking|someone|somebody|a\s+friend|another\s+account|(?:my\s+)?other\s+account)(?:\s+account)?)?`;
const ACCOUNT = String.raw`(?:savings|checking|current|main|joint|bank|available|account)`;
// Words of a calendar period only: days, months, years and the joins between them ("1 october and 15 october").
const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const PERIOD = String.raw`(?:(?:the|of|and|to|until|till|through|-|–|,|\d{1,4}(?:st|nd|rd|th)?|\d{1,2}/\d{1,2}(?:/\d{2,4})?|${MONTH})\s*)+`;

// Each rule with the words it cannot match without one of: a message with none skips the pattern.
// Compiling these patterns took most of a fresh isolate's first classify (they are only compiled
// when first used), and most messages name none of the words. The patterns have no "i" flag: they
// are matched against the message with its ASCII letters lower-cased, which is what "i" does for
// patterns written in lower-case ASCII, at a fraction of the compile cost.
const RULES: Array<[readonly string[], RegExp, IntentName]> = [
  [["transfer"], new RegExp(String.raw`^${LEAD}?(?:make|do|start|initiate|set\s+up|create|send|schedule|arrange)?\s*(?:a|an|another|some|one)?\s*(?:money\s+|bank\s+|new\s+|quick\s+)?transfers?(?:\s+(?:of\s+)?(?:money|funds|cash))?${END}`), "transfer"],
  [["money", "funds", "cash"], new RegExp(String.raw`^${LEAD}?(?:transfer|move|send|wire|shift)\s+(?:some\s+|my\s+|the\s+)?(?:money|funds|cash)(?:\s+(?:between|across)\s+(?:my\s+)?accounts)?${OWN_OR_SOMEONE}${END}`), "transfer"],
  [["balance"], new RegExp(String.raw`^${LEAD}?(?:check|see|know|get|view|hear|find\s+out|look\s+at|show\s+me|tell\s+me|what\s+is|what'?s)\s+(?:on\s+)?(?:my|the)\s+(?:${ACCOUNT}\s+(?:account\s+)?)?balances?(?:\s+(?:of|on|in|for)\s+(?:my|the)\s+${ACCOUNT}(?:\s+account)?)?${END}`), "balance"],
  // "Can I check my account?", "I want to look at my savings account": the balances view (each
  // account with its balance) answers it; anything more ("… activity", "… is closed") is the model's.
  [["account"], new RegExp(String.raw`^${LEAD}?(?:check|see|view|look\s+at|check\s+on)\s+(?:my|the)\s+(?:(?:savings|checking|current|main|joint|bank)\s+)?accounts?${END}`), "balance"],
  // "How are my savings doing?", "how's my checking looking": the customer's own accounts, which
  // the model reads as small talk ("how are you doing").
  [["saving", "checking", "account", "balance", "finances", "money"], new RegExp(String.raw`^(?:so\s+|and\s+)?how(?:'s|\s+is|\s+are)\s+(?:my|our)\s+(?:(?:savings|checking|current|main|joint|bank)\s+)?(?:savings|checking|accounts?|balances?|finances|money)(?:\s+(?:doing|looking))?(?:\s+(?:today|now|these\s+days|at\s+the\s+moment))?\s*[.!?]*$`), "balance"],
  // "transactions between 1 october and 15 october": the model read month names as out of scope
  // (0.89). Only a list request followed by nothing but dates; anything more is the model's.
  [["transaction", "purchase"], new RegExp(String.raw`^${LEAD}?(?:(?:show|list|see|view|get|display|give)\s+(?:me\s+)?)?(?:all\s+)?(?:(?:of\s+)?(?:my|the)\s+)?(?:transactions|purchases)\s+(?:between|from|since|on|in|during|for)\s+${PERIOD}${END}`), "transactions"],
  // "what did I buy on november 20" (out of scope at 0.65; "… yesterday" the model knows).
  [["buy", "bought", "purchase"], new RegExp(String.raw`^what\s+(?:did|have)\s+i\s+(?:buy|bought|purchase[d]?)\s+(?:on|in|between|from|since|during)\s+${PERIOD}${END}`), "transactions"],
  // "spending between 3 and 10 november": out of scope, as for transactions above.
  [["spending"], new RegExp(String.raw`^${LEAD}?(?:(?:show|see|view|get|give)\s+(?:me\s+)?)?(?:my\s+)?spending\s+(?:between|from|since|on|in|during|for)\s+${PERIOD}${END}`), "spending"],
];

/** The action a short, plain request asks for, or undefined. */
export function plainRequestIntent(text: string): IntentName | undefined {
  const t = lowerAscii(text.trim().replace(/[\u2018\u2019\u02bc`]/g, "'"));
  if (t.length > 80) return undefined;
  for (const [words, pattern, intent] of RULES) if (words.some((w) => t.includes(w)) && pattern.test(t)) return intent;
  return undefined;
}

/** A–Z → a–z, nothing else: the same length and the same positions as `text`. */
export function lowerAscii(text: string): string {
  return /[A-Z]/.test(text) ? text.replace(/[A-Z]+/g, (run) => run.toLowerCase()) : text;
}

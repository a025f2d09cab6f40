// Wave 3, crowd29 (issue 12): the families an eleventh fresh probe (scripts/nlu/probe-set-11.ts,
// crowd-written requests) and the exploring around its misses showed the model misreading. Same
// conventions as own-words-14.ts: each pattern matches the whole small-talk-free message (lower-cased
// ASCII), gated on words it cannot match without. rule-check.ts claims no public row with another label.

import { lazyPattern } from "./lazy-pattern";
import { END, MONTH, PERSON } from "./request-patterns";
import type { ReadingRule } from "./own-words";

const WEEKDAY = String.raw`(?:mon|tues|wednes|thurs|fri|satur|sun)day`;
const COUNT = String.raw`(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|a\s+couple\s+of|couple|few|\d{1,2})`;
// A past period: "last month", "in march", "on friday", "two weeks ago", "so far", "this year".
export const WHEN = String.raw`(?:\s+(?:(?:from|for|in|during|over)\s+)?(?:today|yesterday|recently|lately|so\s+far|(?:this|last|past|the)\s+(?:week|weekend|month|year|${WEEKDAY})|the\s+(?:past|last)\s+(?:\w+\s+)?(?:days|weeks?|months?|years?)|(?:on\s+)?${WEEKDAY}|${MONTH}|${COUNT}\s+(?:days?|weeks?|months?)\s+ago|since\s+[a-z0-9]+))?`;
// What a total is taken over: purchases and the like, never payments, fees, transfers or top-ups
// (BANKING77 topics), which a lookahead on the whole message keeps out.
const BOUGHT = String.raw`(?:purchases|transactions|charges|spending|expenses|orders|shopping|trips|visits)`;
export const NOT_A_FEE = String.raw`(?![^.?!]*\b(?:fees?|transfers?|top.?ups?|topping|atms?|withdraw\w*|exchange|pending|declined|refund\w*|interest|payments?|bills?|statement|limit|rewards?|points)\b)`;
// How a question for a figure opens: "what's", "could you tell me", "i'd like to know", "let me see".
const ASK = String.raw`(?:(?:(?:can|could|would)\s+(?:you|u)\s+(?:please\s+)?|please\s+)?(?:tell|give|show|get|find)\s+(?:me\s+)?|(?:i\s+(?:want|need|would\s+like)|i'?d\s+like)\s+(?:to\s+(?:know|see|get)\s+)?|let\s+me\s+(?:know|see)\s+|what(?:'s|s|\s+is|\s+was|\s+were)\s+)`;
// Up to three words naming what or where ("grocery", "gas station", "credit card", "restaurant").
const WHAT = String.raw`(?:[a-z][a-z'&\-]*\s+){0,3}?`;
export const WHERE = String.raw`(?:\s+(?:at|on|in|from|with|for)\s+(?!(?:this|last|the\s+past)\b)[a-z0-9&'.\-]+(?:\s+[a-z0-9&'.\-]+){0,2}?)?`;
// The customer's own card or account, named after "on / to / with my".
const CARD_OR_ACCOUNT = String.raw`(?:my|the)\s+(?:[a-z]+\s+){0,2}?(?:card|visa|mastercard|amex|discover|account|checking|savings)`;
const SLANG_LOW = String.raw`(?:broke|poor|short|overdrawn|negative|in\s+(?:my\s+|the\s+)?overdraft|in\s+the\s+(?:red|black|green|clear|hole))`;
export const ACCOUNT = String.raw`(?:my|the)\s+(?:(?:savings|checking|current|main|joint|bank)\s+)?(?:account|checking|savings)(?:\s+account)?`;
// Words that make a list request a question about a problem with what is listed.
const TROUBLE = String.raw`(?:that|which|who|are|is|was|were|not|never|n't|why|declined|pending|failed|missing|refund\w*|wrong|twice|cancel\w*|disput\w*|revert\w*|fees?|charged|recogni[sz]e\w*|unauthori[sz]ed|fraud\w*|atms?|cash|withdraw\w*|abroad|international|foreign)`;
const NOW = String.raw`(?:\s+(?:lol|rn|right\s+now|now|today|at\s+the\s+moment))*`;
const MONEY = String.raw`(?:some\s+|my\s+|the\s+)?(?:money|funds|cash)`;
// Where money may be moved or sent, up to 40 characters, never a problem with a transfer already made,
// nor "to another account" (BANKING77 labels "I need assistance with transferring funds to another
// account." a top-up, transfer_into_account).
const TO_WHERE = String.raw`(?:\s+(?:between|across|from|to|into|out\s+of|over\s+to)\s+(?![^.?!]*\b(?:fees?|failed|pending|declined|cancel\w*|refund\w*|abroad|international|overseas|foreign|country|currency|top.?up|arrive\w*|not|never|n't|wrong|card|another|other)\b)[a-z' ]{1,40}?)*`;

export const OWN_WORDS_15_RULES: ReadingRule[] = [
  // "am i broke or what", "am i broke right now or do i still have some cash", "is my account empty
  // or not" (out of scope 0.83–0.99, terminate_account 0.74), "do i have money or not" (balance 0.16,
  // a fallback): the balance in slang with a tag question.
  [["broke", "poor", "short", "overdr", "negative", "in the", "empty", "low", " or not"], lazyPattern(String.raw`^(?:am\s+i\s+(?:(?:completely|totally|actually|really|still|already|like|so)\s+)*${SLANG_LOW}|is\s+${ACCOUNT}\s+(?:still\s+)?(?:empty|low|running\s+low|${SLANG_LOW})|(?:do\s+i\s+(?:still\s+)?have|have\s+i\s+(?:still\s+)?got)\s+(?:any\s+|some\s+)?(?:money|cash|funds)(?:\s+left)?(?:\s+in\s+${ACCOUNT})?)${NOW}\s*,?\s+or\s+(?:what|not|no|nah|am\s+i\s+(?:ok|okay|fine|good)|(?:do|have)\s+i\s+(?:still\s+)?(?:have|got)\s+(?:some|any|enough)?\s*(?:money|cash|funds)(?:\s+left)?(?:\s+in\s+(?:there|${ACCOUNT}))?)${NOW}${END}`), "balance"],
  // "total of my restaurant purchases in march" (transactions 0.98), "give me the total for my grocery
  // purchases this year", "what's the grand total of my purchases from last month", "the total cost of
  // my purchases this week": a total over purchases is spending, not their list.
  [["total", "sum"], lazyPattern(String.raw`^${NOT_A_FEE}${ASK}?(?:the\s+|my\s+)?(?:grand\s+|overall\s+|sum\s+)?(?:total|sum)(?:\s+(?:cost|amount|spent|value))?\s+(?:of|for|on)\s+(?:all\s+)?(?:of\s+)?(?:my|the)\s+${WHAT}${BOUGHT}${WHERE}${WHEN}${END}`), "spending"],
  // "how much did my credit card purchases come to last month", "how much do my grocery purchases
  // add up to", "what did my coffee purchases cost me": what purchases came to (transactions 0.24–0.99).
  [["come to", "came to", "add up", "added up", "amount to", "amounted to", "total", "cost"], lazyPattern(String.raw`^${NOT_A_FEE}(?:how\s+much|what)\s+(?:do|did|have|has)\s+(?:all\s+)?(?:of\s+)?(?:my|the)\s+${WHAT}${BOUGHT}${WHERE}${WHEN}\s+(?:come\s+to|came\s+to|add(?:ed)?\s+up(?:\s+to)?|amount(?:ed)?\s+to|total(?:l?ed)?|cost(?:\s+me)?)${WHEN}${END}`), "spending"],
  // "what was the cost of my restaurant trips last month" (transactions 0.47).
  [["cost"], lazyPattern(String.raw`^${NOT_A_FEE}${ASK}(?:the\s+)?(?:total\s+)?costs?\s+of\s+(?:all\s+)?(?:my|the)\s+${WHAT}${BOUGHT}${WHERE}${WHEN}${END}`), "spending"],
  // "add up all my purchases from last week", "total up my purchases at restaurants" (transactions 0.93–0.99).
  [["add up", "total up", "tally", "sum up"], lazyPattern(String.raw`^${NOT_A_FEE}(?:(?:can|could|would)\s+(?:you|u)\s+(?:please\s+)?|please\s+)?(?:add|total|tally|sum)\s+up\s+(?:all\s+)?(?:of\s+)?(?:my|the)\s+${WHAT}${BOUGHT}${WHERE}${WHEN}${END}`), "spending"],
  // "what did i charge to my credit card two weeks ago" (reverted_card_payment 0.29), "what did i
  // charge to my card 2 weeks ago" (card_arrival 0.38), "what's been charged to my card since monday"
  // (0.50): the purchases on a card or account.
  [["charge", "put on", "put it on"], lazyPattern(String.raw`^what(?:\s+(?:did|have)\s+i\s+(?:charge[d]?|put)|(?:'s|s|\s+has|\s+was|\s+got)\s+(?:been\s+)?(?:charged|put))\s+(?:on|to)\s+${CARD_OR_ACCOUNT}${WHEN}${END}`), "transactions"],
  // "am i running low on money", "am i running out of cash" (out of scope 0.78–0.85): the balance.
  [["low on", "out of", "short on"], lazyPattern(String.raw`^am\s+i\s+(?:already\s+|really\s+|still\s+)?(?:running\s+|getting\s+)?(?:low|short|out)\s+(?:on|of)\s+(?:money|cash|funds)(?:\s+in\s+${ACCOUNT})?${NOW}${END}`), "balance"],
  // "find every purchase at flower shops" (out of scope 0.95), "find all charges from the grocery
  // store": a search verb and every / all of a kind of purchase at a place. Not a problem with them.
  [["every", "all", "each"], lazyPattern(String.raw`^(?:(?:can|could)\s+(?:you|u)\s+(?:please\s+)?|please\s+)?(?:find|look\s+up|search\s+(?:for\s+)?|dig\s+up|locate|pull\s+up|get\s+me|list)\s+(?:every|each|all)\s+(?:(?:of\s+)?(?:my|the)\s+)?(?:recent\s+)?(?:transactions?|purchases?|charges?)\s+(?:at|on|from|in|with)\s+(?![^.?!]*\b(?:${TROUBLE})\b)[a-z0-9&'.\-]+(?:\s+[a-z0-9&'.\-]+){0,2}?${WHEN}${END}`), "transactions"],
  // "what charges are on my credit card from the weekend" (transactions 0.43, under the dialogue's
  // 0.5: "Sorry, I can't help with that"): what is on a card or account, with a period requests.ts's
  // rule does not name ("from the weekend", "in march", "two weeks ago").
  [["charge", "purchase", "transaction"], lazyPattern(String.raw`^what\s+(?:charges|purchases|transactions)\s+(?:are|were|have\s+there\s+been|went\s+through)\s+(?:on|in)\s+${CARD_OR_ACCOUNT}${WHEN}${END}`), "transactions"],
  // "have i got enough for rent this month" (balance 0.46, a fallback): enough with nothing between
  // it and what it is for (CLINC150's "enough points / pto / gas" name another thing, and are not matched).
  [["enough"], lazyPattern(String.raw`^(?:(?:do|will|would)\s+i\s+(?:still\s+)?have|have\s+i\s+(?:still\s+)?got|is\s+there)\s+enough(?:\s+left)?(?:\s+(?:in|on)\s+(?:there|${ACCOUNT}))?\s+(?:for|to\s+(?:cover|pay(?:\s+for)?|buy|get|afford))\s+[^.?!]{1,50}${END}`), "balance"],
  // "i would like assistance transferring money" (transfer_into_account 0.89), "could you assist me
  // with transferring funds" (0.55): help asked for moving money, with nothing wrong named.
  [["assist"], lazyPattern(String.raw`^(?:(?:i\s+(?:would\s+like|need|want)|i'?d\s+like)\s+(?:some\s+)?assistance\s+(?:with\s+|in\s+)?|(?:can|could|would)\s+(?:you|u)\s+(?:please\s+)?assist\s+me\s+(?:with\s+|in\s+)?)(?:transferring|moving|sending|wiring|shifting)\s+${MONEY}${TO_WHERE}${END}`), "transfer"],
  // "Hey, is it possible to transfer money to my friend?" (receiving_money 0.82): sending a person money.
  [["possible"], lazyPattern(String.raw`^is\s+it\s+possible\s+(?:for\s+me\s+)?to\s+(?:transfer|send|wire|move)\s+(?:some\s+)?(?:money|funds|cash)\s+to\s+(?:my\s+${PERSON}|a\s+friend)${END}`), "transfer"],
];

// Wave 3, crowd30 (issue 12): the families a twelfth fresh probe (scripts/nlu/probe-set-12.ts,
// crowd-written requests) showed the model misreading. Same conventions as own-words-15.ts: each
// pattern matches the whole small-talk-free message (lower-cased ASCII), gated on words it cannot
// match without. rule-check.ts claims no public row with another label.

import { lazyPattern } from "./lazy-pattern";
import { ACCOUNT, NOT_A_FEE, WHEN, WHERE } from "./own-words-15";
import { END, LEAD, PERSON } from "./request-patterns";
import type { ReadingRule } from "./own-words";

// An amount as a customer writes it: "$100", "100 dollars", "a hundred bucks", "fifty".
const AMOUNT = String.raw`(?:\$\s?\d[\d,]*(?:\.\d+)?|\d[\d,]*(?:\.\d+)?|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:hundred|thousand|grand|and|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)){0,4})(?:\s*(?:dollars?|bucks|usd))?`;
// Where a purchase was made, or what on: one to three words ("costco", "the gas station").
const PLACE = String.raw`(?:the\s+)?[a-z0-9&'.\-]+(?:\s+[a-z0-9&'.\-]+){0,2}?`;
// Totals of income, fees and the like have their own answers: never spending.
const NOT_INCOME = String.raw`(?![^.?!]*\b(?:pay\s*checks?|salary|wages?|deposits?|income|interest|refunds?|balance|loans?|mortgage|exchange|tax\w*|insurance|premiums?|debts?|savings)\b)`;
// What a customer spends on, as a bare noun ("my groceries", "gas", "eating out", "amazon").
const THING = String.raw`(?:my\s+|the\s+|all\s+(?:my\s+|the\s+)?)?[a-z][a-z'&\-]*(?:\s+[a-z][a-z'&\-]*){0,2}?`;

export const OWN_WORDS_16_RULES: ReadingRule[] = [
  // "i need a list of what i bought at costco in october" (out of scope 0.97): a list of what was
  // bought, asked for with a want or a request.
  [["list"], lazyPattern(String.raw`^(?:${LEAD})?(?:(?:get|give|send|show|make|pull\s+up)\s+(?:me\s+)?|(?:get|have|see)\s+)?(?:a|the)\s+(?:full\s+|quick\s+|complete\s+)?list\s+of\s+(?:what|everything|all\s+(?:the\s+)?(?:stuff|things))\s+i\s+(?:bought|purchased|paid\s+for|spent\s+money\s+on|got|ordered)${WHERE}${WHEN}${END}`), "transactions"],
  // "which stores did i shop at last weekend" (out of scope 0.52), "what shops did i buy from in
  // november" (0.82): where past purchases were made.
  [["did i"], lazyPattern(String.raw`^(?:which|what)\s+(?:stores|shops|places|merchants|businesses|restaurants|bars|cafes|websites|sites)\s+did\s+i\s+(?:shop|buy\s+(?:stuff|things|anything)|buy|eat|spend\s+(?:money|my\s+money)|go|pay|order)(?:\s+(?:at|from|in|to|on))?${WHEN}${END}`), "transactions"],
  // "will my checking cover a three hundred dollar phone bill" (pay_bill 0.44): whether an account
  // holds enough for something is its balance. Not a fee or insurance question ("does my account
  // cover foreign fees").
  [["cover"], lazyPattern(String.raw`^(?:will|would|can|could|does|is)\s+(?:${ACCOUNT}|my\s+(?:checking|savings|balance))\s+(?:still\s+)?(?:be\s+(?:able\s+to|enough\s+to)\s+)?cover\s+(?![^.?!]*\b(?:fees?|insurance|overdraft|exchange|abroad|international|foreign|fraud|theft|losses|damage)\b)[^.?!]{1,50}${END}`), "balance"],
  // "did my savings account go below a hundred dollars" (transfer 0.88), "is my checking under 50
  // dollars" (transfer 0.97): where a balance stands against an amount.
  [["below", "under", "less than", "lower than", "above", "over", "more than"], lazyPattern(String.raw`^(?:(?:did|has|have|is|was)\s+(?:${ACCOUNT}|my\s+(?:checking|savings|balance))(?:\s+balance)?\s+(?:(?:ever\s+|already\s+)?(?:go|gone|went|dip|dipped|drop|dropped|fall|fallen|fell|get|gotten|got|been|gone)\s+)?(?:below|under|beneath|less\s+than|lower\s+than|above|over|more\s+than))\s+${AMOUNT}${WHEN}${END}`), "balance"],
  // "settle up with my roommate for rent" (out of scope 0.85), "settle up with jake" (0.98): paying
  // a person what is owed.
  [["settle up"], lazyPattern(String.raw`^(?:${LEAD})?settle\s+up\s+with\s+(?:my\s+${PERSON}|[a-z]+)(?:\s+(?:for|on)\s+(?:the\s+|my\s+)?[a-z]+(?:\s+[a-z]+)?)?${END}`), "transfer"],
  // "what did my groceries come to last month" (transactions 0.50), "what did groceries come to in
  // october" (out of scope 0.91): what a kind of spending came to, with no "purchases" word
  // (own-words-15.ts reads "what did my grocery purchases come to").
  [["come to", "came to", "add up", "amount to"], lazyPattern(String.raw`^${NOT_A_FEE}${NOT_INCOME}(?:how\s+much|what)\s+(?:do|did|have|has)\s+${THING}${WHERE}${WHEN}\s+(?:come\s+to|add\s+up\s+to|amount\s+to)${WHEN}${END}`), "spending"],
  // "what's the damage on restaurants this month" (out of scope 0.82), "whats the damage for last
  // month" (0.71): the slang for a total spent.
  [["damage"], lazyPattern(String.raw`^${NOT_A_FEE}what(?:'s|s|\s+is|\s+was)\s+the\s+(?:total\s+)?damage(?:\s+(?:on|at|for|from)\s+(?!(?:this|last|the\s+past)\b)${PLACE})?${WHEN}${END}`), "spending"],
  // "my total at starbucks since october" (out of scope 0.81): a total at a place, no verb.
  [["total"], lazyPattern(String.raw`^${NOT_A_FEE}${NOT_INCOME}(?:what(?:'s|s|\s+is|\s+was)\s+)?(?:my|the)\s+(?:grand\s+)?total(?:\s+(?:spent|spending|spend))?\s+(?:at|on|for)\s+(?!(?:this|last|the\s+past)\b)${PLACE}${WHEN}${END}`), "spending"],
  // explore30: "what's my average grocery bill" (credit_statement 0.67: "You don't have a credit card
  // with us."): an average spent on a kind of thing is spending, averaged. Not a card's or an
  // account's own figures ("my average statement balance", "average daily balance").
  [["average"], lazyPattern(String.raw`^(?:what(?:'s|s|\s+is|\s+was|\s+are)\s+)?(?:my|the)\s+average\s+(?:monthly\s+|weekly\s+)?(?!(?:credit|card|statement|minimum|balance|daily|interest|fee|account|monthly|payment)s?\b)[a-z][a-z'&\-]*(?:\s+[a-z][a-z'&\-]*)?\s+(?:bills?|spend|spending|costs?|totals?)${WHEN}${END}`), "spending"],
  // explore30: "reimburse chidi for the tickets" (out of scope 0.45), "repay jordan for the concert
  // tickets" (0.99): paying a person back is a transfer to them. Never "reimburse me" (a refund).
  [["reimburse", "repay", "pay back"], lazyPattern(String.raw`^(?:${LEAD})?(?:reimburse|repay|pay\s+back)\s+(?!(?:me|us|you|myself|the|a|an|my)\b)[a-z]+(?:\s+[a-z]+)?(?:\s+back)?(?:\s+for\s+(?:the\s+|my\s+|our\s+|his\s+|her\s+|their\s+)?[a-z]+(?:\s+[a-z]+){0,2})?${END}`), "transfer"],
];

// Wave 3, session 14 (issue 12): requests that a fresh probe written before classifying
// (scripts/nlu/probe-set-3.ts) showed the model misreading, each rule written for the family of
// wordings, not the line. Same conventions as requests.ts and own-words.ts, which apply these after
// their own rules: each pattern matches the whole small-talk-free message (lower-cased ASCII), gated
// on words it cannot match without; a message that says anything more is left to the model.

import type { IntentName } from "../contract/intents";
import { lazyPattern } from "./lazy-pattern";
import { END, LEAD, MONTH, PERSON } from "./request-patterns";
import type { ReadingRule } from "./own-words";

// A card or an account of the customer's.
const MINE = String.raw`(?:my|the)\s+(?:[a-z]+\s+){0,2}?(?:card|account|checking|savings|visa|master\s?card|amex)(?:\s+account)?`;
// When, after a list request.
const WHEN = String.raw`(?:\s+(?:today|yesterday|last\s+night|this\s+(?:morning|week|month|year)|last\s+(?:week|month|year)|recently|lately|so\s+far))?`;
// A cash withdrawal, in its customers' words.
const WITHDRAWALS = String.raw`(?:(?:atm|cash(?:\s+machine)?|cashpoint)\s+)?withdrawals|atm\s+(?:transactions|visits|charges)|cash\s+(?:i\s+(?:took|take|have\s+taken|got|pulled)\s+out)`;

export const OWN_WORDS_2_RULES: ReadingRule[] = [
  // "how do i transfer money to another person", "can you help me send money to someone else" (was
  // transfer_into_account 0.98, BANKING77's top-up question): paying another person is a transfer.
  [["someone", "somebody", "another person", "other person", "other people", "another people"], lazyPattern(String.raw`^(?:${LEAD}|how\s+(?:do|can|would|should)\s+i\s+)?(?:send|transfer|wire|give|pay)\s+(?:some\s+)?(?:money|cash|funds)\s+(?:over\s+)?to\s+(?:someone(?:\s+else)?|somebody(?:\s+else)?|another\s+(?:person|people)|other\s+people|a\s+different\s+person)${END}`), "transfer"],
  // "find my payment to comcast", "look up the charge from uber" (was pending_card_payment 0.31):
  // one past payment found in the transactions list. Not a card payment (BANKING77's topics), not
  // "charges for …" (a fee).
  [["payment", "charge", "transaction", "purchase"], lazyPattern(String.raw`^${LEAD}?(?:find|look\s+up|search\s+for|locate|pull\s+up)\s+(?:my|the)\s+(?!(?:card|debit|credit|contactless|pending|declined|failed|missing)\b)(?:[a-z0-9&'.\-]+\s+)?(?:payment|charge|transaction|purchase)s?\s+(?:to|at|from|with)\s+(?!(?:my|the|a|an)\b)[a-z0-9&'.\-]+(?:\s+[a-z0-9&'.\-]+){0,2}?${WHEN}${END}`), "transactions"],
  // "when did i last withdraw cash", "when was the last time i used an atm": the withdrawals list.
  [["withdr", "atm", "cash"], lazyPattern(String.raw`^(?:when\s+did\s+i\s+last\s+(?:withdraw|take\s+out|get|pull\s+out)\s+(?:some\s+)?(?:cash|money)|when\s+did\s+i\s+last\s+(?:use|go\s+to|visit)\s+(?:an?|the)\s+(?:atm|cash\s+machine|cashpoint)|when\s+was\s+(?:my|the)\s+last\s+(?:atm|cash)\s+withdrawal|when\s+was\s+the\s+last\s+time\s+i\s+(?:(?:withdrew|took\s+out|got)\s+(?:some\s+)?cash|(?:used|went\s+to|visited)\s+(?:an?|the)\s+(?:atm|cash\s+machine|cashpoint)))${END}`), "transactions"],
  // "show me my atm withdrawals", "list all of my cash withdrawals this month": the list, which the
  // dialogue filters to the Cash category (entities/spending.ts).
  [["withdr", "atm"], lazyPattern(String.raw`^${LEAD}?(?:show|list|see|view|get|display|give|pull\s+up)\s+(?:me\s+)?(?:all\s+)?(?:(?:of\s+)?(?:my|the)\s+)?(?:recent\s+|latest\s+|last\s+few\s+)?(?:${WITHDRAWALS})(?:\s+(?:from|on|in)\s+(?:my\s+)?(?:checking|savings|account|card)(?:\s+account)?)?${WHEN}${END}`), "transactions"],
  // "what charges are pending on my card", "which transactions are still pending" (was
  // pending_card_payment 0.92, BANKING77's "why is my card payment pending"): the pending ones listed.
  [["pending"], lazyPattern(String.raw`^(?:what|which)\s+(?:charges|transactions|purchases|payments)\s+(?:are|r)\s+(?:still\s+)?pending(?:\s+(?:on|in)\s+${MINE})?${END}`), "transactions"],
  // "can you tell me when my last deposit came in", "when did my direct deposit hit" (was out of
  // scope 0.94): when money came in. Not a paycheck or payday (CLINC150's payday, a work question).
  [["deposit"], lazyPattern(String.raw`^(?:(?:can|could)\s+(?:you|u)\s+(?:please\s+)?tell\s+me\s+|${LEAD}(?:know|find\s+out|see|check)\s+)?when\s+(?:did\s+)?(?:my|the)\s+(?:last|latest|most\s+recent|previous|direct)\s+(?:direct\s+)?deposit\s+(?:came\s+in|come\s+in|arrived?|hit(?:\s+(?:my|the)\s+account)?|landed|land|cleared|clear|posted|post|went\s+through|go\s+through)${END}`), "transactions"],
  // "sum of my purchases at walmart this month", "total of my charges at amazon" (was transactions
  // 1.00): a total of the purchases, i.e. spending. Not accounts (balance) nor bills (bill_balance).
  [["sum", "total"], lazyPattern(String.raw`^(?:(?:what(?:'s|\s+is)|tell\s+me|give\s+me|show\s+me)\s+)?(?:the\s+)?(?:sum|total)(?:\s+amount)?\s+(?:of|for)\s+(?:all\s+)?(?:my|the)\s+(?:purchases|spending|charges|transactions|payments)\s+(?:at|on|in|from|with)\s+[a-z0-9&'.\-]+(?:\s+[a-z0-9&'.\-]+){0,2}?(?:\s+(?:today|yesterday|(?:this|last)\s+(?:week|month|year)|so\s+far))?${END}`), "spending"],
  // "where did i use my card yesterday" (was declined_card_payment 0.93; "where can i use my card" is
  // BANKING77's card_acceptance): where past purchases were made, the list.
  [["where"], lazyPattern(String.raw`^where\s+(?:did|have)\s+i\s+(?:use|used)\s+my\s+(?:[a-z]+\s+)?card${WHEN}${END}`), "transactions"],
  // "what did i order on amazon last month", "what have i bought at target" (was spending 0.53): the
  // things bought at a shop, listed. "what did i spend at …" stays spending (CLINC150 spending_history).
  [["buy", "bought", "order", "purchase"], lazyPattern(String.raw`^what\s+(?:did|have)\s+i\s+(?:buy|bought|order|ordered|purchase|purchased)\s+(?:on|at|from|in)\s+(?!(?:the\s+)?(?:\d|${MONTH}\b|(?:this|last|past|next)\s))[a-z0-9&'.\-]+(?:\s+[a-z0-9&'.\-]+){0,2}?${WHEN}${END}`), "transactions"],
  // Fourth batch. "did i get charged by spotify", "have i been billed by comcast this month" (was
  // spending 0.15): whether a merchant's charge happened, the list (requests.ts has "did amazon charge me").
  [["charged by", "billed by"], lazyPattern(String.raw`^(?:did|have)\s+i\s+(?:get|got|been|gotten)\s+(?:charged|billed)\s+by\s+(?!(?:you|u|the\s+bank|teller)\b)[a-z0-9&'.\-]+(?:\s+[a-z0-9&'.\-]+){0,2}?(?:${WHEN}|\s+(?:yet|already|in\s+${MONTH}))?${END}`), "transactions"],
  // "I think I bought something at the pharmacy on monday, can you check?" (was out of scope 0.75):
  // a purchase to look up, with "can you check" after it.
  [["something"], lazyPattern(String.raw`^(?:i\s+think\s+|i\s+believe\s+|maybe\s+)?i\s+(?:bought|purchased|paid\s+for|got)\s+something\s+(?:at|from|on)\s+[a-z0-9&'.\- ]{1,40}?(?:\s+(?:on|last)\s+[a-z]+|${WHEN})?\s*[,.;]?\s*(?:(?:can|could)\s+(?:you|u)\s+(?:please\s+)?(?:check|look|confirm|see)(?:\s+(?:that|it|for\s+me|on\s+that))?)${END}`), "transactions"],
  // "how much does my netflix cost me a year", "what has gas cost me this week" (was out of scope
  // 0.92; CLINC150 files the second under spending_history): what a merchant or category costs the
  // customer, i.e. spending. "cost me" is required: "how much does a flight cost" is not ours.
  [["cost me"], lazyPattern(String.raw`^(?:how\s+much\s+(?:does|did|has|have)|what\s+(?:has|have|did|does))\s+(?:my\s+)?[a-z0-9&'.\-]+(?:\s+[a-z0-9&'.\-]+){0,2}?\s+cost(?:ed)?\s+me(?:\s+(?:a|per|each|every)\s+(?:year|month|week)|\s+(?:this|last)\s+(?:week|month|year)|\s+so\s+far|\s+in\s+${MONTH})?${END}`), "spending"],
  // Fifth batch. "could you tell me what's in checking", "what is in my savings account": the balance.
  [["checking", "saving"], lazyPattern(String.raw`^(?:${LEAD}(?:know\s+|see\s+|check\s+)?|(?:can|could|would)\s+(?:you|u)\s+(?:please\s+)?tell\s+me\s+|tell\s+me\s+)?what(?:'s|\s+is)\s+(?:left\s+)?in\s+(?:my\s+)?(?:checking|savings)(?:\s+account)?(?:\s+(?:right\s+)?now)?${END}`), "balance"],
  // "can i get an account summary", "show me a summary of my accounts" (was age_limit 0.94).
  [["summary", "overview"], lazyPattern(String.raw`^${LEAD}?(?:get|see|have|show\s+me|give\s+me|view)\s+(?:an?\s+|my\s+)?(?:(?:account|accounts|balance|bank)\s+(?:summary|overview)|(?:summary|overview)\s+of\s+(?:my|all\s+my)\s+(?:accounts|balances|money))${END}`), "balance"],
  // "check if my rent went through", "see whether my phone bill has gone out" (was application_status
  // 0.22): a payment to someone, in the transactions. Not a transfer, check or deposit (BANKING77's).
  [["through", "gone out", "went out", "cleared"], lazyPattern(String.raw`^(?:${LEAD})?(?:check|see|find\s+out|confirm)\s+(?:if|whether)\s+(?:my|the)\s+(?:rent|mortgage|(?:[a-z]+\s+)?bill|(?:[a-z]+\s+)?payment)(?:\s+(?:payment|to\s+[a-z]+(?:\s+[a-z]+)?))?\s+(?:went|has\s+gone|had\s+gone|is|has|was)?\s*(?:through|out|cleared|gone\s+through|gone\s+out)(?:\s+(?:yet|already|today|yesterday))?${END}`), "transactions"],
  // "can you find the transaction for my uber ride on tuesday" (was out of scope 0.61): one past
  // payment found by what it was for.
  [["transaction", "charge", "payment", "purchase"], lazyPattern(String.raw`^${LEAD}?(?:find|look\s+up|search\s+for|locate|pull\s+up)\s+(?:my|the)\s+(?:transaction|charge|payment|purchase)\s+for\s+my\s+[a-z0-9&'.\-]+(?:\s+(?:ride|order|trip|meal|dinner|lunch|tickets?|subscription|groceries|purchase))?(?:\s+(?:on|last)\s+[a-z]+|${WHEN})?${END}`), "transactions"],
  // Sixth batch. "Is there a way to send money to my friend through this?" (was receiving_money 0.80),
  // "how do i pay someone with this app" (card_payment_not_recognised 0.70): paying a person here.
  [["send", "transfer", "pay", "wire"], lazyPattern(String.raw`^(?:is\s+there\s+a\s+way\s+(?:to|i\s+can)|how\s+(?:do|can|would)\s+i|can\s+i)\s+(?:send|transfer|pay|wire)\s+(?:(?:some\s+)?(?:money|cash|funds)\s+(?:to\s+)?)?(?:a\s+|my\s+)?(?:${PERSON}|someone(?:\s+else)?|somebody(?:\s+else)?|other\s+people|people)(?:\s+(?:through|with|using|in|on|via)\s+(?:this(?:\s+app)?|here|the\s+app|teller|you))?${END}`), "transfer"],
];

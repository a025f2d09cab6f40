// Wave 3, session 22 (issue 12): found using Teller by hand. "can i get a copy of my statement" was
// "Sorry, I can't help with that", "how do i get my bank statement" read out a credit card's statement
// ("You don't have a credit card with us."), "is my paycheck in yet" was out of scope, and "can i send
// money to someone who isn't saved" listed the saved payees without saying no. Same
// conventions as requests.ts and own-words*.ts: each pattern matches the whole small-talk-free
// message (lower-cased ASCII), gated on words it cannot match without. rule-check.ts claims no public
// row with another label.

import { lazyPattern } from "./lazy-pattern";
import { END, LEAD, MONTH } from "./request-patterns";
import type { ReadingRule } from "./own-words";

// An account's statement, never a card's ("my credit card statement" stays credit_statement).
const KIND = String.raw`(?:(?:bank|account|monthly|checking|savings|paper|e-?|electronic|official|last|latest|recent|previous|last\s+month'?s|annual|yearly|year-end|end\s+of\s+year|${MONTH}(?:'s)?)\s+)*`;
const WHICH = String.raw`(?:\s+(?:for|from|of|on)\s+(?:my\s+|the\s+)?(?:checking|savings|account|checking\s+account|savings\s+account|last\s+month|this\s+month|last\s+year|${MONTH}))?`;
const GET = String.raw`(?:get|see|view|find|download|print|request|order|send(?:\s+me)?|e-?mail(?:\s+me)?|mail(?:\s+me)?|access|obtain|give\s+me|have)`;
// "is my paycheck in", "has my salary arrived yet", "did my wages land": the money that came in.
const PAY = String.raw`(?:pay\s*check|pay\s*cheque|salary|wages?|pay|direct\s+deposit)`;

// Someone not among the saved payees: "someone who isn't saved", "a new person", "someone new".
const NOT_SAVED = String.raw`(?:someone|somebody|a\s+person|people|anyone|a\s+friend)(?:\s+(?:who(?:'s|\s+is|\s+are)?\s+|that(?:'s|\s+is)?\s+)?(?:not|isn'?t|aren'?t)\s+(?:saved|a\s+(?:saved\s+)?payee|(?:on|in)\s+my\s+(?:list|payees|payee\s+list|saved\s+payees))|\s+new)|(?:a\s+)?new\s+(?:person|people|recipient|payee)`;

// Session 23: "total of my purchases last month", "my total purchases this month" (transactions 0.85–1.0):
// a total of what was bought over a period, i.e. spending. own-words-2.ts has the same with "at <merchant>".
const SPENT_THINGS = String.raw`(?:purchases|spending|charges|expenses|expenditures?|outgoings)`;
const OVER = String.raw`(?:\s+(?:(?:for|from|in|over|during)\s+)?(?:today|yesterday|lately|recently|so\s+far|(?:this|last|the\s+(?:past|last))\s+(?:\w+\s+)?(?:weeks?|months?|years?|days)|${MONTH}))?`;

// Session 23: "i dont recognise a charge of 12.99" (out of scope: the figure and the missing apostrophe
// left the model at 0.49), "i don't recognise a 12.99 charge" (dispute 0.39). A card payment not recognised.
const FIGURE = String.raw`\$?\d[\d,]*(?:\.\d\d)?(?:\s*(?:dollars?|bucks|usd))?`;
const A_CHARGE = String.raw`(?:a|an|this|that|the|one|some)\s+(?:${FIGURE}\s+)?(?:card\s+)?(?:charge|payment|transaction|purchase)(?:\s+(?:of|for)\s+${FIGURE})?(?:\s+(?:on|in)\s+my\s+(?:card|account|statement|debit\s+card|credit\s+card|checking(?:\s+account)?))?`;

// explore25: "whats that 61.63 from tuesday" (out of scope 0.48, transfer 0.52), "what was the 5.57 charge"
// (extra_charge_on_statement 0.83), "find the 14.99 charge" (dispute 0.97): one charge looked up by its
// figure (with its cents; entities/query.ts reads the figure as the exact amount), maybe with its day.
// Cents always: "what is this $1 charge on my account?" is BANKING77's extra_charge_on_statement.
const CHARGE_FIGURE = String.raw`\$?\s?\d[\d,]*\.\d\d(?:\s*(?:dollars?|usd))?`;
const CHARGE_WORD = String.raw`(?:charge|payment|transaction|purchase|debit)`;
const CHARGE_DAY = String.raw`(?:(?:mon|tues?|wednes|wed|thurs?|fri|satur|sat|sun)(?:day)?|today|yesterday|last\s+(?:week|night|(?:mon|tues|wednes|thurs|fri|satur|sun)day)|(?:the\s+)?\d{1,2}(?:st|nd|rd|th)|${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?)`;

// Session 26: "what did i pay at costco on tuesday" (out of scope 0.73), "what i paid for at costco on
// tuesday" (out of scope 0.95): what was paid at a merchant, i.e. its payments listed with their figures.
// "how much did i pay at costco" stays spending (the model's); a day or period may follow.
const AT_WHERE = String.raw`(?!(?:my|the|a|an|home|work|least|all|once|first|checkout|atm|cash\s+machine)\b)[a-z][a-z'&.\-]*(?:\s+(?!(?:on|in|last|this|yesterday|today)\b)[a-z][a-z'&.\-]*){0,2}`;
const PAID_WHEN = String.raw`(?:\s+(?:today|yesterday|(?:on|last|this)\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:this|last|past)\s+(?:week|weekend|month)|in\s+${MONTH}|on\s+${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?|on\s+the\s+\d{1,2}(?:st|nd|rd|th)))?`;

// Session 26: "how long does a transfer to another bank take" (balance_not_updated_after_bank_transfer
// 0.50, whose answer is about money coming in): money going out to someone else's bank, i.e. transfer_timing.
const OTHER_BANK = String.raw`(?:another|other|a\s+different|an?\s+(?:external|outside)|someone(?:\s+else)?'?s|a\s+friend'?s|(?:my\s+)?(?:friend|payee|family\s+member)'?s)\s+(?:bank|account)(?:\s+account)?`;
const MOVE = String.raw`(?:(?:a|my|the)\s+)?(?:transfer|payment|money|wire)`;

// Session 26: "set up a monthly payment of 2100 to harbor view on the 1st" (out of scope 0.86), "set up a
// monthly payment to my landlord" (the scheduled list, 0.59): a new repeating payment, i.e. a transfer
// with its schedule, confirmed first.
const REPEATING = String.raw`(?:monthly|weekly|fortnightly|bi-?weekly|yearly|annual|recurring|repeating|regular|automatic|standing)`;
const ON_DAYS = String.raw`(?:\s+(?:on\s+the\s+\d{1,2}(?:st|nd|rd|th)?(?:\s+of\s+(?:each|every|the)\s+month)?|on\s+(?:mon|tues|wednes|thurs|fri|satur|sun)days?|(?:every|each)\s+[a-z0-9]+(?:\s+[a-z]+)?|starting\s+[a-z0-9]+(?:\s+[a-z0-9]+)?|from\s+(?:today|tomorrow|next\s+[a-z]+)))*`;

// Session 27: "do i have any direct debits" (out of scope 0.67), "whats on autopay" (out of scope 0.50),
// "what bills get paid automatically" (automatic_top_up 0.54): the payments that go out on their own,
// i.e. the scheduled list (whose answer says what companies take themselves). A direct debit not
// recognised stays BANKING77's.
const AUTO_PAYMENTS = String.raw`(?:direct\s+debits|auto\s*-?pays?|automatic\s+(?:payments|bill\s+payments|debits)|recurring\s+(?:bills|debits|charges)|standing\s+orders)`;

export const OWN_WORDS_BY_HAND_RULES: ReadingRule[] = [
  [["direct debit", "autopay", "auto pay", "auto-pay", "automatic", "recurring", "standing"], lazyPattern(String.raw`^(?:(?:do\s+i\s+have|have\s+i\s+got|have\s+i)\s+(?:any|some)\s+${AUTO_PAYMENTS}(?:\s+(?:set\s+up|on\s+my\s+(?:account|card)))?|(?:${LEAD}|can\s+(?:you|i)\s+)?(?:see|show|list|view|check)\s+(?:me\s+)?(?:all\s+)?(?:my|the)\s+${AUTO_PAYMENTS}|(?:what(?:'s|s|\s+is)|whats)\s+on\s+auto\s*-?pay|what\s+(?:bills|payments)\s+(?:get|are)\s+paid\s+automatically|(?:what|which)\s+(?:are\s+)?(?:my\s+)?${AUTO_PAYMENTS}(?:\s+do\s+i\s+have)?)${END}`), "scheduled_payments"],
  [["set", "create", "start", "make", "arrange", "schedule"], lazyPattern(String.raw`^${LEAD}?(?:set\s*up|create|start|make|arrange|schedule)\s+(?:a|an)\s+(?:new\s+)?${REPEATING}\s+(?:payment|transfer|order)(?:\s+of\s+${FIGURE})?\s+(?:to|into|for)\s+(?:my\s+|the\s+)?[a-z][a-z'&.\-]*(?:\s+(?!(?:on|every|each|starting|from)\b)[a-z][a-z'&.\-]*){0,2}${ON_DAYS}${END}`), "transfer"],
  // Session 26: "what's this charge from uber" (dispute 0.64: it began a dispute) asks what the charge is:
  // that merchant's payments listed. A card, an account or a fee named instead stays the model's.
  [["that", "the", "this"], lazyPattern(String.raw`^(?:what(?:'s|\s+is|\s+was)|whats|wats)\s+(?:this|that|the)\s+${CHARGE_WORD}\s+(?:from|by|at|to)\s+(?!(?:my|the|a|an|your|our|sepa|abroad|overseas|me|you|make|do|send|receive|get|have|use|pay|top|add|withdraw|exchange|transfer|order|cancel|change|open|close)\b)[a-z][a-z'&.\-]*(?:\s+(?!(?:on|from|yesterday|today|last)\b)[a-z][a-z'&.\-]*){0,2}(?:\s+(?:on|in)\s+(?:my\s+)?(?:card|account|checking|statement))?(?:\s+(?:from|on)\s+${CHARGE_DAY})?${END}`), "transactions"],
  [["how long"], lazyPattern(String.raw`^how\s+long\s+(?:does|do|will|would)\s+(?:it\s+take\s+(?:for\s+)?${MOVE}\s+to\s+(?:get\s+to|reach|arrive\s+(?:at|in))\s+${OTHER_BANK}|${MOVE}\s+to\s+${OTHER_BANK}\s+(?:take|usually\s+take|normally\s+take))${END}`), "transfer_timing"],
  [["paid", "pay", "charged"], lazyPattern(String.raw`^(?:what|wat)\s+(?:did\s+i\s+pay|have\s+i\s+paid|i\s+paid|was\s+i\s+charged)(?:\s+for)?\s+at\s+(?:the\s+)?${AT_WHERE}${PAID_WHEN}${END}`), "transactions"],
  [["that", "the", "this"], lazyPattern(String.raw`^(?:what(?:'s|\s+is|\s+was)|whats|wats|find|look\s+up)\s+(?:that|the|this)\s+(?:${CHARGE_WORD}\s+(?:of|for)\s+${CHARGE_FIGURE}|${CHARGE_FIGURE}(?:\s+${CHARGE_WORD})?)(?:\s+(?:on|from)\s+(?:my\s+)?(?:card|account|checking|statement))?(?:\s+(?:from|on)\s+${CHARGE_DAY})?(?:\s+(?:for|about))?${END}`), "transactions"],
  [["recogni"], lazyPattern(String.raw`^(?:i\s+)?(?:do\s*n'?t|do\s+not|can'?t|cannot|can\s+not)\s+recogni[sz]e\s+${A_CHARGE}${END}`), "card_payment_not_recognised"],
  [["total", "sum"], lazyPattern(String.raw`^(?:(?:what(?:'s|\s+is|\s+was)|tell\s+me|give\s+me|show\s+me)\s+)?(?:(?:the|my)\s+)?(?:(?:sum|total)(?:\s+amount)?\s+(?:of|for)\s+(?:all\s+)?(?:my|the)\s+${SPENT_THINGS}|total\s+${SPENT_THINGS})${OVER}${END}`), "spending"],
  [["someone", "somebody", "person", "people", "anyone", "friend", "new"], lazyPattern(String.raw`^(?:${LEAD}|how\s+(?:do|can)\s+i\s+|is\s+it\s+possible\s+to\s+|(?:can|could)\s+i\s+)?(?:send|transfer|pay|wire|move)\s+(?:money\s+|cash\s+|funds\s+)?(?:to\s+)?${NOT_SAVED}${END}`), "add_payee"],
  [["statement"], lazyPattern(String.raw`^${LEAD}(?:a\s+copy\s+of\s+)?(?:my|a|the|an)\s+${KIND}statements?${WHICH}${END}`), "account_statement"],
  [["statement"], lazyPattern(String.raw`^(?:${LEAD}|how\s+(?:do|can|would)\s+i\s+|where\s+(?:can|do)\s+i\s+)?${GET}\s+(?:a\s+copy\s+of\s+|copies\s+of\s+)?(?:my|a|the|an|our)\s+${KIND}statements?${WHICH}${END}`), "account_statement"],
  [["statement"], lazyPattern(String.raw`^(?:(?:my|a)\s+)?(?:(?:bank|account|monthly|checking|savings)\s+)+statements?(?:\s+please)?${END}|^(?:download|print)\s+(?:my\s+|a\s+)?${KIND}statements?${WHICH}${END}`), "account_statement"],
  // Session 24 (facts24): "statement for october" (out of scope 0.89), "show me my october statement"
  // (transactions 0.96): a statement of a month, read as the credit card's that closed then when the
  // customer holds one (packages/dialogue/flows/statement-month.ts). A month must be named.
  [["statement"], lazyPattern(String.raw`^(?:${LEAD}|(?:show|give|get|send)\s+me\s+|show\s+|pull\s+up\s+)?(?:(?:my|the)\s+)?(?:${MONTH}|last\s+month)(?:'?s)?\s+statements?${END}`), "account_statement"],
  [["statement"], lazyPattern(String.raw`^(?:${LEAD}|(?:show|give|get|send)\s+me\s+|show\s+|pull\s+up\s+)?(?:(?:my|the|a)\s+)?statements?\s+(?:for|from|of)\s+(?:the\s+)?(?:${MONTH}|last\s+month|this\s+month)${END}`), "account_statement"],
  [["pay", "salar", "wage", "deposit"], lazyPattern(String.raw`^(?:is|has|have|did)\s+(?:my|the)\s+${PAY}\s+(?:(?:come|came|gone|went|landed|land|arrived?|hit|cleared|clear|posted|post|been\s+(?:paid|deposited))(?:\s+in(?:to\s+my\s+account)?)?|in|here)(?:\s+yet)?${END}`), "transactions"],
  // Session 32: "hey can u check if my paycheck hit yet" (out_of_scope 0.92): the same, asked to be checked.
  [["pay", "salar", "wage", "deposit"], lazyPattern(String.raw`^(?:${LEAD})?(?:check|see|find\s+out|tell\s+me|let\s+me\s+know)\s+(?:if|whether)\s+(?:my|the)\s+${PAY}\s+(?:has\s+|had\s+|is\s+)?(?:(?:come|came|gone|went|landed|land|arrived?|hit|cleared|clear|posted|post|been\s+(?:paid|deposited))(?:\s+in(?:to\s+my\s+account)?)?|in|here)(?:\s+yet)?${END}`), "transactions"],
  // Session 28: "whats my net worth" (out_of_scope 0.97), "how much am i worth" (0.87): the accounts added
  // up (CLINC150 files "what's my total net worth in all of my bank accounts" under balance).
  [["worth"], lazyPattern(String.raw`^(?:${LEAD}(?:know\s+|see\s+|check\s+)?|(?:what(?:'s|s|\s+is)|whats|tell\s+me|show\s+me|give\s+me)\s+)?(?:my\s+)?(?:total\s+|current\s+|overall\s+)?net\s+worth(?:\s+(?:in|across|with)\s+(?:all\s+(?:of\s+)?)?(?:my\s+)?(?:bank\s+)?accounts)?${END}|^how\s+much\s+am\s+i\s+worth(?:\s+(?:right\s+)?now)?${END}`), "balance"],
  // Session 28: "can i pay my card with savings" (pay_bill 0.41, below the bar: "Sorry, I can't help with
  // that"): yes, a card payment from that account, set up with its confirmation.
  [["pay"], lazyPattern(String.raw`^(?:can|could|may)\s+i\s+(?:still\s+)?pay\s+(?:off\s+)?(?:my|the)\s+(?:credit\s+)?card(?:\s+(?:bill|balance))?\s+(?:with|from|using|out\s+of)\s+(?:my\s+|the\s+)?(?:savings|checking)(?:\s+account)?${END}`), "pay_bill"],
  // Session 28: "how do i update my email" (out_of_scope 0.44 beside edit_personal_details 0.56: "Sorry, I
  // can't help with that"): where personal details are changed.
  [["email", "e-mail", "phone", "address", "mobile"], lazyPattern(String.raw`^(?:how\s+(?:do|can|would)\s+i\s+|(?:can|could)\s+i\s+|i\s+(?:want|need|would\s+like)\s+to\s+|i'?d\s+like\s+to\s+|where\s+(?:do|can)\s+i\s+)(?:update|change|edit|correct)\s+(?:my|the)\s+(?:e-?mail(?:\s+address)?|(?:phone|mobile|cell)(?:\s+number)?|(?:home\s+|mailing\s+|postal\s+)?address)(?:\s+(?:on|in|for)\s+(?:my\s+)?(?:account|profile))?${END}`), "edit_personal_details"],
];

// A request to *do* something wins over FAQ topics that share its words (issue 12, item 3):
// "I want to transfer money" is a transfer, "my transfer hasn't arrived" is a FAQ question. The
// model learns most of this from data; these rules pin down the short, unambiguous requests whose
// words the model otherwise reads as FAQ topics. They match the whole (small-talk-free) message,
// so a message that says anything more (a problem, a fee, a delay) is left to the model.

import type { IntentName } from "../contract/intents";
import { lazyPattern } from "./lazy-pattern";
import { END, LEAD, MONTH, PERSON } from "./request-patterns";
import { OWN_WORDS_RULES, type ReadingRule } from "./own-words";
import { OWN_WORDS_2_RULES } from "./own-words-2";
import { OWN_WORDS_3_RULES } from "./own-words-3";
import { OWN_WORDS_4_RULES } from "./own-words-4";
import { OWN_WORDS_5_RULES } from "./own-words-5";
import { OWN_WORDS_6_RULES } from "./own-words-6";
import { OWN_WORDS_7_RULES } from "./own-words-7";
import { OWN_WORDS_8_RULES } from "./own-words-8";
import { OWN_WORDS_9_RULES } from "./own-words-9";
import { OWN_WORDS_10_RULES } from "./own-words-10";
import { OWN_WORDS_11_RULES } from "./own-words-11";
import { OWN_WORDS_12_RULES } from "./own-words-12";
import { OWN_WORDS_13_RULES } from "./own-words-13";
import { OWN_WORDS_14_RULES } from "./own-words-14";
import { OWN_WORDS_15_RULES } from "./own-words-15";
import { OWN_WORDS_16_RULES } from "./own-words-16";
import { OWN_WORDS_17_RULES } from "./own-words-17";
import { OWN_WORDS_18_RULES } from "./own-words-18";
import { OWN_WORDS_EVERYDAY_RULES } from "./own-words-everyday";
import { OWN_WORDS_EVERYDAY_2_RULES } from "./own-words-everyday-2";
import { OWN_WORDS_EVERYDAY_3_RULES } from "./own-words-everyday-3";
import { OWN_WORDS_BY_HAND_RULES } from "./own-words-by-hand";

// Where a plain transfer may go without making it a question about a top-up or an incoming transfer.
// Wave 8b: "to a different bank": a payee's account at another bank, which a transfer can reach.
const OWN_OR_SOMEONE = String.raw`(?:\s+(?:to|into)\s+(?:my\s+)?(?:savings|checking|someone(?:\s+else'?s)?|somebody(?:\s+else'?s)?|a\s+friend|another\s+account|(?:my\s+)?other\s+account|(?:a\s+different|another|an\s+external|an\s+outside|some\s+other)\s+bank)(?:\s+account)?)?`;
const ACCOUNT = String.raw`(?:savings|checking|current|main|joint|bank|available|account)`;
// Verbs of buying or paying something, for questions about past purchases.
const BUYING = String.raw`bought|buy|purchased|purchase|shopped|shop|ordered|order|spent\s+money|spend\s+money|(?:used|use)\s+my\s+(?:[a-z]+\s+){0,2}?card|(?:paid|pay)\s+(?:for|at|with|my|the)|(?:made|make)\s+a\s+(?:purchase|payment|transaction)`;
// nlu3. Another person's account ("to my brother's account", "to jessica's savings account") or
// "another person": a transfer to them (the model read it as transfer_into_account, a top-up).
const SOMEONES_ACCOUNT = String.raw`(?:\s+(?:to|into)\s+(?:(?:my\s+${PERSON}|(?!(?:it|that|what|there|here|let|one|who|he|she)'s)[a-z]+)'s(?:\s+(?:checking|savings|bank))?\s+account|(?:another|a\s+different|some\s+other)\s+(?:person|people)))`;
// Words that turn a list request into a question about a problem with the listed items.
const TROUBLE = String.raw`(?:that|which|who|are|is|was|were|not|never|n't|why|declined|pending|failed|missing|refund\w*|wrong|twice|cancel\w*|disput\w*|revert\w*|fees?|charged|recogni[sz]e\w*|unauthori[sz]ed|fraud\w*)`;
// A bare amount after a payee's name ("venmo jake 20", "$20", "20 bucks").
const AMOUNT = String.raw`\$?\d{1,5}(?:\.\d{2})?(?:\s*(?:dollars|bucks|usd))?`;
// A customer's own card, paid into (never "debit": a debit card has no bill).
const OWN_CARD = String.raw`(?:credit\s+card|card|visa|master\s?card|amex)`;
// A request's opening without the questions of LEAD ("can I pay my credit card" asks how).
const CARD_LEAD = String.raw`(?:(?:i\s+(?:want|need|would\s+like)|i'?d\s+like)\s+to\s+|please\s+|let\s+me\s+|(?:can|could|would)\s+you\s+(?:please\s+)?)?`;
const PERIOD = String.raw`(?:(?:the|of|and|to|until|till|through|-|–|,|\d{1,4}(?:st|nd|rd|th)?|\d{1,2}/\d{1,2}(?:/\d{2,4})?|${MONTH})\s*)+`;

// Each rule with the words it cannot match without one of: a message with none skips the pattern.
// Compiling these patterns took most of a fresh isolate's first classify (they are only compiled
// when first used), and most messages name none of the words; each is also built (parsed) only then. The patterns have no "i" flag: they
// are matched against the message with its ASCII letters lower-cased, which is what "i" does for
// patterns written in lower-case ASCII, at a fraction of the compile cost.
// own-words.ts (session 13) holds more, applied after these.
const RULES: ReadingRule[] = [
  [["transfer"], lazyPattern(String.raw`^${LEAD}?(?:make|do|start|initiate|set\s+up|create|send|schedule|arrange)?\s*(?:a|an|another|some|one)?\s*(?:money\s+|bank\s+|new\s+|quick\s+)?transfers?(?:\s+(?:of\s+)?(?:money|funds|cash))?(?:\s+(?:done|made|set\s+up|started))?${END}`), "transfer"],
  [["money", "funds", "cash"], lazyPattern(String.raw`^${LEAD}?(?:transfer|move|send|wire|shift)\s+(?:some\s+|my\s+|the\s+)?(?:money|funds|cash)(?:\s+(?:between|across)\s+(?:my\s+)?accounts)?(?:\s+from\s+(?:my\s+)?(?:savings|checking)(?:\s+account)?|(?:\s+out\s+of\s+(?:my\s+)?(?:savings|checking)(?:\s+account)?)?(?:${OWN_OR_SOMEONE}|${SOMEONES_ACCOUNT}))${END}`), "transfer"],
  // (A "from" account only with nothing after it: BANKING77's "I would like to transfer money from my
  // checking account to my savings account." is labelled transfer_into_account.)
  // "Can I pay my friend?", "I want to pay my roommate back" (receiving_money at 0.89): paying a
  // person is a transfer; paying a bill or a card is pay_bill, so only people are named here.
  [["pay", "reimburse"], lazyPattern(String.raw`^${LEAD}?(?:pay|repay|reimburse)\s+(?:back\s+)?my\s+${PERSON}(?:\s+back)?${END}`), "transfer"],
  [["balance"], lazyPattern(String.raw`^${LEAD}?(?:check|see|know|get|view|hear|find\s+out|look\s+at|show\s+me|tell\s+me|what\s+is|what'?s)\s+(?:on\s+)?(?:my|the)\s+(?:${ACCOUNT}\s+(?:account\s+)?)?balances?(?:\s+(?:of|on|in|for)\s+(?:my|the)\s+${ACCOUNT}(?:\s+account)?)?${END}`), "balance"],
  // "Can I check my account?", "I want to look at my savings account": the balances view (each
  // account with its balance) answers it; anything more ("… activity", "… is closed") is the model's.
  [["account"], lazyPattern(String.raw`^${LEAD}?(?:check|see|view|look\s+at|check\s+on)\s+(?:my|the)\s+(?:(?:savings|checking|current|main|joint|bank)\s+)?accounts?${END}`), "balance"],
  // "How are my savings doing?", "how's my checking looking": the customer's own accounts, which
  // the model reads as small talk ("how are you doing").
  [["saving", "checking", "account", "balance", "finances", "money"], lazyPattern(String.raw`^(?:so\s+|and\s+)?how(?:'s|\s+is|\s+are)\s+(?:my|our)\s+(?:(?:savings|checking|current|main|joint|bank)\s+)?(?:savings|checking|accounts?|balances?|finances|money)(?:\s+(?:doing|looking))?(?:\s+(?:today|now|these\s+days|at\s+the\s+moment))?\s*[.!?]*$`), "balance"],
  // "transactions between 1 october and 15 october": the model read month names as out of scope
  // (0.89). Only a list request followed by nothing but dates; anything more is the model's.
  [["transaction", "purchase"], lazyPattern(String.raw`^${LEAD}?(?:(?:show|list|see|view|get|display|give)\s+(?:me\s+)?)?(?:all\s+)?(?:(?:of\s+)?(?:my|the)\s+)?(?:transactions|purchases)\s+(?:between|from|since|on|in|during|for)\s+${PERIOD}${END}`), "transactions"],
  // "what did I buy on november 20" (out of scope at 0.65; "… yesterday" the model knows).
  [["buy", "bought", "purchase"], lazyPattern(String.raw`^what\s+(?:did|have)\s+i\s+(?:buy|bought|purchase[d]?)\s+(?:on|in|between|from|since|during)\s+${PERIOD}${END}`), "transactions"],
  // Wave 8. "list all purchases of video games", "show me my transactions at costco": a list request
  // naming what was bought (out of scope at 0.26). Not when the rest says what went wrong with them.
  [["transaction", "purchase"], lazyPattern(String.raw`^${LEAD}?(?:show|list|see|view|get|display|give|pull\s+up|bring\s+up)\s+(?:me\s+)?(?:all\s+)?(?:(?:of\s+)?(?:my|the)\s+)?(?:recent\s+)?(?:transactions|purchases)\s+(?:of|on|at|for|from|in|with)\s+(?!.*\b${TROUBLE}\b)[a-z0-9'&.\- ]{1,50}${END}`), "transactions"],
  // nlu3. "list the charges from my trip to chicago" (out of scope at 0.57): the same list request
  // for charges, but never a fee question ("the charges for international transfers", "… for a
  // top up"), so "for" may not follow and no fee, transfer, cash or exchange word may appear.
  [["charge"], lazyPattern(String.raw`^${LEAD}?(?:show|list|see|view|get|display|give|pull\s+up|bring\s+up)\s+(?:me\s+)?(?:all\s+|every\s+|each\s+)?(?:(?:of\s+)?(?:my|the)\s+)?(?:recent\s+)?charges?\s+(?:on|at|from|in|during)\s+(?!.*\b(?:${TROUBLE}|for|transfers?|top.?ups?|atms?|cash|withdraw\w*|exchange|international|foreign|abroad|overseas|i|me)\b)[a-z0-9'&.\- ]{1,50}${END}`), "transactions"],
  // "did i use my card at the gas station today" (card_not_working at 0.60): whether a purchase
  // happened at a place. Not a cash machine, abroad or another country (BANKING77 topics), not a
  // problem, and only "did / have I": "can I use my card at …" asks whether it works there.
  [["did i", "have i"], lazyPattern(String.raw`^(?:did|have)\s+i\s+(?:ever\s+)?(?:(?:use|used)\s+my\s+(?:[a-z]+\s+){0,2}?card|shop(?:ped)?|(?:buy|bought)\s+(?:anything|something)|(?:make|made)\s+(?:a|any)\s+purchases?)\s+at\s+(?!(?:an?\s+|the\s+)?(?:atm|cash\s*machine|cashpoint)\b)(?![^.?!]*\b(?:${TROUBLE}|and|but|abroad|overseas|foreign|country|international|atm)\b)[a-z0-9'&.\- ]{1,50}${END}`), "transactions"],
  // "when was the last time i bought gas", "when did i last pay my electric bill" (out of scope, or
  // pay_bill): only buying and paying verbs, since CLINC150's "last time I got paid / changed my
  // oil" are out of scope (payday, last_maintenance).
  [["last"], lazyPattern(String.raw`^(?:when\s+(?:was|is)\s+the\s+last\s+time\s+i|when\s+did\s+i\s+last|what\s+was\s+the\s+last\s+time\s+i|(?:show|tell)\s+me\s+the\s+last\s+time\s+i)\s+(?:${BUYING})\b[^.?!]{0,60}${END}`), "transactions"],
  // "when did i buy my plane tickets": the same without "last", but not "when did i order my card"
  // (a card delivery question).
  [["when did i"], lazyPattern(String.raw`^when\s+did\s+i\s+(?![^.?!]*\bcards?\b)(?:${BUYING})\b[^.?!]{0,60}${END}`), "transactions"],
  // "how many times have i eaten at chipotle this month" (out of scope at 0.90); CLINC150's "how
  // many times have i taken off from work" (pto_used) names no place of purchase. nlu12: "how
  // often" too, and paying a merchant or person named straight after the verb ("how many times
  // have i paid uber this month" was spending 0.75): a count of past payments is the list's.
  // Not paying off, back, interest or fees, nor "get paid" (CLINC150 payday: no "i pay" in it).
  [["times", "often"], lazyPattern(String.raw`^how\s+(?:many\s+times|often)\s+(?:have|did|do)\s+i\s+(?:${BUYING}|(?:paid|pay|payed)\s+(?!(?:off|back|down|interest|fees?|taxes|tax|rent\s+late|late|more|less|too)\b)[a-z]+|(?:eaten|eat|gone|go|went|been)(?:\s+out)?\s+(?:at|to))\b[^.?!]{0,60}${END}`), "transactions"],
  // "what items do i have on my amex card this month" (credit_statement at 0.28): what is on a card
  // or account, which must be named (CLINC150's "what items are on my shopping list" is not ours).
  [["item", "purchase", "thing", "charge", "transaction"], lazyPattern(String.raw`^what\s+(?:items|purchases|things|charges|transactions)\s+(?:do\s+i\s+have|are\s+there|are|have\s+i\s+(?:made|bought|charged|put)|did\s+i\s+(?:make|buy|charge|put))\s+(?:on|in|to)\s+(?:my|the)\s+(?:[a-z]+\s+){0,3}?(?:card|account|checking|savings|visa|mastercard|amex)(?:\s+(?:this|last)\s+(?:week|month|year)|\s+(?:so\s+far|recently|lately|today|yesterday))?${END}`), "transactions"],
  // "how much was my last uber ride" (out of scope at 0.85): the price of one past purchase; not a
  // paycheck (CLINC150 payday), a bill or statement (credit_statement), nor a fee or rate question.
  [["last", "latest", "recent", "previous"], lazyPattern(String.raw`^how\s+much\s+(?:was|did|were)\s+(?:my|the)\s+(?:last|latest|most\s+recent|previous)\s+(?![^.?!]*\b(?:pay|paycheck|salary|wages?|check|cheque|bills?|statement|fees?|charged|rate|interest|refund|top.?up)\b)(?:[a-z]+\s+){0,3}?[a-z]+(?:\s+(?:for|cost|come\s+to))?${END}`), "transactions"],
  // "did i pay my phone bill last month": a payment already made, not one to make (pay_bill).
  [["bill"], lazyPattern(String.raw`^(?:did|have)\s+i\s+(?:already\s+|ever\s+)?(?:pay|paid)\s+(?:my|the)\s+(?:[a-z]+\s+){0,2}?bills?\b(?:\s+(?:yet|already|last\s+\w+|this\s+\w+|yesterday|on\s+time|(?:in|on|for)\s+[a-z0-9 ]{1,20}))?${END}`), "transactions"],
  // "what does my checking look like", "what's my balance looking like" (out of scope at 0.91).
  [["saving", "checking", "account", "balance", "finances", "funds"], lazyPattern(String.raw`^(?:so\s+|and\s+)?(?:what|how)(?:'s|\s+is|\s+are|\s+does|\s+do)\s+(?:my|our)\s+(?:(?:savings|checking|current|main|joint|bank)\s+)?(?:savings|checking|accounts?|balances?|finances|funds)(?:\s+account)?\s+look(?:ing)?(?:\s+like)?(?:\s+(?:today|now|right\s+now|these\s+days|at\s+the\s+moment))?\s*[.!?]*$`), "balance"],
  // "where did all my money go this month" (CLINC150 spending_history). A bare "where is my money"
  // is BANKING77's missing transfer or deposit: only "all", a period, or "going" makes it spending.
  // sweep16: "where did my money go last month" never matched (the lookahead's space was eaten before the period's).
  [["money"], lazyPattern(String.raw`^(?:where\s+(?:did|has)\s+all\s+(?:of\s+)?my\s+money\s+(?:go|gone)|where\s+(?:is|has)\s+(?:all\s+)?my\s+money\s+(?:been\s+)?going|where\s+does\s+(?:all\s+)?my\s+money\s+go|where\s+did\s+my\s+money\s+go(?=\s+(?:this|last|in)\b))(?:\s+(?:this|last|each|every)\s+(?:week|month|year)|\s+in\s+${MONTH}|\s+lately|\s+recently)?${END}`), "spending"],
  // "show me my spending history" (transactions at 0.97): the spending view; "my spending limit"
  // (CLINC150 credit_limit) is not matched, since only a period or history / report words may follow.
  [["spending"], lazyPattern(String.raw`^${LEAD}?(?:show|tell|give|see|view|get|know|check|review|what(?:'s|\s+is))\s+(?:me\s+)?(?:my|the)\s+(?:recent\s+|total\s+|monthly\s+|weekly\s+)?spending(?:\s+(?:history|report|summary|breakdown|so\s+far))?(?:\s+(?:(?:for|from|in|over|during)\s+)?(?:(?:this|last|the\s+(?:past|last))\s+(?:\w+\s+)?(?:weeks?|months?|years?|days)|${MONTH}|lately|recently|yesterday|today))?${END}`), "spending"],
  // "can i afford a $200 purchase", "do i have enough money in checking for a new phone": the
  // balances answer it (CLINC150 balance). Money must be named, since CLINC150's "do i have enough
  // points / pto / fuel" are other intents.
  [["afford"], lazyPattern(String.raw`^(?:can|could)\s+i\s+(?:still\s+|really\s+)?afford\s+(?!to\s+(?:wait|lose))[^.?!]{1,60}${END}`), "balance"],
  [["enough"], lazyPattern(String.raw`^(?:do|will|would)\s+i\s+have\s+enough\s+(?:money|cash|funds)(?:\s+(?:left\s+)?(?:in|on)\s+(?:(?:my|the)\s+)?(?:[a-z]+\s+){0,3}?(?:account|checking|savings|bank))?\s+(?:to|for)\s+[^.?!]{1,60}${END}`), "balance"],
  // "spending between 3 and 10 november": out of scope, as for transactions above.
  [["spending"], lazyPattern(String.raw`^${LEAD}?(?:(?:show|see|view|get|give)\s+(?:me\s+)?)?(?:my\s+)?spending\s+(?:between|from|since|on|in|during|for)\s+${PERIOD}${END}`), "spending"],
  // Wave 8b. "venmo jake 20", "zelle my sister $50": a payment app's name used as the verb for
  // paying a person (out of scope at 0.75). Teller sends it as a transfer, confirmed first.
  [["venmo", "zelle", "paypal", "cash app", "cashapp"], lazyPattern(String.raw`^(?:venmo|zelle|paypal|cash\s?app)\s+(?!me\b|you\b|it\b)(?:my\s+)?[a-z][a-z'.\-]*(?:\s+[a-z][a-z'.\-]*)?\s+${AMOUNT}${END}`), "transfer"],
  // "Please wire two thousand dollars to my father", "send $45 to Jessica": an amount sent to a
  // person, in the imperative (out of scope at 0.43 after the wave 8b refit). Never past tense (a
  // transfer that went wrong is a FAQ topic), never to a card or an account of one's own.
  [["send", "wire", "transfer", "pay", "move"], lazyPattern(String.raw`^${LEAD}?(?:send|wire|transfer|pay|move)\s+(?:\$\s?\d[\d,]*(?:\.\d{2})?|\d[\d,]*(?:\.\d{2})?\s*(?:dollars|bucks|usd)?|(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|and)[\s-]+){1,6}(?:dollars|bucks))\s+to\s+(?:my\s+${PERSON}|[a-z][a-z'.\-]*(?:\s+[a-z][a-z'.\-]*)?)(?<!\b(?:card|account|savings|checking|me|it|them|that|this))${END}`), "transfer"],
  // "pay 100 on my credit card", "make a payment on my credit card", "pay off my card", "pay $50
  // toward my visa": a payment to one's own card account (read as a transfer from the card, or an
  // unrecognised card payment). Imperative only: "can I pay my credit card" stays with the model.
  [["pay"], lazyPattern(String.raw`^${CARD_LEAD}(?:pay\s+(?:off|down)\s+|pay\s+(?:${AMOUNT}\s+)?(?:(?:on|to|toward|towards|into|off|against)\s+)?|make\s+(?:a|an|my|the)\s+(?:${AMOUNT}\s+)?(?:(?:credit\s+)?card\s+)?payment\s+(?:of\s+${AMOUNT}\s+)?(?:on|to|toward|towards|for|against|into)\s+)(?:my|the)\s+${OWN_CARD}(?:\s+(?:bill|balance|account))?(?:\s+(?:off|in\s+full))?(?:\s+${AMOUNT})?(?:\s+(?:from|with|out\s+of)\s+(?:my\s+)?(?:checking|savings)(?:\s+account)?)?${END}`), "pay_bill"],
  // "did amazon charge me this month" (spending at 0.66): whether a merchant's charge happened is
  // the transactions list. Not "did you / the bank charge me" (a fee question), not "… twice".
  [["charge", "bill"], lazyPattern(String.raw`^did\s+(?!(?:you|u|they|the\s+bank|teller|i|it|someone|somebody|anyone|my\s+card)\b)[a-z0-9&'.\-]+(?:\s+[a-z0-9&'.\-]+){0,2}?\s+(?:charge|bill)\s+me(?:\s+(?:yet|already|(?:this|last)\s+(?:week|month|year)|today|yesterday|recently|lately|in\s+${MONTH}))?${END}`), "transactions"],
  // "has my rent payment gone out yet", "can you check if my payment to verizon went through"
  // (pending_card_payment at 0.76 / 0.47): a payment to someone, seen in the transactions list. A
  // card payment stays with the model (BANKING77's pending and declined card payments).
  [["payment"], lazyPattern(String.raw`^(?:(?:can|could)\s+(?:you|u)\s+(?:please\s+)?(?:check|see|tell\s+me|find\s+out)\s+(?:if|whether)\s+|i\s+(?:want|need|would\s+like)\s+to\s+know\s+(?:if|whether)\s+|(?:has|have|did)\s+)(?:my|the)\s+(?!(?:card|debit|credit|contactless)\b)(?:[a-z]+\s+){0,2}?payment(?:\s+(?:to|for)\s+(?!(?:my\s+)?card\b)[a-z0-9&'.\- ]{1,30}?)?\s+(?:gone|go|went|goes)\s+(?:out|through)(?:\s+(?:yet|already|today|yesterday|ok|okay))?${END}`), "transactions"],
  // nlu3. "how do i raise my credit score", "will paying off my loan help my credit" (credit_score
  // at 0.58–0.97; CLINC150 val improve_credit_score 16 / 20): a verb of making the score better or
  // worse, anywhere in the message, is the improving question, never asking for the score itself.
  // Over all public rows it matches 65 improve_credit_score rows and nothing else ("raise my
  // credit limit" is credit_limit_change: score, rating, history or the end must follow "credit").
  [["credit"], lazyPattern(String.raw`\b(?:improv\w*|rais(?:e|ed|es|ing)|boost\w*|increas\w*|build(?:ing)?|rebuild\w*|repair\w*|fix\w*|bump\w*|help(?:s|ed|ing)?|hurt\w*|affect\w*|impact\w*|lower\w*|damag\w*)\s+(?:up\s+)?(?:my|your|the|one'?s|a|our)\s+(?:(?:bad|poor|low|personal|overall|current|own|fico)\s+)?credit(?:\s+(?:score|rating|history)s?\b|\s*[?.!,]|\s*$)|\bcredit\s+(?:score|rating)s?\s+(?:\w+\s+){0,2}(?:improv\w*|go(?:es)?\s+up|rais\w*|boost\w*|increas\w*|better|higher)\b|\b(?:better|higher)\s+credit\s+(?:score|rating)`), "improve_credit_score"],
  // Wave 10. Money that came in, asked about in bank words: "did my paycheck come in" (out of scope at
  // 0.69), "has my salary been deposited" (receiving_money, a how-to), "when was my last deposit"
  // (out of scope at 0.89), "did i get paid yet". The customer's transactions answer it (only money
  // in: entities/query.ts `incoming`). Not "when is payday" or "when will i get paid" (CLINC150's
  // payday, a work question), nor "when was my last paycheck" (the same), which name no arrival.
  [["paycheck", "pay check", "cheque", "salary", "wage", "deposit"], lazyPattern(String.raw`^(?:did|has|have|is)\s+(?:my|the)\s+(?:(?:last|latest|new|monthly|weekly)\s+)?(?:pay\s*check|pay\s*cheque|salary|wages?|direct\s+deposit|deposit)\s+(?:(?:come|came|gone|go|went)\s+(?:in|through)|arrived?|hit(?:\s+(?:my|the)\s+(?:bank\s+)?account)?|landed|land|cleared|clear|posted|post|showed?\s+up|shown\s+up|been\s+(?:deposited|paid(?:\s+in)?|credited|posted|received))(?:\s+(?:yet|today|already|this\s+(?:week|month)))?${END}`), "transactions"],
  [["paid"], lazyPattern(String.raw`^(?:did|have)\s+i\s+(?:get|got|gotten|been)\s+paid(?:\s+(?:yet|today|already|this\s+(?:week|month)))?${END}`), "transactions"],
  [["deposit"], lazyPattern(String.raw`^(?:when|what)\s+(?:was|is)\s+(?:my|the)\s+(?:last|latest|most\s+recent|previous)\s+deposit(?:\s+(?:to|into|in)\s+(?:my\s+)?(?:checking|savings|account))?${END}`), "transactions"],
  // "what does my bank account have in it" (account_blocked at 0.53): its balance.
  [["have in"], lazyPattern(String.raw`^(?:what|how\s+much)\s+(?:does|do)\s+(?:my|the)\s+(?:(?:bank|checking|savings)\s+)?accounts?\s+have\s+in\s+(?:it|them)${END}`), "balance"],
];

/** The intent a short, plain request asks for (an action, or a question the rules pin down), or undefined. */
export function plainRequestIntent(text: string): IntentName | undefined {
  const t = lowerAscii(text.trim().replace(/[\u2018\u2019\u02bc`]/g, "'"));
  // nlu7 tried 120 characters ("I know I bought something on Amazon last week but I can't remember
  // what, can you look it up?"): +8–12 µs per call on long messages, the ones p99 is made of. Kept 80.
  if (t.length > 80) return undefined;
  const gates = (GATES ??= wordGates());
  // nlu8: each gate word is looked up in the text at most once per call, whichever rules share it
  // (~150 rules name ~250 distinct words; many rules share "money", "pay", "balance"…).
  stamp = (stamp + 1) >>> 0;
  if (stamp === 0) (seenAt.fill(0), (stamp = 1));
  for (const { words, pattern, intent } of gates.rules) {
    let named = false;
    for (let i = 0; i < words.length && !named; i++) {
      const w = words[i]!;
      if (seenAt[w] !== stamp) {
        seenAt[w] = stamp;
        found[w] = t.includes(gates.words[w]!) ? 1 : 0;
      }
      named = found[w] === 1;
    }
    if (named && pattern.test(t)) return intent;
  }
  return undefined;
}

const ALL_RULES = [RULES, OWN_WORDS_RULES, OWN_WORDS_2_RULES, OWN_WORDS_3_RULES, OWN_WORDS_4_RULES, OWN_WORDS_5_RULES, OWN_WORDS_6_RULES, OWN_WORDS_7_RULES, OWN_WORDS_8_RULES, OWN_WORDS_9_RULES, OWN_WORDS_10_RULES, OWN_WORDS_11_RULES, OWN_WORDS_12_RULES, OWN_WORDS_13_RULES, OWN_WORDS_14_RULES, OWN_WORDS_15_RULES, OWN_WORDS_16_RULES, OWN_WORDS_17_RULES, OWN_WORDS_18_RULES, OWN_WORDS_EVERYDAY_RULES, OWN_WORDS_EVERYDAY_2_RULES, OWN_WORDS_EVERYDAY_3_RULES, OWN_WORDS_BY_HAND_RULES];
/** Every reading rule in the order plainRequestIntent applies them (bench/reading-gates.bench.ts reads them). */
export const READING_RULES: readonly ReadingRule[] = ALL_RULES.flat();

interface WordGates {
  /** Every distinct gate word of all the rules. */
  words: string[];
  /** The rules in order, each with its gate words as indices into `words`. */
  rules: { words: Uint16Array; pattern: ReadingRule[1]; intent: IntentName }[];
}

// Built on the first call (a plain pass over the rule lists; the patterns still compile on first use).
let GATES: WordGates | undefined;
// Per call: which words were looked up (stamp of the call) and whether the text names them.
let stamp = 0;
let seenAt = new Uint32Array(0);
let found = new Uint8Array(0);

function wordGates(): WordGates {
  const index = new Map<string, number>();
  const rules = READING_RULES.map(([words, pattern, intent]) => ({
    words: Uint16Array.from(words, (w) => index.get(w) ?? index.set(w, index.size).size - 1),
    pattern,
    intent,
  }));
  seenAt = new Uint32Array(index.size);
  found = new Uint8Array(index.size);
  return { words: [...index.keys()], rules };
}

/** A–Z → a–z, nothing else: the same length and the same positions as `text`. */
export function lowerAscii(text: string): string {
  return /[A-Z]/.test(text) ? text.replace(/[A-Z]+/g, (run) => run.toLowerCase()) : text;
}

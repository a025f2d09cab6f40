// Query modifiers: what a question asks of the customer's data beyond "which intent" — a count
// ("last 3"), a superlative ("biggest purchase"), a comparison ("september compared to october",
// "dining or groceries"), a lookup ("did my rent go through?", "when did I last pay Netflix?"),
// "everything" as an amount — and the shape of the message itself: a question, a cancel, a
// correction, a pick from a numbered list, a dispute. Rules only; the dialogue decides what to do.

import { SPENDING_CATEGORIES, lastOfCategory } from "./spending";
import { stripSmallTalk } from "../small-talk";
import { mentionsAny } from "../lazy-pattern";
import type { MonthRange, QueryModifiers, Superlative } from "../../contract/understood";

export type { MonthRange, QueryModifiers, Superlative } from "../../contract/understood";

/**
 * A pattern tried only on a text that names one of `words` (lower-cased), which it cannot match
 * without. Every message runs all of these; most name none of a pattern's words, and a fresh isolate
 * then never compiles that pattern (V8 compiles a RegExp on its first runs: these were ~7–10 ms of
 * the first message's entities).
 */
class Gated {
  constructor(
    private readonly words: readonly string[],
    readonly pattern: RegExp,
  ) {}
  exec(text: string, lower: string): RegExpExecArray | null {
    return mentionsAny(lower, this.words) ? this.pattern.exec(text) : null;
  }
  test(text: string, lower: string): boolean {
    return this.exec(text, lower) !== null;
  }
}
const gate = (words: readonly string[], pattern: RegExp): Gated => new Gated(words, pattern);

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, twenty: 20,
};
const ORDINALS: Record<string, number> = {
  first: 1, "1st": 1, second: 2, "2nd": 2, third: 3, "3rd": 3, fourth: 4, "4th": 4, fifth: 5, "5th": 5,
};
// The model reads these as out of scope (CLINC150 files them under its own meta intents), so a new
// customer asking what Teller does was told "Sorry, I can't help with that", and a second such
// question went to a person. Whole messages only (after small talk): anything more is a request.
const ABOUT_TELLER =
  /^(?:what\s+(?:else\s+)?(?:can|could|do)\s+(?:you|u)\s+(?:do|help\s+(?:me\s+|us\s+)?with|help(?:\s+me)?|offer)(?:\s+for\s+me)?|what\s+are\s+(?:you|u)\s+able\s+to\s+do|what\s+(?:can|should)\s+i\s+(?:ask|say)(?:\s+(?:you|here))?|how\s+(?:can|do|could)\s+(?:you|u)\s+help(?:\s+me)?|who\s+(?:are|r)\s+(?:you|u)|what\s+are\s+(?:you|u)|are\s+(?:you|u)\s+(?:a\s+)?(?:bot|robot|ai|chat\s*bot|machine|real(?:\s+person)?|human|person)|what\s+is\s+teller|how\s+does\s+(?:this|it|teller)\s+work|help|menu|options)[\s?.!]*$/i;
// crowd32: "show pending stuff", "the pending items": what is pending, said loosely.
const PENDING = gate(["pending"], /\bpending\s+(?:transactions?|payments?|purchases?|charges?|debits?|card\s+payments?|stuff|things|items)\b|\b(?:transactions?|payments?|purchases?|charges?)\s+(?:that\s+)?(?:are\s+|is\s+)?(?:still\s+)?pending\b|\bwhat(?:'s|\s+is)\s+(?:still\s+)?pending\b|\b(?:the|that|this)\s+pending\s+(?:one|thing)\b/i);
// Money in, not a spending question: deposits, a paycheck, "did I get paid". Only the lookup of
// transactions reads it.
// Session 26: "how much came in this month", "how much did i receive last month", "whats my income this
// month" were read as spending (money out): the money in, not "interest earned" (interest-earned.ts).
// explore27: "how much did i make last month" (what was spent was the answer): what was earned, money in.
const INCOMING = gate(["deposit", "pay", "salar", "wage", "incoming", "money", "paid", "came", "come", "receive", "income", "make", "made", "earn"], /\bhow\s+much\s+(?:money\s+)?(?:came|has\s+come|have\s+i\s+had\s+come|come)\s+in\b|\bhow\s+much\s+(?:money\s+)?(?:did|have)\s+i\s+(?:make|made|earn|earned)\b(?!\s+(?:in|on|from)\s+(?:interest|rewards?|points|cash\s*back))|\bhow\s+much\s+(?:money\s+)?(?:did|have)\s+i\s+(?:receive[d]?|got\s+paid|get\s+paid|been\s+paid)\b|\b(?:my|total|the)\s+(?:monthly\s+|total\s+)?income\b(?!\s+tax)|\b(?:deposits|pay\s*(?:checks?|cheques?)|salary|wages|direct\s+deposits?|incoming\s+(?:money|payments?|transfers?)|money\s+(?:that\s+)?(?:came|come|coming|has\s+come)\s+in(?:to)?)\b|\b(?:last|latest|recent|most\s+recent)\s+deposit\b|(?<!\bsince\s+i\s+(?:last\s+)?)\b(?:got|get|been)\s+paid\b|\b(?:largest|biggest|highest|smallest|lowest)\s+(?:deposit|pay\s*check|pay\s*cheque|direct\s+deposit)\b/i);
// "transactions over $50", "the ones under 20", "anything above 100 last month": a bound on a
// transaction's size, the amount being the amount entity (found by hand: these listed every transaction).
// Words for an amount only when they cannot be a count ("more than one payment", "over two weeks").
const BOUND_AMOUNT = String.raw`\s+(?:\$|usd\s*|\d|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b|(?:a|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:hundred|thousand|dollars?|bucks)\b)`;
const AMOUNT_AT_LEAST = gate(["least", "or more"], new RegExp(String.raw`\bat\s+least${BOUND_AMOUNT}|\d\s*(?:dollars|bucks)?\s+or\s+more\b`, "i"));
const AMOUNT_AT_MOST = gate(["most", "or less"], new RegExp(String.raw`\bat\s+most${BOUND_AMOUNT}|\d\s*(?:dollars|bucks)?\s+or\s+less\b`, "i"));
const AMOUNT_OVER = gate(["over", "above", "more", "greater", "bigger", "larger", "exceed", "higher"], new RegExp(String.raw`\b(?:over|above|more\s+than|greater\s+than|bigger\s+than|larger\s+than|higher\s+than|exceeding)${BOUND_AMOUNT}`, "i"));
// explore25: "whats that 61.63 from tuesday", "what was the 5.57 charge", "find the $14.99 payment":
// one charge by its own figure (with its cents), asked what it was.
const AMOUNT_EXACT = gate(["that", "the", "this"], /^(?:what(?:'s|\s+is|\s+was)|whats|wats|find|look\s+up)\s+(?:that|the|this)\s+(?:(?:charge|payment|transaction|purchase|debit)\s+(?:of|for)\s+)?\$?\s?\d[\d,]*\.\d\d(?![\d.])/i);
const AMOUNT_UNDER = gate(["under", "below", "less", "smaller", "lower"], new RegExp(String.raw`\b(?:under|below|less\s+than|smaller\s+than|lower\s+than)${BOUND_AMOUNT}`, "i"));
// explore29: "last 5 things i bought", "my recent purchases" (money paid in was listed among them).
// Session 30: "what have i bought since i got paid", "what did i buy this week" too.
const OUTGOING = gate(
  ["out", "bought", "buy", "purchase"],
  /\b(?:money\s+(?:that\s+)?(?:went|go(?:es|ing)?|gone)\s+out|money\s+out|outgoing\s+(?:payments?|transactions?|money|transfers?)|what\s+(?:went|has\s+gone)\s+out|(?:things|stuff|what|everything)\s+(?:that\s+)?(?:(?:have|did)\s+)?i(?:'ve|\s+have)?\s+(?:bought|purchased|buy|purchase)|(?:last|latest|recent|newest)\s+(?:\d{1,2}\s+|few\s+|couple\s+(?:of\s+)?)?purchases|(?:all\s+(?:of\s+)?)?my\s+purchases)\b/i,
);
// Session 30: "what was my last purchase", "whats the last thing i bought" listed ten: the one.
const LAST_ONE = gate(
  ["last", "latest", "recent", "newest"],
  /\b(?:my|the)\s+(?:very\s+)?(?:last|latest|most\s+recent|newest)\s+(?:(purchase|charge|thing\s+i\s+(?:bought|purchased|paid\s+for|(?:tried|wanted|attempted|went)\s+to\s+(?:buy|purchase|pay\s+for))|thing\s+i\s+spent\s+money\s+on)|transaction|deposit|payment\s+(?:i\s+made|out))(?!\s*s\b)(?!\s+(?:to|from|due|date|of\s+the))\b/i,
);
// explore32: "what did i buy last", "what did i last buy" (ten were listed): the one. Never "… last week".
const BOUGHT_LAST = gate(["last"], /\bwhat\s+(?:did|have)\s+i\s+(?:(?:buy|purchase|pay\s+for|spend\s+(?:money\s+)?on)\s+last\s*[?.!]*$|last\s+(?:buy|bought|purchase|purchased|pay\s+for|paid\s+for|spend\s+(?:money\s+)?on|spent\s+(?:money\s+)?on)\b)/i);
// Session 30: "whats my spending this week compared to last week" gave this week alone: both weeks.
const WEEK_AGAINST = /\b(?:vs\.?|versus|compared\s+(?:to|with)|(?:more|less|higher|lower)\s+than|against)\s+(?:the\s+)?(?:last|previous|prior)\s+week\b/i;
const BOTH_WEEKS = /\bthis\s+week\b.*\b(?:last|previous)\s+week\b|\b(?:last|previous)\s+week\b.*\bthis\s+week\b/i;
const DAY_MS = 86_400_000;
const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH_WORD = String.raw`jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?`;

const COUNT_NOUNS = ["transaction", "payment", "purchase", "charge", "transfer", "item", "entries", "thing", "debit", "credit", "deposit"];
const COUNT = gate(COUNT_NOUNS, /\b(?:last|latest|most\s+recent|recent|past|previous|top|first)\s+(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)\s+(?:transactions?|payments?|purchases?|charges?|transfers?|items?|entries|things|debits?|credits?|deposits?)\b/i);
const COUNT_FIRST = gate(COUNT_NOUNS, /\b(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)\s+(?:most\s+recent|latest|last|recent|newest)\s+(?:transactions?|payments?|purchases?|charges?|transfers?|items?|entries|debits?|credits?|deposits?)\b/i);
// "actually only half that", "double it": the amount given so far, halved or doubled (sweep17).
// Session 26: "send half my savings to checking" asked "How much?": half of an account's balance.
// Session 30: "move 20% of my balance to savings" confirmed $20.00: a share of an account, worked out
// from its available balance as half is.
const PERCENT_OF_ACCOUNT = gate(["%", "percent", "per cent", "pct"], /\b(\d{1,3}(?:\.\d{1,2})?)\s*(?:%|percent\b|per\s+cent\b|pct\b)\s*(?:of\s+)?(?:(?:my|the)\s+|what(?:'s|\s+is)\s+(?:left\s+)?in\s+(?:my\s+|the\s+)?)(?:savings|checking|balance|money|funds|cash|account)\b/i);
const HALF_OF_ACCOUNT = gate(["half"], /\bhalf\s+(?:of\s+)?(?:(?:my|the)\s+|what(?:'s|\s+is)\s+(?:left\s+)?in\s+(?:my\s+|the\s+)?)(?:savings|checking|balance|money|funds|cash)\b/i);
const HALF = gate(["half", "halve"], /\b(?:half\s+(?:of\s+)?(?:that|it|this|the\s+amount)|(?:only|just)\s+half|halve\s+(?:it|that|the\s+amount))\b/i);
const DOUBLE = gate(["double", "twice"], /\b(?:(?:double|twice)\s+(?:it|that|this|the\s+amount)|twice\s+as\s+much)\b/i);
// "pay the minimum on my card", "make the minimum payment": the amount a card payment pays (sweep17).
// sweep19: …and "just the minimum" alone, the answer to a card payment's "How much?".
// explore27: …and "pay my card minimum" (it asked "How much?").
const MINIMUM = gate(
  ["min"],
  /\b(?:pay|make)\s+(?:just\s+|only\s+)?(?:the|my)\s+(?:(?:credit\s+)?card(?:'?s)?\s+)?min(?:imum)?(?:\s+(?:payment|amount|due))?\b|^\s*(?:(?:just|only)\s+)?(?:the\s+)?min(?:imum)?(?:\s+(?:payment|amount|due))?(?:\s+(?:please|pls|thanks))?\s*[.!]?\s*$/i,
);
// sweep19: "pay off my full statement balance" (it asked "How much?"), and "the statement balance"
// alone in answer to that question: the newest statement's balance.
const STATEMENT = gate(
  ["statement"],
  /\b(?:pay|paying|clear|settle)\s+(?:off\s+)?(?:the|my)\s+(?:(?:full|whole|entire|total)\s+)?(?:(?:credit\s+)?card(?:'s)?\s+)?statement(?:\s+(?:balance|amount))?\b|^\s*(?:(?:just|only)\s+)?(?:the\s+)?(?:(?:full|whole|entire|total)\s+)?statement(?:\s+(?:balance|amount))?(?:\s+(?:please|pls|thanks))?\s*[.!]?\s*$/i,
);
// Session 27: "whats the most i spent in one go" (spending at a merchant "one go"): one payment's size.
const LARGEST = gate(
  ["big", "larg", "most", "high", "pric", "cost", "max"],
  /\b(?:biggest|largest|most\s+expensive|highest|priciest|costliest|max(?:imum)?)\b|\bmost\s+(?:(?:i|i've|ive|i\s+have)\s+)?(?:ever\s+)?(?:spent|paid|spend|pay)\s+(?:in\s+(?:one|a\s+single)\s+(?:go|purchase|transaction|payment|shot)|at\s+(?:once|one\s+time)|on\s+(?:one|a\s+single)\s+(?:thing|purchase|item|transaction))\b/i,
);
// "minimum payment" is a credit-card statement figure, not a superlative.
const SMALLEST = gate(["small", "cheap", "low", "least", "min"], /\b(?:smallest|cheapest|lowest|least\s+expensive|min(?:imum)?(?!\s+(?:payment|due|amount\s+due)))\b/i);
// Session 30: "what do i spend the most money on" is an amount (the categories), not how often.
const FREQUENT = gate(["most", "favo"], /\b(?:most\s+(?:often|frequent(?:ly)?|visited|common)|favou?rite\s+(?:shop|store|merchant|place)|(?:shop|buy|go|go\s+to|visit|use)\s+(?:the\s+)?most(?:\s+often)?\b|spend\s+(?:the\s+)?most(?!\s+(?:money\s+)?on\b)(?:\s+often)?\b|where\s+do\s+i\s+(?:shop|spend)\s+most)/i);
const COMPARE = gate(["compar", "vs", "versus", "against", "than", "or"], /\b(?:compar(?:e|ed|ing)|vs\.?|versus|against|than|or)\b/i);
// "my average monthly spending", "what do i usually spend a month", "am i spending more than usual".
// explore30: "avg" too ("whats my avg coffee spend" was every category's total this month).
const AVERAGE = gate(["average", "avg", "usual", "typical", "normal", "month"], /\b(?:average|avg|usual(?:ly)?|typical(?:ly)?|normal(?:ly)?)\b|\b(?:per|a|each|every)\s+month\b|\bmonthly\s+spend/i);
// One month set against another that goes unsaid (this month): "vs last month", "compared to october".
const AGAINST_ONE = /\b(?:vs\.?|versus|compared\s+(?:to|with)|(?:more|less|higher|lower)\s+than|against)\s+(?:(?:in|for|with)\s+)?(?:last|previous|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
// explore27: "groceries this month vs last" (this month alone was the answer): "last" said alone, the month before.
const AGAINST_LAST = /\b(?:vs\.?|versus|compared\s+(?:to|with)|(?:more|less|higher|lower)\s+than|against)\s+(?:the\s+)?(?:last|previous)(?:\s+one)?\s*[?.!]*$/i;
// explore27: "how much did i spend on coffee in october and november" (October alone was the answer): both.
const MONTH_AND_MONTH = new RegExp(String.raw`\b(?:${MONTH_WORD})\s+(?:and|&)\s+(?:in\s+)?(?:${MONTH_WORD})\b`, "i");
const SPENT = /\b(?:spen[dt]|spending|paid|pay|cost)\b/i;
const QUESTION_START = /^(?:what|what's|whats|how|when|where|why|who|which|is|are|was|were|do|does|did|can|could|will|would|should|have|has|had|am|any)\b/i;
const REQUEST_START = /^(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+)?(?:make|send|change|use|move|transfer|pay|put|take|switch|set)\b/i;
// "hmm, maybe 60?", "how about from savings?": an answer offered, not a question asked.
const TENTATIVE = /^(?:(?:hmm+|umm*|uh+|ok(?:ay)?|or|well|actually)[,.]?\s+)*(?:maybe|perhaps|how\s+about|what\s+about)\s+(?:\$?\d|from\b|to\b)/i;
// nlu11: "don't send it", "no don't pay the bill" (not "don't send it yet": that is a wait).
const CANCEL = gate(["cancel", "stop", "never", "nvm", "forget", "abort", "scrap", "bother", "don", "do not"], /^(?:(?:ok(?:ay)?|no|oh|please|actually)[,\s]+)*(?:please\s+)?(?:cancel(?:\s+(?:it|that|this|the\s+\w+))?|stop(?:\s+(?:it|that|this))?|never\s*mind|nvm|forget\s+(?:it|that|about\s+it)|abort|scrap\s+(?:it|that)|don'?t\s+bother|(?:don'?t|dont|do\s+not)\s+(?:send|pay|transfer|move|wire)(?:\s+(?:it|that|this|them|anything|the\s+(?:bill|money|payment|transfer)))?(?:\s+after\s+all)?)(?:\s+please)?[.!\s]*$/i);
const CORRECTION = gate(["actual", "make", "change", "meant", "instead", "correction", "rather"], /\b(?:actually|make\s+it|change\s+(?:it|that|the\s+amount)\s+to|i\s+meant|instead|correction|rather)\b/i);
// crowd31: an account's whole balance or what is left of it ("the rest of my checking balance",
// "my whole savings balance") asked "How much would you like to send?".
const AMOUNT_ALL = gate(["everything", "all", "whole", "full", "entire", "empty", "rest", "remainder"], /\b(?:everything|all\s+of\s+it|all\s+(?:of\s+)?(?:the\s+|my\s+)?(?:money|balance|funds|savings|cash)|the\s+(?:whole|full|entire)\s+(?:balance|amount)|(?:whole|full|entire)\s+balance|(?:all\s+(?:of\s+)?|the\s+(?:rest|remainder)\s+of\s+)(?:the\s+|my\s+)(?:(?:checking|savings|joint)\s+(?:account\s+)?)?(?:balance|money|funds|cash|savings|checking)|(?:whole|full|entire)\s+(?:checking|savings|joint)\s+(?:account\s+)?balance|all\s+(?:that\s+)?i\s+have|empty\s+(?:my\s+|the\s+)?\w+)\b/i);
const CHOICE = gate(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "first", "second", "third", "fourth", "fifth"], /^(?:(?:the|number|no\.?|#|charge|option|transaction|payment|it'?s|its)\s*)*(?:(\d)|(first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th))(?:\s+(?:one|charge|option|transaction|payment))?(?:\s+please)?[.!\s]*$/i);
const DISPUTE_LIST = gate(["dispute", "claim", "case"], /\b(?:my\s+(?:open\s+|recent\s+|current\s+|pending\s+)?disputes|(?:status|progress|update)\s+(?:of|on)\s+(?:my\s+|the\s+)?(?:dispute|claim|case)s?|disputes?\s+(?:status|i\s+(?:opened|raised|filed|made))|(?:list|show|see|check|follow|track)\s+(?:all\s+)?(?:my\s+|the\s+)?(?:open\s+)?disputes?|what\s+(?:happened|is\s+happening)\s+(?:with|to)\s+my\s+dispute)\b/i);
const DISPUTE_OPEN = gate(["dispute", "contest", "challenge", "charge"], /\b(?:dispute|contest|challenge|chargeback|charge\s+back)\b/i);
const UNRECOGNISED = gate(["recogni", "know", "make", "authori", "wasn", "never", "fraud", "suspicious", "stolen"], /\b(?:(?:don'?t|do\s+not|didn'?t|did\s+not)\s+(?:recogni[sz]e|know|make|authori[sz]e)|not\s+recogni[sz]ed|unrecogni[sz]ed|unknown|unauthori[sz]ed|wasn'?t\s+me|never\s+(?:made|bought|authori[sz]ed)|fraud(?:ulent)?|suspicious|stolen)\b/i);
const DUPLICATE = gate(["twice", "double", "duplicate", "identical"], /\b(?:charged\s+(?:me\s+)?twice|(?:charge|bill|debit)(?:d|ed)?\s+(?:me|us|my\s+(?:card|account))\s+twice|double\s+charged|charged\s+double|duplicate(?:d)?|two\s+identical|same\s+(?:charge|payment)\s+twice|twice\s+for)\b/i);
const CHARGE_REF = gate(["charge", "payment", "transaction", "debit", "purchase"], /\b(?:this|that|the|my|these|those|\w+'s)\s+(?:\w+\s+)?(?:charges?|payments?|transactions?|debits?|purchases?)\b|\bcharged\b/i);
const CREDIT_LIMIT = gate(["credit"], /\bcredit\s+limit\b/i);
const AVAILABLE_CREDIT = gate(["credit"], /\b(?:available\s+credit|credit\s+(?:available|left|remaining)|how\s+much\s+credit)\b/i);

// Session 26: "did my refund from amazon come through", "has the target refund arrived", "did i get my
// refund from zara yet", "did amazon refund me": money back from a merchant, looked up among money in.
const REFUND_ARRIVED = String.raw`(?:come|came|arrived?|gone\s+through|went\s+through|landed|land|show(?:n|ed)?(?:\s+up)?|posted|post|hit|cleared|clear|been\s+(?:paid|processed|credited|issued))(?:\s+(?:in|through|up|yet))*`;
const REFUND_LOOKUP = [
  gate(["refund"], new RegExp(String.raw`\b(?:did|has|have|is)\s+(?:my|the|a|that|any)\s+refund\s+(?:from|by|for)\s+(?:the\s+)?(.+?)\s+${REFUND_ARRIVED}\b`, "i")),
  gate(["refund"], new RegExp(String.raw`\b(?:did|has|have|is)\s+(?:my|the|that)\s+(.+?)\s+refund\s+${REFUND_ARRIVED}\b`, "i")),
  gate(["refund"], /\b(?:did|have|has)\s+i\s+(?:(?:already|ever)\s+)?(?:get|got|gotten|receive[d]?)\s+(?:my|the|a|any|that)\s+refund\s+(?:from|by)\s+(?:the\s+)?(.+?)(?:\s+(?:yet|already|back))?\s*\??$/i),
  gate(["refund"], /^(?:did|has|have)\s+(?!i\b|you\b|we\b)(.+?)\s+refund(?:ed)?\s+(?:me|my\s+money|the\s+money)(?:\s+(?:yet|already|back))?\s*\??$/i),
  gate(["refund"], /\bwhere(?:'s|\s+is)\s+(?:my|the)\s+refund\s+from\s+(?:the\s+)?(.+?)\s*\??$/i),
];

// "this month", "last week", "today": a period said at the end of a lookup (read by the date entities).
const PERIOD_TAIL = String.raw`(?:\s+(?:(?:this|last)\s+(?:month|week)|today|yesterday))?`;
// "did my rent payment go through", "has the Netflix payment cleared", "did I pay rent".
const STATUS_LOOKUP = [
  gate(["go", "went", "clear", "post", "been", "paid", "processed", "arrived", "come", "taken"], /\b(?:did|has|have|was|is)\s+(?:my|the|our)\s+(.+?)\s+(?:payment|bill|transfer|transaction|charge|direct\s+debit|subscription)?\s*(?:go(?:ne)?\s+(?:through|thru|out)|went\s+(?:through|thru)|clear(?:ed)?|post(?:ed)?|been\s+(?:paid|taken|processed|sent)|paid|processed|arrived|come\s+out|taken)\b/i),
  // Session 27: "can u check if my rent went thru" (the 10 latest transactions): asked as "check if".
  gate(["went", "gone", "go"], /\b(?:check|see|tell\s+me|know|find\s+out)\s+(?:if|whether)\s+(?:my|the|our)\s+(.+?)\s+(?:payment|bill|direct\s+debit|subscription)?\s*(?:went|has\s+gone|have\s+gone|is\s+gone|did\s+go|got\s+paid)\s*(?:through|thru|out)?(?:\s+(?:yet|ok|okay|already))?\s*[?.!]*$/i),
  // "did i pay my rent"; never "what did i pay at costco" (what was paid there: a list, session 26).
  gate(["pay", "paid"], /(?<!\b(?:what|wat|much)\s+)\b(?:did|have)\s+i\s+(?:already\s+)?pa(?:y|id)\s+(?:my\s+|the\s+)?(.+?)(?:\s+(?:yet|already|this\s+month|last\s+month|this\s+week))?\s*\??$/i),
  // Session 28: "did streamflix charge me this month", "has pulse gym taken money yet" (all the month's
  // transactions, or out of scope). Never "… twice" (a dispute) nor "did you …".
  gate(["charge", "bill", "debit", "take", "took"], new RegExp(String.raw`^(?:(?:so|and|hey|hi|ok)[,\s]+)?(?:did|has|have)\s+(?!(?:i|you|u|we|they|it|he|she|teller|this|that|the\s+bank|my\s+bank)\b)(.+?)\s+(?:charged?|billed?|debit(?:ed)?|taken?|took)\s+(?:me|us|my\s+(?:card|account)|(?:the\s+|my\s+|its\s+|their\s+)?(?:money|payment|fee))(?:\s+(?:yet|already))?${PERIOD_TAIL}\s*\??$`, "i")),
];
// What the next lookup must leave to the card's statement, payday and transfers: their own answers.
const NOT_A_BILL = String.raw`(?!(?:i|you|u)\b)(?!(?:my\s+|the\s+)?(?:next\s+)?(?:last|latest|previous|credit|card|visa|master\s?card|amex|loan|statement|minimum|pay\s*(?:check|day)|salary|wages?|deposit|refund|dispute|transfer|scheduled|replacement|new\s+card)\b)`;
// Session 28: "when is my rent due", "when does my gym membership come out", "when does streamflix renew",
// "when do i get charged for tunely" (the card's statement: "You don't have a credit card with us.", or
// out of scope): when a payment that comes again is next due, read from the ones before it.
const NEXT_LOOKUP = [
  gate(["when"], new RegExp(String.raw`^(?:so\s+|and\s+)?when(?:'s|\s+is|\s+s)\s+(?:my|the|our)\s+(?:next\s+)?${NOT_A_BILL}(.+?)\s+(?:(?:payment|bill|charge|membership|subscription)\s+)?(?:due|coming\s+out|taken|going\s+out|charged|renewing|payment|bill|charge)\s*\??$`, "i")),
  gate(["when"], new RegExp(String.raw`^(?:so\s+|and\s+)?when\s+(?:does|do|will)\s+(?:my\s+|the\s+)?${NOT_A_BILL}(.+?)\s+(?:(?:payment|bill|membership|subscription|fee)\s+)?(?:come\s+out|get\s+(?:taken|paid|charged)|go\s+out|renew|charge(?:\s+me)?|bill(?:\s+me)?|debit(?:\s+me)?|take\s+(?:it|the\s+money|money|payment)|leave|hit)(?:\s+(?:next|again))?\s*\??$`, "i")),
  gate(["when"], new RegExp(String.raw`^(?:so\s+|and\s+)?when\s+(?:(?:am\s+i|will\s+i\s+be|do\s+i\s+get)\s+(?:charged|billed)\s+(?:for|by)|(?:do|should|must)\s+i\s+pay(?:\s+for)?)\s+(?:my\s+|the\s+)?${NOT_A_BILL}(.+?)(?:\s+(?:next|again))?\s*\??$`, "i")),
];
// What a customer pays again and again to someone else; never a card, a loan figure or a fee.
const BILL_KIND = String.raw`rent|mortgage|car\s+payment|(?:phone|cell\s+phone|mobile|electric(?:ity)?|power|water|gas|internet|broadband|cable|utility|utilities|insurance|gym)(?:\s+bill)?|gym\s+membership`;
// "when did I last pay Netflix", "when was my last Netflix payment", "last time I paid rent"; crowd30:
// "the last time i paid for parking" looked for "for parking".
const LAST_LOOKUP = [
  gate(["when"], /\bwhen\s+did\s+i\s+(?:last\s+)?pay\s+(?:for\s+)?(?:my\s+|the\s+)?(.+?)(?:\s+last)?\s*\??$/i),
  gate(["when"], /\bwhen\s+was\s+(?:my|the)\s+(?:last|latest|most\s+recent)\s+(.+?)\s+(?:payment|charge|transaction|bill|purchase)\s*\??$/i),
  gate(["when"], /\bwhen\s+was\s+(?:my|the)\s+(?:last|latest|most\s+recent)\s+(?:payment|charge|transaction|purchase|transfer)\s+(?:to|at|from|for|with)\s+(.+?)\s*\??$/i),
  gate(["last"], /\blast\s+time\s+i\s+(?:paid|pay|bought|spent)\s+(?:at\s+|on\s+|for\s+)?(?:my\s+|the\s+)?(.+?)\s*\??$/i),
  // "how much is my rent", "how much was my last water bill": the last payment of it (session 22).
  // Session 27: "how much was my electric bill last month" (a period said) and "what was my phone bill".
  // explore32: "whats my rent" (out of scope): asked with "what's" too.
  gate(["how much", "what"], new RegExp(String.raw`^(?:so\s+|and\s+)?(?:(?:how\s+much|what)\s+(?:is|was|are|were)|what(?:'|’)?s|how\s+much(?:'|’)s)\s+(?:my|the|our)\s+(?:last\s+|latest\s+|monthly\s+)?(${BILL_KIND})(?:\s+(?:bill|payment|membership))?(?:\s+(?:usually|normally|each\s+month|a\s+month|per\s+month)|\s+(?:for\s+|in\s+)?(?:this|last)\s+month|\s+(?:for|in)\s+(?:${MONTH_WORD}))?\s*\??$`, "i")),
];
const LOOKUP_NOISE = /\b(?:payments?|bills?|transfers?|transactions?|charges?|direct\s+debits?|subscriptions?|money|the|my|last|yet|already)\b/gi;

/** Modifiers in `text`; `today` (YYYY-MM-DD, the customer's calendar) anchors month names. */
export function extractQueryModifiers(text: string, today: string): QueryModifiers {
  const t = text.trim();
  const lower = t.toLowerCase();
  const out: QueryModifiers = {};
  const count = COUNT.exec(t, lower) ?? COUNT_FIRST.exec(t, lower);
  if (count) {
    const n = /^\d+$/.test(count[1]!) ? Number(count[1]) : NUMBER_WORDS[count[1]!.toLowerCase()];
    if (n !== undefined && n > 0) out.count = Math.min(n, 50);
  } else {
    const one = LAST_ONE.exec(t, lower);
    if (one) {
      out.count = 1;
      if (one[1]) out.outgoing = true;
    } else if (BOUGHT_LAST.test(t, lower) || (lastOfCategory(t) !== undefined && !/^\s*when\b/i.test(t))) {
      out.count = 1;
      out.outgoing = true;
    }
  }
  // "which categories did i spend the most on", "my biggest spending categories": the spending view's
  // top categories answer it, not one merchant or one transaction (sweep17). "the biggest purchase in
  // the groceries category" is still the largest.
  // Session 25: "whats my biggest expense category" (singular) named the biggest payment.
  const aboutCategories = /\bcategories\b|\b(?:which|what)\s+categor|\b(?:biggest|largest|top|main|highest)\s+(?:spending\s+|expense\s+|purchase\s+)?categor/.test(lower);
  if (!aboutCategories) {
    if (FREQUENT.test(t, lower)) out.superlative = "most_frequent_merchant";
    else if (LARGEST.test(t, lower)) out.superlative = "largest";
    else if (SMALLEST.test(t, lower)) out.superlative = "smallest";
  }

  if (COMPARE.test(t, lower)) {
    const months = monthMentions(t, today);
    if (months.length >= 2) out.compare = { months: [months[0]!, months[1]!] };
    else if (WEEK_AGAINST.test(t) || BOTH_WEEKS.test(t)) out.compare = { months: thisAndLastWeek(today) };
    else {
      const categories = categoryMentions(t);
      if (categories.length >= 2) out.compare = { categories: [categories[0]!, categories[1]!] };
      else if (months.length === 1 && (AGAINST_ONE.test(t) || AGAINST_LAST.test(t))) {
        // "groceries vs last month", "compared to october": this month so far against the one named
        // (it answered the named month alone).
        const thisMonth = monthMentions("this month", today)[0]!;
        if (thisMonth.from !== months[0]!.from) out.compare = { months: [{ ...thisMonth, label: `${thisMonth.label} so far` }, months[0]!] };
        else if (AGAINST_LAST.test(t)) out.compare = { months: [{ ...thisMonth, label: `${thisMonth.label} so far` }, monthMentions("last month", today)[0]!] };
      }
    }
  }
  if (!out.compare && MONTH_AND_MONTH.test(t) && SPENT.test(t) && !/\bbetween\b/i.test(t)) {
    const months = monthMentions(t, today);
    if (months.length >= 2) out.compare = { months: [months[0]!, months[1]!] };
  }
  if (!out.compare && AVERAGE.test(t, lower)) out.average = true;
  const lookup = extractLookup(t, lower);
  if (lookup) out.lookup = lookup;
  if (AMOUNT_ALL.test(t, lower)) out.amountAll = true;
  if (MINIMUM.test(t, lower)) out.minimumPayment = true;
  else if (STATEMENT.test(t, lower)) out.statementBalance = true;
  const percent = PERCENT_OF_ACCOUNT.exec(t, lower);
  const share = percent ? Number(percent[1]) : NaN;
  if (share === 50) out.amountHalf = true;
  else if (share > 0 && share <= 100) out.amountPercent = share;
  if (HALF_OF_ACCOUNT.test(t, lower)) out.amountHalf = true;
  else if (HALF.test(t, lower)) out.amountScale = 0.5;
  else if (DOUBLE.test(t, lower)) out.amountScale = 2;
  if (CREDIT_LIMIT.test(t, lower)) out.creditFact = "credit_limit";
  else if (AVAILABLE_CREDIT.test(t, lower)) out.creditFact = "available_credit";
  if (isQuestion(t)) out.question = true;
  if (ABOUT_TELLER.test(stripSmallTalk(t))) out.aboutTeller = true;
  if (PENDING.test(t, lower)) out.pending = true;
  if (INCOMING.test(t, lower)) out.incoming = true;
  else if (OUTGOING.test(t, lower)) out.outgoing = true;
  const bound = AMOUNT_EXACT.test(t, lower) ? "exactly" : AMOUNT_AT_LEAST.test(t, lower) ? "at_least" : AMOUNT_AT_MOST.test(t, lower) ? "at_most" : AMOUNT_OVER.test(t, lower) ? "over" : AMOUNT_UNDER.test(t, lower) ? "under" : undefined;
  if (bound) out.amountBound = bound;
  if (CANCEL.test(t, lower)) out.cancel = true;
  if (CORRECTION.test(t, lower)) out.correction = true;
  const choice = CHOICE.exec(t, lower);
  if (choice) out.choice = choice[1] ? Number(choice[1]) : ORDINALS[choice[2]!.toLowerCase()]!;
  if (DISPUTE_LIST.test(t, lower)) out.dispute = "list";
  else if (DISPUTE_OPEN.test(t, lower)) out.dispute = "open";
  if (DUPLICATE.test(t, lower)) out.disputeReason = "duplicate";
  else if (UNRECOGNISED.test(t, lower)) out.disputeReason = "unrecognised";
  else if (out.dispute === "open") out.disputeReason = "other";
  if (CHARGE_REF.test(t, lower) || out.disputeReason === "duplicate") out.chargeRef = true;
  const merchant = out.dispute === "open" || out.disputeReason ? chargeMerchant(t) : undefined;
  if (merchant) {
    out.chargeMerchant = merchant;
    out.chargeRef = true;
  }
  return out;
}

/**
 * A question rather than an answer or an instruction: ends with "?" or opens like one. Short
 * replies ("savings?") and requests phrased politely ("can you make it 45") are not questions.
 */
export function isQuestion(text: string): boolean {
  const t = text.trim();
  if (t.split(/\s+/).length <= 2) return false;
  if (REQUEST_START.test(t) || TENTATIVE.test(t)) return false;
  return /\?\s*$/.test(t) || QUESTION_START.test(t);
}

function extractLookup(text: string, lower: string): QueryModifiers["lookup"] | undefined {
  for (const pattern of REFUND_LOOKUP) {
    const m = pattern.exec(text, lower);
    const target = m && lookupTarget(m[1]!);
    if (target) return { kind: "refund", target };
  }
  for (const pattern of LAST_LOOKUP) {
    const m = pattern.exec(text, lower);
    const target = m && lookupTarget(m[1]!);
    if (target) return { kind: "last", target };
  }
  for (const pattern of NEXT_LOOKUP) {
    const m = pattern.exec(text, lower);
    const target = m && lookupTarget(m[1]!);
    if (target) return { kind: "next", target };
  }
  for (const pattern of STATUS_LOOKUP) {
    const m = pattern.exec(text, lower);
    const target = m && lookupTarget(m[1]!);
    if (target) return { kind: "status", target };
  }
  return undefined;
}

const CHARGE_MERCHANT = [
  /\b(?:the|that|this|a|an|my)\s+([\p{L}\p{N}&'.-]+(?:\s+[\p{L}\p{N}&'.-]+)?)\s+(?:charges?|payments?|transactions?|debits?|purchases?)\b/iu,
  /\b(?:charges?|payments?|transactions?|debits?|purchases?|charged|billed)\s+(?:from|at|by|to)\s+([\p{L}\p{N}&'.-]+(?:\s+[\p{L}\p{N}&'.-]+)?)/iu,
  // explore26: "did netflix charge me twice", "has amazon billed me twice", "netflix charged me twice",
  // "i was charged twice by uber": the merchant asked about (the general answer was given).
  /(?:^(?!(?:did|has|have|why|i|we|was|were)\b)|\b(?:did|has|have|why\s+did|why\s+has)\s+)([\p{L}\p{N}&'.-]+(?:\s+[\p{L}\p{N}&'.-]+)?)\s+(?:charged?|billed?|debit(?:ed)?)\s+(?:me|us|my)\b/iu,
  /\b(?:charged|billed|debited)\s+(?:me\s+)?twice\s+(?:by|at|from)\s+([\p{L}\p{N}&'.-]+(?:\s+[\p{L}\p{N}&'.-]+)?)/iu,
];
const NOT_MERCHANT = /^(?:they|he|she|you|u|someone|somebody|it|you\s+guys|the\s+bank|bank|teller|i|we|this|that|last|recent|latest|card|debit|credit|same|one|other|unknown|weird|strange|wrong|double|duplicate|pending|twice|me|my|it|the)$/i;

function chargeMerchant(text: string): string | undefined {
  for (const pattern of CHARGE_MERCHANT) {
    const m = pattern.exec(text);
    if (!m) continue;
    const words = m[1]!.replace(/[.?!]+$/, "").split(/\s+/).filter((w) => !NOT_MERCHANT.test(w) && !/^(?:on|in|for|yesterday|today|last|twice)$/i.test(w));
    const stop = words.findIndex((w) => /^(?:on|in|for|yesterday|today|last|twice)$/i.test(w));
    const name = (stop >= 0 ? words.slice(0, stop) : words).join(" ");
    if (name !== "") return name;
  }
  return undefined;
}

// Session 30: "did i pay for parking yesterday" looked for "for parking yesterday", "did i pay my phone bill
// last week" for "phone week": the period said is the date entities', never part of the name.
const TARGET_PERIOD = new RegExp(String.raw`\s+(?:yesterday|today|tonight|(?:this|last|past|previous)\s+(?:week|month|year|weekend)|on\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:in|for)\s+(?:${MONTH_WORD}))\s*$`, "i");

function lookupTarget(raw: string): string | null {
  // "did i pay at costco": the place, not its "at"; "did i pay for parking": not its "for".
  const cleaned = raw.replace(TARGET_PERIOD, "").replace(/^\s*(?:at|to|for)\s+/i, "").replace(LOOKUP_NOISE, " ").replace(/[^\p{L}\p{N}&' -]+/gu, " ").replace(/\s+/g, " ").trim();
  if (cleaned === "" || cleaned.length > 40 || /^(?:it|that|this|money|i|me)$/i.test(cleaned)) return null;
  return cleaned;
}

/** This week so far (Monday to today) and the whole week before it, labelled by their Mondays. */
function thisAndLastWeek(today: string): [MonthRange, MonthRange] {
  const day = Date.parse(`${today}T00:00:00Z`);
  const monday = day - ((new Date(day).getUTCDay() + 6) % 7) * DAY_MS;
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const label = (ms: number) => {
    const name = MONTHS[new Date(ms).getUTCMonth()]!;
    return `the week of ${new Date(ms).getUTCDate()} ${name[0]!.toUpperCase()}${name.slice(1, 3)}`;
  };
  return [
    { from: iso(monday), to: today, label: `${label(monday)} so far` },
    { from: iso(monday - 7 * DAY_MS), to: iso(monday - DAY_MS), label: label(monday - 7 * DAY_MS) },
  ];
}

function monthMentions(text: string, today: string): MonthRange[] {
  const [ty, tm] = today.split("-").map(Number) as [number, number];
  const found: Array<{ index: number; year: number; month: number }> = [];
  const pattern = new RegExp(String.raw`\b(?:(this|last|previous)\s+month|(${MONTH_WORD})(?:\s+(\d{4}))?)\b`, "gi");
  for (const m of text.matchAll(pattern)) {
    let year: number;
    let month: number;
    if (m[1]) {
      month = tm - 1 - (/this/i.test(m[1]) ? 0 : 1);
      year = ty;
      if (month < 0) {
        month += 12;
        year -= 1;
      }
    } else {
      month = MONTHS.findIndex((name) => name.startsWith(m[2]!.toLowerCase().slice(0, 3)));
      // "may" is also a verb: only as a month when nothing reads like "I may".
      if (month === 4 && /\b(?:i|you|we|it)\s+may\b/i.test(text)) continue;
      year = m[3] ? Number(m[3]) : month > tm - 1 ? ty - 1 : ty;
    }
    if (found.some((f) => f.year === year && f.month === month)) continue;
    found.push({ index: m.index, year, month });
  }
  return found.map(({ year, month }) => {
    const from = `${year}-${String(month + 1).padStart(2, "0")}-01`;
    const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    const end = `${year}-${String(month + 1).padStart(2, "0")}-${String(last).padStart(2, "0")}`;
    const name = MONTHS[month]!;
    return { from, to: end < today ? end : today, label: `${name[0]!.toUpperCase()}${name.slice(1)} ${year}` };
  });
}

function categoryMentions(text: string): string[] {
  const lower = text.toLowerCase();
  const hits: Array<{ index: number; category: string }> = [];
  for (const [category, phrases] of Object.entries(SPENDING_CATEGORIES)) {
    let best = -1;
    for (const phrase of phrases) {
      const m = new RegExp(String.raw`\b${phrase.replace(/\s+/g, "\\s+")}\b`).exec(lower);
      if (m && (best < 0 || m.index < best)) best = m.index;
    }
    if (best >= 0) hits.push({ index: best, category });
  }
  return hits.sort((a, b) => a.index - b.index).map((h) => h.category);
}

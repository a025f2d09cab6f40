// What a spending question is about: a category ("groceries", "eating out") or a merchant
// ("at Starbucks", "on amazon"). Categories come from a fixed lexicon; anything else after
// "at"/"on"/"with" is a merchant name, matched to the customer's known merchants when given.

export const SPENDING_CATEGORIES: Record<string, readonly string[]> = {
  groceries: ["groceries", "grocery", "grocerys", "supermarket", "supermarkets", "food shopping", "food shop", "grocery store", "grocery stores"],
  dining: ["eating out", "restaurants", "restaurant", "dining", "dining out", "takeaway", "takeaways", "takeout", "take out", "food delivery", "fast food", "lunch", "dinner"],
  coffee: ["coffee", "coffee shops", "coffee shop", "cafes", "cafe"],
  transport: ["transport", "public transport", "transit", "taxis", "taxi", "cabs", "rides", "fuel", "petrol", "gas", "gas station", "gas stations", "petrol station", "petrol stations", "parking", "trains", "train tickets", "bus"],
  travel: ["travel", "flights", "hotels", "holidays", "holiday", "vacation", "trips"],
  entertainment: ["entertainment", "movies", "cinema", "concerts", "games", "gaming", "streaming"],
  subscriptions: ["subscriptions", "subscription", "memberships"],
  shopping: ["shopping", "clothes", "clothing", "shoes", "electronics", "online shopping"],
  // Session 27: "rent", "utilities" and "bills" were all one category "bills", which no booking carries
  // ("I couldn't find any spending on bills" beside a month's rent). Each is its own now; "bills" covers
  // them all (packages/banking/spending-categories.ts).
  bills: ["bills", "bill payments", "rent and utilities", "rent and bills", "household bills"],
  rent: ["rent", "rent payments", "housing"],
  utilities: ["utilities", "utility bills", "utility", "electricity", "electric", "electric bill", "electricity bill", "power bill", "energy bill", "water bill", "gas bill", "heating", "heating bill"],
  phone: ["phone bill", "phone", "mobile bill", "cell phone bill", "cell phone", "cellphone bill"],
  internet: ["internet", "internet bill", "broadband", "wifi bill", "cable bill"],
  health: ["health", "pharmacy", "medicine", "doctor", "gym", "fitness"],
  pets: ["pets", "pet food", "vet"],
  gifts: ["gifts", "presents", "charity", "donations"],
  bars: ["bars", "pubs", "drinks", "alcohol", "nightlife"],
  food: ["food"],
};

// Session 14: cash taken out, in its customers' words ("my atm withdrawals", "how much cash did i take
// out"). The bank core files ATM withdrawals under the category "Cash", so the transactions and
// spending answers filter by it (the transactions query matches merchant or category text).
export const CASH_CATEGORY = "cash";
const CASH =
  /\b(?:atms?|cash\s*machines?|cashpoints?|(?:cash\s+)?withdrawals?|withdr(?:ew|awn|awing|aw)(?:\s+(?:some\s+)?(?:cash|money))?)\b|\b(?:take|took|taken|taking|pull|pulled|get|got|gotten)\s+(?:some\s+|the\s+)?cash\s+out\b|\b(?:took|take|taken|pulled|pull)\s+out\s+(?:(?:some|the|in)\s+)?cash\b|\bcash\s+(?:did|have|do)\s+i\s+(?:take|took|taken|pull|pulled|get|got|gotten|withdraw)\b/i;

export type SpendingTarget =
  | { kind: "category"; category: string; text: string }
  | { kind: "merchant"; merchant: string; text: string };

const PHRASE = /\b(?:spen[dt]|spending|spendng|paid|pay|paying|blow|blew|cost|went)\b.*?\b(?:on|at|in|with|to|for)\s+(.+)$/i;
// Transactions name a merchant with "at", "for", "on" or "from": "everything from amazon", "purchases
// from walmart last week" (both listed every transaction). "from last week", "from my savings", "from
// 3 november" are no merchant: the trailing period is cut and a common word or a date first is none.
// crowd30: "what did i get charged for at the pharmacy" (the latest ten were the answer): "charged" too.
// explore29: "how much on groceries this month", "how much at bluebird coffee" (no verb: the total of
// every category was the answer, the category said left out).
const HOW_MUCH_ON = /^(?:(?:and|so|ok(?:ay)?)\s+)?how\s+much\s+(?:(?:money\s+)?(?:on|at)\s+)(.+)$/i;
const AT_PHRASE = /\b(?:transactions?|purchases?|charge[sd]?|payments?|bought|buy|buying|shopped|shopping|everything|anything)\b.*?\b(?:at|for|on|from)\s+(.+)$/i;
// explore26: money sent to someone: "how much did i send chidi this month" (total spending, $2,443.76,
// was the answer) and "how much did i send to chidi" (every transaction) name whom it went to.
const SENT_PHRASE = /\b(?:sen[dt]|sending|transfer(?:red)?|wired|gave|given)\s+(?:to\s+)?(?!(?:money|cash|funds|it|that|this|out|back|over|me|so|in|from|today|yesterday|anything|everything|any|some|more|half|a\s+(?:hundred|thousand|grand)|my\s+(?:savings|checking|credit|account)|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]\w+)*\s+(?:dollars?|bucks|hundred|thousand|grand))\b|[$£€\d])(.+)$/i;
// Session 27: "how much did uber charge me" (total spending, every category): the merchant that charged.
// Not the bank ("how much did you charge me", a fee question).
const CHARGED_PHRASE = /\b(?:how\s+much|what)\s+(?:did|has|have|does|is|was)\s+(?!(?:you|u|they|it|he|she|we|teller|the\s+bank|my\s+bank|the\s+atm|this|that)\b)([a-z0-9][\w&'.\-]*(?:\s+[\w&'.\-]+){0,2}?)\s+(?:charged?|charging|billed?|billing|taken?|took)\s+(?:from\s+)?(?:me|us)\b/i;
const EAT_OUT = /\b(?:eat(?:ing)?|ate|eaten|dine|dined)\s+out\b/i;
// A category bought, never a merchant: "buy coffee", "getting takeout", "ordered lunch".
const BOUGHT_THING = /\b(?:buy|buying|bought|get|getting|got|grab|grabbing|order|ordering|ordered)\s+(?:a\s+|an\s+|my\s+|some\s+)?([a-z]+(?:\s+[a-z]+)?)\s*(?:$|[?.!]|\s(?:this|last|in|on|since|during|every|each|per|a)\b)/i;
const HOW_OFTEN = /^(?:so\s+|and\s+)?how\s+(?:many\s+times|often)\b/i;
// Session 29: also "how often did i use ridenow", "how many times did i pay pulse gym", "… order from sakura sushi".
const WENT_TO = /\b(?:(?:go|went|been|gone|going|shop(?:ped)?|eat(?:en)?|ate)\s+(?:to|at)|(?:use|used|using|pay|paid|paying|visit|visited)|(?:order|ordered|ordering)\s+from)\s+(.+?)\s*(?:$|[?.!]|\s(?:this|last|in|on|since|during|every|each|per|a)\b)/i;
const BILL_PHRASE = /\b(?:my|the|our)\s+((?:electric(?:ity)?|power|water|gas|energy|heating|phone|mobile|cell\s*phone|internet|cable|wifi|utility)\s+bill)s?\b/i;
// "to my mom": the person is who the payee is saved as ("Mom"), "my" is no part of the name.
const MY_PERSON = /^my\s+(?=(?:mom|mum|mother|dad|father|sister|brother|wife|husband|son|daughter|landlord|landlady|roommate|partner|girlfriend|boyfriend)\b)/i;
// "my Starbucks transactions", "show me all the uber charges".
const LEAD = /^(?:(?:can you\s+|please\s+)?(?:show|list|see|view|find|get|display|give)\s+(?:me\s+)?)?(?:all\s+)?(?:(?:of\s+)?(?:my|the)\s+)?([\p{L}][\p{L}\p{N}'’&.-]*(?:\s+[\p{L}\p{N}][\p{L}\p{N}'’&.-]*){0,2}?)\s+(?:spending|transactions|purchases|charges)\b/iu;
// crowd29: "total of my restaurant purchases in march", "how much do my grocery purchases add up to"
// (every category's total was the answer): a category named before the purchases, anywhere in the
// message. Only a category of the lexicon: a merchant stays with the forms above.
const INNER_CATEGORY = /\b(?:my|the|all|our)\s+([a-z]+(?:\s+[a-z]+){0,2}?)\s+(?:spending|transactions|purchases|charges|expenses|orders|trips|visits|bills)\b/i;
// explore30: "what's my average grocery bill" (every category was averaged): a category before an
// average's bill or spend. Category-only, like INNER_CATEGORY ("my average electric bill" names one).
// explore32: "what was my last dining purchase" (the ten latest, every category): one purchase of a
// category, named before it in the singular. Category-only: "my last amazon purchase" is no category.
const LAST_OF_CATEGORY = /\b(?:my|the)\s+(?:very\s+)?(?:last|latest|most\s+recent|newest)\s+([a-z]+(?:\s+[a-z]+)?)\s+(?:purchase|charge|transaction|payment|order)(?!\s*s\b)\b/i;

/** The category of "my last dining purchase", if the words before the purchase name one. */
export function lastOfCategory(text: string): string | undefined {
  const words = LAST_OF_CATEGORY.exec(text)?.[1];
  return words === undefined ? undefined : categoryOf(words);
}
const AVERAGE_CATEGORY = /\b(?:average|avg)\s+(?:monthly\s+|weekly\s+)?([a-z]+(?:\s+[a-z]+)?)\s+(?:bills?|spend|spending|costs?|totals?)\b/i;
// crowd30: "what did my groceries come to last month", "what has amazon cost me", "what's the damage on
// restaurants this month", "my total at starbucks since october" (every category's total was the
// answer): what came to a sum, or a total's place. After INNER_CATEGORY, which reads "my grocery purchases".
const CAME_TO = /^(?:how\s+much|what)\s+(?:do|did|have|has)\s+(?:my\s+|the\s+|all\s+(?:my\s+)?)?(.+?)\s+(?:come\s+to|came\s+to|add(?:ed)?\s+up\s+to|amount(?:ed)?\s+to|cost(?:\s+(?:me|us))?)\b/i;
const DAMAGE_OR_TOTAL = /\b(?:damage|total)\s+(?:spent\s+|spending\s+)?(?:on|at|for)\s+(.+)$/i;
const TRAILING = new RegExp(
  String.raw`\s*(?:\b(?:in|during|since|from|over|for|this|last|past|previous|yesterday|today|so far|recently|lately|each|every|a|per|compared|than|vs|between|on|please|pls|thanks)\b.*)?[?.!]*\s*$`,
  "i",
);
// Words that make a lead ("my spending", "where am I spending", "recent transactions") no merchant.
const NOT_A_MERCHANT_WORD = new Set(
  ("my me i am is are was were the a an what where how much many give top monthly weekly yearly daily average total " +
    "overall break down summary recent latest last past previous next new old all any some pending posted card cards " +
    "credit debit checking savings account accounts bank online international foreign big biggest large largest small " +
    "smallest this that these those today yesterday few first other more most less every each show list see view find " +
    "get display give search lst please can you and or out of in visa mastercard amex incoming outgoing declined " +
    "failed refunded refund refunds atm cash contactless recurring weekend time hold autopay file record").split(" "),
);
// A month, a weekday or a figure is when, not where: "everything I paid in March".
const WHEN_WORD = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|weekend|morning|tonight|night|\d.*)$/i;
const SUBSCRIPTIONS = /\b(?:subscriptions|memberships)\b/i;
// explore27: "show me transfers i made last month" listed every transaction: the transfers, which
// the ledger files under the category "Transfers" (migrations/0021). Not "transfers to jordan" (a
// merchant) nor "transfers from savings" (an account).
export const TRANSFERS_CATEGORY = "transfers";
const TRANSFERS = /\btransfers\b(?!\s+(?:to|from|into|out\s+of)\b)/i;
const CATEGORY_PREFIX = /^(?:my\s+|the\s+|all\s+)/i;

const lexicon = new Map<string, string>();
for (const [category, phrases] of Object.entries(SPENDING_CATEGORIES)) {
  for (const phrase of phrases) lexicon.set(phrase, category);
}

// explore26: "how much did i spend at daily grind" was total spending ("daily" is no merchant's first
// word in "my daily spending"). After "at", a describing word followed by a word of a name is a
// place's name: "at daily grind", "at new york deli", "at big lots", "at old navy", "at first watch".
const DESCRIBING = new Set("daily weekly monthly yearly big small large new old first other recent latest online international foreign".split(" "));

function namesAPlace(matched: string | undefined, first: string, second: string | undefined): boolean {
  if (!matched || !DESCRIBING.has(first) || second === undefined) return false;
  if (NOT_A_MERCHANT_WORD.has(second) || WHEN_WORD.test(second) || /^(?:spending|purchases?|transactions?|charges?|payments?|bills?|expenses?)$/.test(second)) return false;
  return new RegExp(String.raw`\bat\s+(?:the\s+)?${first}\s+${second}\b`, "i").test(matched);
}

// explore30: one kind of payment inside a wider category ("how much did i spend on parking" was the
// transport total, rides and fuel in it, said as if it were parking): the answer says where it is filed.
const NARROWER = ["parking", "fuel", "petrol", "gas", "taxis", "taxi", "cabs", "trains", "train tickets", "bus", "lunch", "dinner", "pharmacy", "medicine", "doctor", "gym", "fitness", "vet", "pet food", "flights", "hotels", "movies", "cinema", "concerts", "clothes", "clothing", "shoes", "electronics"];
const NARROWER_WORD = new RegExp(String.raw`\b(${NARROWER.join("|")})\b`, "i");

/** A narrower thing the text names and the category it is filed under ("parking" → transport), if any. */
export function filedUnder(text: string): { word: string; category: string } | undefined {
  const word = NARROWER_WORD.exec(text)?.[1]?.toLowerCase();
  const category = word === undefined ? undefined : lexicon.get(word);
  return word && category ? { word, category } : undefined;
}

/** The spending category a phrase names ("eating out" → dining), if it names one. */
export function categoryOf(phrase: string): string | undefined {
  const p = phrase.toLowerCase().replace(CATEGORY_PREFIX, "").trim();
  return lexicon.get(p) ?? lexicon.get(p.replace(/\s+and\s+.*$/, ""));
}

/** A merchant's name compared without case, spacing or punctuation ("mc donalds" ~ "McDonald's"). */
export function normalizeMerchant(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

/**
 * The category or merchant a spending question is about; null when the question is about
 * total spending. `knownMerchants` (the customer's merchant names) turns "starbucks" into
 * "Starbucks" and tolerates spacing/punctuation differences ("mc donalds" → "McDonald's").
 */
export function extractSpendingTarget(text: string, knownMerchants: readonly string[] = []): SpendingTarget | null {
  const trimmed = text.trim();
  const cash = CASH.exec(trimmed);
  if (cash) return { kind: "category", category: CASH_CATEGORY, text: cash[0] };
  // Bare forms: "grocery spending", "spending on bills", "restaurant spending this month".
  const m = PHRASE.exec(trimmed) ?? HOW_MUCH_ON.exec(trimmed) ?? AT_PHRASE.exec(trimmed) ?? SENT_PHRASE.exec(trimmed) ?? CHARGED_PHRASE.exec(trimmed);
  let phrase: string | undefined = m?.[1];
  if (phrase === undefined) {
    // A lead names a category, or a merchant only when no word of it is a common word.
    const lead = LEAD.exec(trimmed)?.[1];
    if (lead !== undefined && (categoryOf(lead) || !lead.toLowerCase().split(/\s+/).some((w) => NOT_A_MERCHANT_WORD.has(w) || /^\d+$/.test(w)))) {
      phrase = lead;
    }
  }
  if (phrase === undefined) {
    const inner = INNER_CATEGORY.exec(trimmed)?.[1] ?? AVERAGE_CATEGORY.exec(trimmed)?.[1];
    const category = inner === undefined ? undefined : categoryOf(inner);
    if (category) return { kind: "category", category, text: inner! };
    const last = lastOfCategory(trimmed);
    if (last) return { kind: "category", category: last, text: last };
  }
  if (phrase === undefined) phrase = (CAME_TO.exec(trimmed) ?? DAMAGE_OR_TOTAL.exec(trimmed))?.[1];
  // Session 27: "how much was my electric bill last month" (a credit card's statement): that bill's category.
  if (phrase === undefined) phrase = BILL_PHRASE.exec(trimmed)?.[1];
  // Session 28: "how much did i spend eating out", "how many times did i eat out" (every category's total),
  // "how often do i buy coffee", "how many times did i go to bluebird coffee" (the latest ten).
  if (phrase === undefined && EAT_OUT.test(trimmed)) return { kind: "category", category: "dining", text: "eating out" };
  if (phrase === undefined) {
    const thing = BOUGHT_THING.exec(trimmed)?.[1];
    const category = thing === undefined ? undefined : categoryOf(thing);
    if (category) return { kind: "category", category, text: thing! };
    if (HOW_OFTEN.test(trimmed)) phrase = WENT_TO.exec(trimmed)?.[1];
  }
  // "do i have any subscriptions", "list my memberships": the subscriptions category.
  if (phrase === undefined && SUBSCRIPTIONS.test(trimmed)) return { kind: "category", category: "subscriptions", text: "subscriptions" };
  if (phrase === undefined && TRANSFERS.test(trimmed)) return { kind: "category", category: TRANSFERS_CATEGORY, text: "transfers" };
  if (phrase === undefined) return null;
  // "what did i pay for at target": the lazy phrase stops at "for", so "at target" is left with its "at".
  // "was i charged for anything at amazon": the place after the "anything".
  const head = phrase.replace(TRAILING, "").trim().replace(/^(?:(?:any|some)thing\s+)?(?:at|from)\s+(?=\S)/i, "");
  if (head === "" || /^(?:total|everything|it|that|this|average|me|the|my|all|a|an|money)$/i.test(head)) return null;
  // Session 31: "did i get charged twice for anything" looked for a merchant called "anything".
  if (/^(?:any|some|every|no)(?:thing|one|body|where)(?:\s+else)?$|^(?:stuff|things)$/i.test(head)) return null;
  // "the most i spent in one go", "at once": how, not where.
  if (/^(?:(?:one|a\s+single)\s+(?:go|purchase|transaction|payment|shot|thing|item)|once|one\s+time)$/i.test(head)) return null;
  const category = categoryOf(head);
  if (category) return { kind: "category", category, text: head };
  const merchantText = head.replace(/^(?:the\s+)/i, "").replace(MY_PERSON, "");
  // "on my car", "in and out of my account", "in March": not a merchant's name.
  const [first, second] = merchantText.toLowerCase().split(/\s+/) as [string, string | undefined];
  if ((NOT_A_MERCHANT_WORD.has(first) && !namesAPlace(m?.[0], first, second)) || /^(?:our|your)$/.test(first) || WHEN_WORD.test(first)) return null;
  const wanted = normalizeMerchant(merchantText);
  const known = knownMerchants.find((k) => normalizeMerchant(k) === wanted);
  return { kind: "merchant", merchant: known ?? merchantText, text: head };
}

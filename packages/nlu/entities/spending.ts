// What a spending question is about: a category ("groceries", "eating out") or a merchant
// ("at Starbucks", "on amazon"). Categories come from a fixed lexicon; anything else after
// "at"/"on"/"with" is a merchant name, matched to the customer's known merchants when given.

export const SPENDING_CATEGORIES: Record<string, readonly string[]> = {
  groceries: ["groceries", "grocery", "grocerys", "supermarket", "supermarkets", "food shopping", "food shop"],
  dining: ["eating out", "restaurants", "restaurant", "dining", "dining out", "takeaway", "takeaways", "takeout", "take out", "food delivery", "fast food", "lunch", "dinner"],
  coffee: ["coffee", "coffee shops", "cafes", "cafe"],
  transport: ["transport", "public transport", "transit", "taxis", "taxi", "cabs", "rides", "fuel", "petrol", "gas", "parking", "trains", "train tickets", "bus"],
  travel: ["travel", "flights", "hotels", "holidays", "holiday", "vacation", "trips"],
  entertainment: ["entertainment", "movies", "cinema", "concerts", "games", "gaming", "streaming"],
  subscriptions: ["subscriptions", "subscription", "memberships"],
  shopping: ["shopping", "clothes", "clothing", "shoes", "electronics", "online shopping"],
  bills: ["bills", "utilities", "electricity", "water bill", "internet", "phone bill", "rent", "rent and utilities"],
  health: ["health", "pharmacy", "medicine", "doctor", "gym", "fitness"],
  pets: ["pets", "pet food", "vet"],
  gifts: ["gifts", "presents", "charity", "donations"],
  bars: ["bars", "pubs", "drinks", "alcohol", "nightlife"],
  food: ["food"],
};

export type SpendingTarget =
  | { kind: "category"; category: string; text: string }
  | { kind: "merchant"; merchant: string; text: string };

const PHRASE = /\b(?:spen[dt]|spending|spendng|paid|pay|paying|blow|blew|cost|went)\b.*?\b(?:on|at|in|with|to|for)\s+(.+)$/i;
const TRAILING = new RegExp(
  String.raw`\s*(?:\b(?:in|during|since|from|over|for|this|last|past|previous|yesterday|today|so far|each|every|a|per|compared|than|vs|between|on)\b.*)?[?.!]*\s*$`,
  "i",
);
const CATEGORY_PREFIX = /^(?:my\s+|the\s+|all\s+)/i;

const lexicon = new Map<string, string>();
for (const [category, phrases] of Object.entries(SPENDING_CATEGORIES)) {
  for (const phrase of phrases) lexicon.set(phrase, category);
}

function categoryOf(phrase: string): string | undefined {
  const p = phrase.toLowerCase().replace(CATEGORY_PREFIX, "").trim();
  return lexicon.get(p) ?? lexicon.get(p.replace(/\s+and\s+.*$/, ""));
}

function normalizeMerchant(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

/**
 * The category or merchant a spending question is about; null when the question is about
 * total spending. `knownMerchants` (the customer's merchant names) turns "starbucks" into
 * "Starbucks" and tolerates spacing/punctuation differences ("mc donalds" → "McDonald's").
 */
export function extractSpendingTarget(text: string, knownMerchants: readonly string[] = []): SpendingTarget | null {
  const trimmed = text.trim();
  // Bare forms: "grocery spending", "spending on bills", "restaurant spending this month".
  const m = PHRASE.exec(trimmed);
  let phrase: string | undefined = m?.[1];
  if (phrase === undefined) {
    const lead = /^(?:my\s+)?([a-z][a-z ]*?)\s+spending\b/i.exec(trimmed);
    phrase = lead?.[1];
  }
  if (phrase === undefined) return null;
  const head = phrase.replace(TRAILING, "").trim();
  if (head === "" || /^(?:total|everything|it|that|this|average|me)$/i.test(head)) return null;
  const category = categoryOf(head);
  if (category) return { kind: "category", category, text: head };
  const merchantText = head.replace(/^(?:the\s+)/i, "");
  const wanted = normalizeMerchant(merchantText);
  const known = knownMerchants.find((k) => normalizeMerchant(k) === wanted);
  return { kind: "merchant", merchant: known ?? merchantText, text: head };
}

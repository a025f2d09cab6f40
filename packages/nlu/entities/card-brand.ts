// The card network a message names ("freeze my visa"), to pick a card when the customer has
// several and names none by its last four digits. The name is the brand label's letters, lower-case
// ("Mastercard" → "mastercard"), so the dialogue compares it with a card's label without the NLU.

const BRANDS: ReadonlyArray<[RegExp, string]> = [
  [/\bvisa\b/i, "visa"],
  [/\bmaster\s?card\b/i, "mastercard"],
  [/\bamex\b|\bamerican\s+express\b/i, "americanexpress"],
  [/\bdiscover\s+card\b/i, "discover"],
];

/** The one card network named, or undefined when none, or more than one, is named. */
export function extractCardBrand(text: string): string | undefined {
  const named = BRANDS.filter(([pattern]) => pattern.test(text)).map(([, brand]) => brand);
  return named.length === 1 ? named[0] : undefined;
}

/**
 * sweep19: "my debit card got stolen" offered the credit card too: the kind of card named, debit
 * or credit, or undefined when none (or both) is named.
 */
export function extractCardKind(text: string): "debit" | "credit" | undefined {
  const debit = /\bdebit\s+cards?\b/i.test(text);
  const credit = /\bcredit\s+cards?\b/i.test(text);
  return debit === credit ? undefined : debit ? "debit" : "credit";
}

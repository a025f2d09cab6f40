/**
 * Kinds of bill or recipient ("electric", "the water bill", "my landlord") and words a saved payee
 * of that kind usually has in its name (lower case prefixes). A hint only: it picks a payee when
 * exactly one fits (flows/transfer-payees.ts), never invents one.
 */
const KINDS: Array<[RegExp, string[]]> = [
  [/\b(electric(ity)?|power|energy)\b/i, ["power", "electric", "energy"]],
  [/\b(water|sewer)\b/i, ["water"]],
  [/\bgas\b/i, ["gas"]],
  [/\b(internet|broadband|cable|wi-?fi|tv)\b/i, ["broadband", "internet", "cable", "fiber", "fibre"]],
  [/\b(phone|mobile|cell(ular)?)\b/i, ["phone", "mobile", "wireless", "cell"]],
  [/\b(rent|landlord|landlady|letting agent|property manager)\b/i, ["rent", "propert", "apartment", "realty", "housing"]],
];

/** A word of `name` starts with one of a kind's words ("Metro Water Utility" for ["water"]). */
export function nameFitsKind(name: string, words: readonly string[]): boolean {
  return name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .some((part) => words.some((w) => part.startsWith(w)));
}

export function billerWordsIn(text: string): string[] {
  return KINDS.filter(([kind]) => kind.test(text)).flatMap(([, words]) => words);
}

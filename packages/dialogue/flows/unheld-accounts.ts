/**
 * Kinds of account Teller never holds (its accounts are checking, savings and credit cards): one
 * named as the customer's own ("my mortgage", "my business account") is said not to be held, so the
 * other balances are never given as its answer.
 */
const UNHELD: ReadonlyArray<[string, RegExp]> = [
  ["a mortgage", /\b(?:my|our)\s+mortgage\b/i],
  ["a business account", /\b(?:my|our)\s+business\s+(?:account|checking|savings)\b/i],
  ["an investment account", /\b(?:my|our)\s+(?:(?:investment|brokerage|stocks?|trading)\s+account|investments|portfolio)\b/i],
  // "the loan payment went out" is a payment, not an account.
  ["a loan", /\b(?:my|our)\s+(?:(?:car|auto|student|personal|home)\s+)?loan\b(?!\s+payments?\b)/i],
  ["a retirement account", /\b(?:my|our)\s+(?:401\s?k|401\(k\)|ira|roth(?:\s+ira)?|pension|retirement)(?=\W|$)/i],
  ["a money market account", /\b(?:my|our)\s+money\s+market\b/i],
  // crowd29: "put one hundred dollars in my joint account" asked "Who should I send it to?" and "look
  // up my joint account balance" gave every balance, as if one of them were it.
  ["a joint account", /\b(?:my|our)\s+joint\s+(?:bank\s+)?(?:account|checking|savings)\b/i],
];

/** "a mortgage", "an investment account": the kinds `text` names that no customer of Teller has. */
export function unheldAccounts(text: string): string[] {
  return UNHELD.filter(([, pattern]) => pattern.test(text)).map(([kind]) => kind);
}

/** "You don't have a mortgage with us.", or nothing when `text` names no such kind. */
export function unheldNotes(text: string): string[] {
  const kinds = unheldAccounts(text);
  return kinds.length > 0 ? [`You don't have ${kinds.join(" or ")} with us.`] : [];
}

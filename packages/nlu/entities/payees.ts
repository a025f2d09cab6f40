// Finds which of the customer's saved payees a message names. Only saved payees can ever come
// out (free text never reaches an action), and anything doubtful is reported as such:
// exact > case-insensitive > first name > one-typo; two payees tied at the best level → ambiguous;
// typo matches always ask for confirmation.

export interface PayeeLike {
  id: string;
  name: string;
}

export type PayeeMatchKind = "exact" | "case_insensitive" | "first_name" | "typo";

export type PayeeMatch<P extends PayeeLike> =
  | { status: "matched"; payee: P; how: PayeeMatchKind; needsConfirmation: boolean }
  | { status: "ambiguous"; candidates: P[]; how: PayeeMatchKind }
  | { status: "none" };

// Words that are never a name in a payment request, so "to" can never be a typo of "Tom".
const STOPWORDS = new Set(
  "a an and the to for from of on in at my me i pay paid send sent transfer move give wire please pls now today back money some dollars euros pounds bucks quid can you could would like want need with via my his her their our".split(" "),
);

const RANK: Record<PayeeMatchKind, number> = { exact: 4, case_insensitive: 3, first_name: 2, typo: 1 };

function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
}

/** Lower case without accents: a customer typing "lucia" on a plain keyboard means "Lucía". */
function fold(word: string): string {
  return word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** Damerau–Levenshtein distance capped at 2 (we only care whether it is ≤ 1). */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 1) return 2;
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) d.push([i]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return Math.min(2, d[a.length]![b.length]!);
}

/**
 * One slip is tolerated only for names of 4+ letters, and a 3-letter word only when it is the
 * name with one letter dropped ("alx" → "alex"): "mom" must never become "Tom".
 */
function isTypoOf(word: string, name: string): boolean {
  if (name.length < 4 || word.length < 3 || word[0] !== name[0]) return false;
  if (word.length === 3) return name.length === 4 && editDistance(word, name) === 1;
  return editDistance(word, name) === 1;
}

function containsSequence(haystack: string[], needle: string[]): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

// sweep19: the words one family member goes by: a payee saved as "Mom" is the customer's "mum".
const KIN = ["mom mum mommy mummy momma mama mother ma", "dad daddy papa father pa pop", "grandma granny nana gran grandmother", "grandpa grandad granddad grandfather gramps"].map((g) => new Set(g.split(" ")));

function sameKin(word: string, name: string): boolean {
  return word !== name && KIN.some((g) => g.has(word) && g.has(name));
}

function bestKind(textWords: string[], lowerWords: string[], payee: PayeeLike): PayeeMatchKind | null {
  const nameWords = words(payee.name);
  if (nameWords.length === 0) return null;
  if (containsSequence(textWords, nameWords)) return "exact";
  const lowerName = nameWords.map(fold);
  if (containsSequence(lowerWords, lowerName)) return "case_insensitive";
  const first = lowerName[0]!;
  const candidates = lowerWords.filter((w) => !STOPWORDS.has(w));
  if (candidates.includes(first)) return "first_name";
  if (nameWords.length === 1 && candidates.some((w) => sameKin(w, first))) return "first_name";
  if (candidates.some((w) => isTypoOf(w, first))) return "typo";
  return null;
}

export function matchPayee<P extends PayeeLike>(text: string, payees: readonly P[]): PayeeMatch<P> {
  const textWords = words(text);
  const lowerWords = textWords.map(fold);
  let best: PayeeMatchKind | null = null;
  let matches: P[] = [];
  for (const payee of payees) {
    const kind = bestKind(textWords, lowerWords, payee);
    if (kind === null) continue;
    if (best === null || RANK[kind] > RANK[best]) {
      best = kind;
      matches = [payee];
    } else if (kind === best) matches.push(payee);
  }
  if (best === null) return { status: "none" };
  // "alex smith" names Alex Smith even if Alex Jones exists; ties at the same level are not guessed.
  if (matches.length > 1) return { status: "ambiguous", candidates: matches, how: best };
  return { status: "matched", payee: matches[0]!, how: best, needsConfirmation: best === "typo" };
}

// What joins two recipients of one message ("Mom 20 and Jake 30"); a "not" or "instead" between them
// takes one back ("not Alex, Sam"), which is a correction, not a second recipient.
const JOINED = /^(?:.*\s)?(?:and|&|plus|also)(?:\s.*)?$/;
const TAKEN_BACK = /(?:^|\s)(?:not|no|instead|rather|mean|meant|sorry|wait)(?:\s|$)/;

/**
 * sweep19: a second saved payee named beside `first`, joined to it ("pay Mom 20 and Jake 30" sent
 * $20 to Mom and dropped Jake in silence). By name or first name only (a slip is no second person).
 */
export function secondPayeeNamed<P extends PayeeLike>(text: string, payees: readonly P[], first: P): P | undefined {
  const lower = words(text).map(fold);
  const firstWords = words(first.name).map(fold);
  // Where a name is said: all its words in a row, else its first name alone.
  const at = (name: string[]) => {
    for (let i = 0; i + name.length <= lower.length; i++) if (name.every((w, j) => lower[i + j] === w)) return [i, i + name.length] as const;
    const j = lower.indexOf(name[0]!);
    return j >= 0 && !STOPWORDS.has(name[0]!) ? ([j, j + 1] as const) : undefined;
  };
  const span = at(firstWords);
  if (!span) return undefined;
  for (const other of payees) {
    if (other.id === first.id) continue;
    const otherWords = words(other.name).map(fold);
    if (otherWords.length === 0 || otherWords.every((w) => firstWords.includes(w))) continue;
    const o = at(otherWords);
    if (!o || (o[0] < span[1] && o[1] > span[0])) continue;
    // A first name alone is a recipient only as one: with a sum after it or "to" before it ("and
    // will you…" names no payee Will).
    const wholeName = o[1] - o[0] === otherWords.length && otherWords.length > 1;
    const asRecipient = wholeName || /^\$?\d/.test(lower[o[1]] ?? "") || lower[o[0] - 1] === "to";
    const between = (o[0] < span[0] ? lower.slice(o[1], span[0]) : lower.slice(span[1], o[0])).join(" ");
    if (asRecipient && JOINED.test(between) && !TAKEN_BACK.test(` ${between} `)) return other;
  }
  return undefined;
}

// How customers name their own accounts: by kind ("checking", "my savings", "credit card") or by
// the last four digits ("card ending 4242"). Output matches the dialogue's AccountRef shape.

import { lazyPattern } from "../lazy-pattern";

export type AccountKind = "checking" | "savings" | "credit";
export type AccountReference = AccountKind | { last4: string };

export interface AccountMentions {
  /** In the order they appear in the text. */
  refs: AccountReference[];
  /** Set when the text marks a role: "from savings", "into checking", "to ••1234". */
  from?: AccountReference;
  to?: AccountReference;
}

const KIND_PATTERNS: Array<[AccountKind, RegExp]> = [
  ["checking", /\b(?:checking|chequing|checkings|current\s+account|current|main\s+account|everyday\s+account)\b/gi],
  ["savings", /\b(?:savings?|saving\s+account|savings\s+pot|pot|rainy\s+day\s+fund)\b/gi],
  // sweep23: "how much do i owe on my cc" got every balance; "cc" only after "my"/"the" ("cc me in").
  // explore27: "the balance on my rewards card" (a card with rewards is a credit card) got every balance.
  ["credit", /\b(?:credit\s*card|credit\s+account|credit|visa\s+credit|amex|rewards?\s+card)\b|(?<=\b(?:my|the|our)\s+)cc\b/gi],
];
const LAST4 = /\b(?:ending(?:\s+(?:in|with))?|ends\s+(?:in|with)|last\s+(?:4|four)(?:\s+digits)?(?:\s+(?:are|is))?|x{2,}|\*{2,}|•+|#)\s*(\d{4})\b/gi;
const FROM_WORDS = /\b(?:from|out\s+of|off)\s+(?:my\s+|the\s+|our\s+)?(?:[a-z]+\s+)?$/i;
// Texting's "2" ("move 50 bucks 2 savings") is "to" only right before the account's name.
const TO_WORDS = /\b(?:(?:to|into|in\s+to|onto|towards?)\s+(?:my\s+|the\s+|our\s+)?(?:[a-z]+\s+)?|2\s+(?:my\s+|the\s+)?)$/i;

// explore19: "put 40 in savings": after putting money, "in" names where it goes (savings was taken
// for the source and the transfer asked who to send it to). Checked against the whole text before the name.
const PUT_IN = /\b(?:put|stick|stash|park|drop|add|deposit)\b[^.?!]{0,40}?\bin\s+(?:my\s+|the\s+|our\s+)?$/i;

const CHECKING_VERB_AFTER = lazyPattern(String.raw`^\s+(?:how|what|whether|if|to\s+see|in\s+on|up\s+on|that|my|the|your|our|his|her)\b`, "i");
const CHECKING_VERB_BEFORE = lazyPattern(String.raw`\b(?:mind|you|u|i|i'?m|am|be|been|keep|start|stop|try|trying|was|were|are)\s+$`, "i");

const SAVED_UP = lazyPattern(
  String.raw`\bhow\s+much\s+(?:money\s+|cash\s+)?(?:have\s+i|do\s+i\s+have|did\s+i|i'?ve|i\s+have)\s+(?:got\s+|gotten\s+|managed\s+to\s+)?(saved(?:\s+up)?)\b(?!\s+(?:on|by|with|from)\b)`,
  "i",
);

/** Account references in `text`. "current" alone counts only when followed by "account". */
export function extractAccountRefs(text: string): AccountMentions {
  const found: Array<{ index: number; ref: AccountReference }> = [];
  for (const m of text.matchAll(LAST4)) {
    found.push({ index: m.index, ref: { last4: m[1]! } });
  }
  for (const [kind, pattern] of KIND_PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      const word = m[0].toLowerCase();
      const after = text.slice(m.index + m[0].length);
      // "current balance" / "credit score" / "savings goal" are not account names.
      if (word === "current" && !/^\s+(?:account|acct)\b/i.test(after)) continue;
      if (word === "credit" && !/^\s+(?:account|acct|card|line)\b/i.test(after)) continue;
      if (word === "pot" && !/\bsavings?\b/i.test(text)) continue;
      // nlu9: "would you mind checking how much is in my savings": the verb, not the account.
      if (word === "checking" && (CHECKING_VERB_AFTER.test(after) || CHECKING_VERB_BEFORE.test(text.slice(0, m.index)))) continue;
      if (found.some((f) => Math.abs(f.index - m.index) < 3)) continue;
      found.push({ index: m.index, ref: kind });
    }
  }
  // explore30: "how much money have i got saved up" got every balance: what the customer has saved is
  // the savings account (only in a question of how much, so "i saved the receipt" names no account).
  const saved = SAVED_UP.exec(text);
  if (saved && !found.some((f) => f.ref === "savings")) found.push({ index: saved.index + saved[0].length - saved[1]!.length, ref: "savings" });
  // "savngs", "chekcing": a word one slip away from an account's kind (checked after the exact names).
  // "credt card": "credit" is a kind only before "card"/"account", so its slips are too.
  for (const m of text.matchAll(/\b[a-z]{6,}\b|\b[a-z]{5,}(?=\s+(?:card|account|acct)\b)/gi)) {
    const kind = typoKind(m[0].toLowerCase(), /^\s+(?:card|account|acct)\b/i.test(text.slice(m.index + m[0].length)));
    if (kind && !found.some((f) => Math.abs(f.index - m.index) < 3)) found.push({ index: m.index, ref: kind });
  }
  found.sort((a, b) => a.index - b.index);
  const mentions: AccountMentions = { refs: [] };
  for (const { index, ref } of found) {
    if (mentions.refs.some((r) => sameRef(r, ref))) continue;
    mentions.refs.push(ref);
    const before = text.slice(Math.max(0, index - 30), index);
    if (mentions.from === undefined && FROM_WORDS.test(before)) mentions.from = ref;
    else if (mentions.to === undefined && (TO_WORDS.test(before) || PUT_IN.test(text.slice(0, index)))) mentions.to = ref;
  }
  return mentions;
}

const TYPO_KINDS: ReadonlyArray<[string, AccountKind]> = [
  ["checking", "checking"],
  ["savings", "savings"],
  ["creditcard", "credit"],
];
/** English words one slip from a kind's name, which are not that name. */
const REAL_WORDS = new Set(["chucking", "checkins", "shecking", "ravings", "credits"]);
/** "credit" names an account only before "card"/"account" ("credit score" does not), and so do its slips. */
const CREDIT_BEFORE_CARD: [string, AccountKind] = ["credit", "credit"];

/** "savngs", "chekcing", "credt" before "card": an account's kind with one slip (`word` lower-case). */
export function typoKind(word: string, beforeCard = false): AccountKind | undefined {
  if (REAL_WORDS.has(word)) return undefined;
  const names = beforeCard ? [...TYPO_KINDS, CREDIT_BEFORE_CARD] : TYPO_KINDS;
  return names.find(([name]) => word !== name && word[0] === name[0] && oneSlip(word, name))?.[1];
}

/** At most one letter added, dropped, changed, or two neighbours swapped (`a` !== `b`). */
export function oneSlip(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const rest = (x: number, y: number) => a.slice(i + x) === b.slice(i + y);
  if (a.length === b.length) return rest(1, 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && rest(2, 2));
  return a.length > b.length ? rest(1, 0) : rest(0, 1);
}

export function sameRef(a: AccountReference, b: AccountReference): boolean {
  return typeof a === "string" || typeof b === "string" ? a === b : a.last4 === b.last4;
}

export interface AccountLike {
  id: string;
  type: AccountKind;
  /** Last four digits. */
  mask: string;
}

export type AccountMatch<A extends AccountLike> =
  | { status: "matched"; account: A }
  | { status: "ambiguous"; candidates: A[] }
  | { status: "none" };

/** Resolves a reference against the customer's accounts; two savings accounts → ambiguous. */
export function resolveAccount<A extends AccountLike>(ref: AccountReference, accounts: readonly A[]): AccountMatch<A> {
  const candidates = accounts.filter((a) => (typeof ref === "string" ? a.type === ref : a.mask === ref.last4));
  if (candidates.length === 1) return { status: "matched", account: candidates[0]! };
  if (candidates.length > 1) return { status: "ambiguous", candidates };
  return { status: "none" };
}

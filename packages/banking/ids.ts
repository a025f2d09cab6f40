/**
 * Ids are `<prefix>_<20 base32 characters>` (100 bits). The prefix says what an id names, so an
 * account id pasted where a card id belongs is malformed before any query runs, and a strict
 * pattern keeps arbitrary text (and injection attempts) out of the database layer.
 */
export const ID_PREFIXES = {
  account: "acc",
  card: "card",
  payee: "pay",
  transfer: "trf",
  ledgerTransaction: "ltx",
  transaction: "txn",
  statement: "stm",
  schedule: "sch",
  dispute: "dsp",
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"; // Crockford base32, lower case
const ID_BODY_LENGTH = 20;

export const ID_PATTERNS: Record<IdKind, RegExp> = Object.fromEntries(
  Object.entries(ID_PREFIXES).map(([kind, prefix]) => [kind, new RegExp(`^${prefix}_[${ALPHABET}]{${ID_BODY_LENGTH}}$`)]),
) as Record<IdKind, RegExp>;

export function isId(kind: IdKind, value: unknown): value is string {
  return typeof value === "string" && ID_PATTERNS[kind].test(value);
}

/** A fresh random id. */
export function newId(kind: IdKind): string {
  const start = takeRandomBytes(ID_BODY_LENGTH);
  let body = "";
  for (let i = start; i < start + ID_BODY_LENGTH; i++) body += ALPHABET[randomPool[i]! & 31];
  return `${ID_PREFIXES[kind]}_${body}`;
}

/**
 * Random bytes drawn from the platform's CSPRNG 4 kB at a time, each byte handed out once: one
 * getRandomValues call serves ~200 ids instead of one (Node's randomUUID caches its entropy the
 * same way). In Node each call cost ~5 µs, and a transfer draws four ids (issue #17, ledger14).
 */
const RANDOM_POOL_BYTES = 4096;
let randomPool = new Uint8Array(0);
let randomNext = 0;

/** Where `n` fresh random bytes start in `randomPool` (refilled first when fewer are left). */
function takeRandomBytes(n: number): number {
  if (randomNext + n > randomPool.length) {
    randomPool = crypto.getRandomValues(new Uint8Array(RANDOM_POOL_BYTES));
    randomNext = 0;
  }
  randomNext += n;
  return randomNext - n;
}

/**
 * The same id for the same key, every time: the seed uses it so that re-running it finds what it
 * wrote before. Not a secret and not collision-proof against an adversary — only keys we choose.
 */
export function seededId(kind: IdKind, key: string): string {
  let body = "";
  for (let round = 0; body.length < ID_BODY_LENGTH; round++) {
    let h = fnv1a(`${round}:${key}`);
    for (let i = 0; i < 6 && body.length < ID_BODY_LENGTH; i++) {
      body += ALPHABET[h & 31];
      h >>>= 5;
    }
  }
  return `${ID_PREFIXES[kind]}_${body}`;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

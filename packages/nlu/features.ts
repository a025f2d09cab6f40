// Feature extraction shared by the offline trainer and the in-Worker runtime. Both sides call
// exactly these functions, so the features a model was trained on and the features it sees in
// production cannot drift apart.
//
// Features: hashed word 1–2-grams and hashed character 2–5-grams inside word boundaries
// (sklearn's "char_wb"), weighted with sublinear tf × idf, each block L2-normalised, then scaled by
// a per-block weight stored in the artifact.

/** How text is turned into hashed n-grams; stored in the artifact and checked on load. */
export const FEATURE_SCHEME = "w12-cwb25-fnv1a-v1";

const CHAR_MIN = 2;
const CHAR_MAX = 5;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
// Distinct starting states keep a word "ab" and a character n-gram "ab" apart.
const WORD_SEED = FNV_OFFSET;
const CHAR_SEED = (FNV_OFFSET ^ 0x5bd1e995) >>> 0;

/**
 * Lower-cases, folds accents and curly quotes, drops apostrophes ("what's" → "whats", so users who
 * skip them match those who don't) and maps every digit to 0 (amounts and card numbers generalise).
 */
export function normalizeText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc'`]/g, "")
    .replace(/[0-9]/g, "0");
}

/** Word tokens of normalised text: runs of letters/digits, plus currency symbols as tokens. */
export function tokenize(normalized: string): string[] {
  return normalized.match(/[a-z0-9]+|[$€£¥]/g) ?? [];
}

function fnvStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, FNV_PRIME) >>> 0;
}

function hashString(seed: number, s: string): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) h = fnvStep(h, s.charCodeAt(i));
  return h;
}

export interface FeatureHashes {
  /** Hashes of word unigrams and bigrams, one entry per occurrence. */
  word: number[];
  /** Hashes of character n-grams, one entry per occurrence. */
  char: number[];
}

/** The raw (unweighted) hashed n-grams of a text. */
export function featureHashes(text: string): FeatureHashes {
  const tokens = tokenize(normalizeText(text));
  const word: number[] = [];
  const char: number[] = [];
  let previous: number | undefined;
  for (const token of tokens) {
    const unigram = hashString(WORD_SEED, token);
    word.push(unigram);
    // The bigram hash is the FNV hash of "previous token" + " " + token; unigrams never hold a space.
    if (previous !== undefined) word.push(hashString(fnvStep(previous, 32), token));
    previous = unigram;

    const padded = ` ${token} `;
    for (let start = 0; start + CHAR_MIN <= padded.length; start++) {
      let h = CHAR_SEED;
      for (let end = start; end < start + CHAR_MAX && end < padded.length; end++) {
        h = fnvStep(h, padded.charCodeAt(end));
        if (end - start + 1 >= CHAR_MIN) char.push(h);
      }
    }
  }
  return { word, char };
}

/** The vocabulary side of the features: which hashes exist and how much each one weighs. */
export interface FeatureIndex {
  /** Feature hash → row of the weight matrix (a Map in the trainer, the artifact's table at runtime). */
  rowOf: { get(hash: number): number | undefined };
  /** Inverse document frequency of a row. */
  idf(row: number): number;
  wordWeight: number;
  charWeight: number;
}

export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

function addBlock(
  hashes: number[],
  index: FeatureIndex,
  blockWeight: number,
  rows: number[],
  values: number[],
): void {
  const counts = new Map<number, number>();
  for (const h of hashes) {
    const row = index.rowOf.get(h);
    if (row !== undefined) counts.set(row, (counts.get(row) ?? 0) + 1);
  }
  if (counts.size === 0) return;
  const start = values.length;
  let squared = 0;
  for (const [row, tf] of counts) {
    const v = (1 + Math.log(tf)) * index.idf(row);
    rows.push(row);
    values.push(v);
    squared += v * v;
  }
  const scale = squared > 0 ? blockWeight / Math.sqrt(squared) : 0;
  for (let i = start; i < values.length; i++) values[i] = (values[i] ?? 0) * scale;
}

/** TF-IDF vector of a text over the known features; unknown n-grams are ignored. */
export function vectorize(text: string, index: FeatureIndex): SparseVector {
  return vectorizeHashes(featureHashes(text), index);
}

export function vectorizeHashes(hashes: FeatureHashes, index: FeatureIndex): SparseVector {
  const rows: number[] = [];
  const values: number[] = [];
  addBlock(hashes.word, index, index.wordWeight, rows, values);
  addBlock(hashes.char, index, index.charWeight, rows, values);
  return { indices: Int32Array.from(rows), values: Float32Array.from(values) };
}

/** Idf as in scikit-learn (smooth_idf): ln((1 + n) / (1 + df)) + 1. */
export function smoothIdf(documentCount: number, documentFrequency: number): number {
  return Math.log((1 + documentCount) / (1 + documentFrequency)) + 1;
}

/**
 * Open-addressing hash → row table over typed arrays: built in about a millisecond at cold load,
 * where a Map of the same size takes several.
 */
export class RowTable {
  private readonly keys: Uint32Array;
  private readonly rows: Int32Array;
  private readonly mask: number;
  private readonly shift: number;

  constructor(hashes: Uint32Array) {
    let bits = 1;
    while (1 << bits < hashes.length * 2) bits++;
    const size = 1 << bits;
    // Fibonacci hashing: the top `bits` bits of hash × golden ratio pick the slot.
    this.shift = 32 - bits;
    this.keys = new Uint32Array(size);
    this.rows = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    for (let row = 0; row < hashes.length; row++) {
      const h = hashes[row]!;
      let slot = Math.imul(h, 0x9e3779b1) >>> this.shift;
      while (this.rows[slot]! !== -1) slot = (slot + 1) & this.mask;
      this.keys[slot] = h;
      this.rows[slot] = row;
    }
  }

  get(hash: number): number | undefined {
    let slot = Math.imul(hash, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const row = this.rows[slot]!;
      if (row === -1) return undefined;
      if (this.keys[slot] === hash) return row;
      slot = (slot + 1) & this.mask;
    }
  }
}

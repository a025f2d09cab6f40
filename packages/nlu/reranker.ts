// Second stage of the intent model: a tiny one-hidden-layer network over the same TF-IDF vector,
// its features folded into a few thousand hashed buckets, trained on BANKING77's questions only.
// The linear model plateaus on BANKING77's near-synonyms (top_up_reverted vs top_up_failed); a
// non-linear specialist errs differently, so it re-ranks inside the BANKING77 probability mass
// when the linear model's best in-scope intent is a BANKING77 one. Every other probability,
// p(out_of_scope) included, is left as the linear model gave it.

/** The reranker's part of the artifact header; its two weight matrices live in the tables. */
export interface RerankerHeader {
  /** Hashed input buckets (a power of two). */
  buckets: number;
  hidden: number;
  /** Indices (into the model's intents) of the classes it re-ranks, in its output order. */
  classes: number[];
  /** Coefficient of its log-probabilities added to the linear model's. */
  weight: number;
  /** int8 → float scales of the input (buckets × hidden) and output (hidden × classes) matrices. */
  inputScale: number;
  outputScale: number;
  hiddenBias: number[];
  outputBias: number[];
}

/** Bucket of a feature hash: the top bits of a multiplicative re-hash (FNV's low bits already index rows). */
export function bucketOf(hash: number, buckets: number): number {
  return Math.imul(hash, 0x9e3779b1) >>> (32 - Math.log2(buckets));
}

export class Reranker {
  private readonly gated: Uint8Array;
  private readonly hiddenValues: Float64Array;
  private readonly scores: Float64Array;

  constructor(
    private readonly header: RerankerHeader,
    private readonly input: Int8Array,
    private readonly output: Int8Array,
    intents: number,
  ) {
    if (!Number.isInteger(Math.log2(header.buckets))) throw new Error("reranker buckets must be a power of two");
    if (input.length !== header.buckets * header.hidden || output.length !== header.hidden * header.classes.length) {
      throw new Error("reranker tables size mismatch");
    }
    if (header.hiddenBias.length !== header.hidden || header.outputBias.length !== header.classes.length) {
      throw new Error("reranker bias size mismatch");
    }
    this.gated = new Uint8Array(intents);
    for (const c of header.classes) {
      if (!(c >= 0 && c < intents)) throw new Error("reranker class out of range");
      this.gated[c] = 1;
    }
    this.hiddenValues = new Float64Array(header.hidden);
    this.scores = new Float64Array(header.classes.length);
  }

  /**
   * Re-ranks `probs` in place when its best class other than `excluded` (out_of_scope) is one of
   * the reranker's. `rows`/`values` are the text's TF-IDF vector, `hashOf` maps a row to its hash.
   */
  apply(probs: Float64Array, rows: Int32Array, values: Float32Array, hashOf: (row: number) => number, excluded: number): void {
    let top = -1;
    for (let c = 0; c < probs.length; c++) if (c !== excluded && (top < 0 || probs[c]! > probs[top]!)) top = c;
    if (top < 0 || !this.gated[top]) return;
    const { buckets, hidden, classes, weight, inputScale, outputScale } = this.header;
    const h = this.hiddenValues;
    h.fill(0);
    for (let k = 0; k < rows.length; k++) {
      const base = bucketOf(hashOf(rows[k]!), buckets) * hidden;
      const v = values[k]!;
      for (let j = 0; j < hidden; j++) h[j]! += this.input[base + j]! * v;
    }
    for (let j = 0; j < hidden; j++) h[j] = Math.max(0, h[j]! * inputScale + this.header.hiddenBias[j]!);
    const z = this.scores;
    const n = classes.length;
    for (let k = 0; k < n; k++) z[k] = 0;
    for (let j = 0; j < hidden; j++) {
      const hj = h[j]!;
      if (hj === 0) continue;
      const base = j * n;
      for (let k = 0; k < n; k++) z[k]! += this.output[base + k]! * hj;
    }
    // log p_linear + weight × network logits, renormalised inside the classes' own mass (the
    // network's log-sum-exp is the same for every class and cancels).
    let mass = 0;
    let max = -Infinity;
    for (let k = 0; k < n; k++) {
      const p = probs[classes[k]!]!;
      mass += p;
      z[k] = Math.log(Math.max(p, 1e-300)) + weight * (z[k]! * outputScale + this.header.outputBias[k]!);
      if (z[k]! > max) max = z[k]!;
    }
    let sum = 0;
    for (let k = 0; k < n; k++) sum += z[k] = Math.exp(z[k]! - max);
    for (let k = 0; k < n; k++) probs[classes[k]!] = (mass * z[k]!) / sum;
  }
}

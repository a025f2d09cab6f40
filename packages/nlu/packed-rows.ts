// The runtime's view of the artifact's tables, read in place from the JSON strings. Loading decodes
// only a coarse index (every HASH_BLOCK-th hash), not the tables: decoding and indexing them was most
// of a fresh isolate's first turn. A row is decoded into typed arrays the first time a query hits
// it, so warm queries run over plain arrays, and memory is bounded by the model's size.

import {
  checkArtifact,
  dequantizeIdf,
  HASH_DIGITS,
  ROW_BLOCK,
  START_DIGITS,
  type IntentModelArtifact,
} from "./artifact";
import { decodeBase64Span, readFixedWidth } from "../encoding/base64";

/** Rows per coarse-index entry: a lookup binary-searches the index, then ≤ 5 probes in the string. */
const HASH_BLOCK = 32;

export class PackedRows {
  readonly rows: number;
  private readonly artifact: IntentModelArtifact;
  private readonly blockFirstHash: Float64Array;
  private readonly ready: Uint8Array;
  private readonly starts: Uint32Array;
  private readonly counts: Uint8Array;
  private readonly idfs: Float32Array;
  /** Decoded entries at the artifact's entry offsets: intent index and int8 weight. */
  private readonly entryIntents: Uint8Array;
  private readonly entryWeights: Int8Array;

  constructor(artifact: IntentModelArtifact) {
    checkArtifact(artifact);
    this.artifact = artifact;
    const rows = artifact.rows;
    this.rows = rows;
    this.blockFirstHash = new Float64Array(Math.ceil(rows / HASH_BLOCK));
    for (let b = 0; b < this.blockFirstHash.length; b++) {
      this.blockFirstHash[b] = readFixedWidth(artifact.hashes, b * HASH_BLOCK, HASH_DIGITS);
    }
    this.ready = new Uint8Array(rows);
    this.starts = new Uint32Array(rows);
    this.counts = new Uint8Array(rows);
    this.idfs = new Float32Array(rows);
    this.entryIntents = new Uint8Array(artifact.entries);
    this.entryWeights = new Int8Array(artifact.entries);
  }

  /** Feature hash → row: binary search over the coarse index, then within one block of the string. */
  get(hash: number): number | undefined {
    const first = this.blockFirstHash;
    if (first.length === 0 || hash < first[0]!) return undefined;
    let lo = 0;
    let hi = first.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (first[mid]! <= hash) lo = mid;
      else hi = mid - 1;
    }
    let low = lo * HASH_BLOCK;
    let high = Math.min(this.rows, low + HASH_BLOCK) - 1;
    const hashes = this.artifact.hashes;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const value = readFixedWidth(hashes, mid, HASH_DIGITS);
      if (value < hash) low = mid + 1;
      else if (value > hash) high = mid - 1;
      else return mid;
    }
    return undefined;
  }

  idf(row: number): number {
    if (this.ready[row] === 0) this.decodeRow(row);
    return this.idfs[row]!;
  }

  /** Adds x × (int8 weights of `row`) to scores[intent]; the caller applies the per-intent scales. */
  accumulate(row: number, x: number, scores: Float64Array): void {
    if (this.ready[row] === 0) this.decodeRow(row);
    const intents = this.entryIntents;
    const weights = this.entryWeights;
    for (let k = this.starts[row]!, end = k + this.counts[row]!; k < end; k++) scores[intents[k]!]! += weights[k]! * x;
  }

  private decodeRow(row: number): void {
    const a = this.artifact;
    const blockFirst = row - (row % ROW_BLOCK);
    const counts = decodeBase64Span(a.rowCounts, blockFirst, row + 1);
    let start = readFixedWidth(a.blockStarts, blockFirst / ROW_BLOCK, START_DIGITS);
    for (let r = 0; r < row - blockFirst; r++) start += counts.charCodeAt(r);
    const count = counts.charCodeAt(row - blockFirst);
    const end = start + count;
    if (end > a.entries) throw new Error(`row ${row} runs past the weight entries`);
    const deltas = decodeBase64Span(a.classDeltas, start, end);
    const values = decodeBase64Span(a.values, start, end);
    let intent = -1;
    for (let k = 0; k < count; k++) {
      intent += deltas.charCodeAt(k);
      if (intent >= a.intents.length) throw new Error(`intent index out of range in row ${row}`);
      this.entryIntents[start + k] = intent;
      this.entryWeights[start + k] = values.charCodeAt(k); // an Int8Array store wraps 128…255 to −128…−1
    }
    this.starts[row] = start;
    this.counts[row] = count;
    this.idfs[row] = dequantizeIdf(decodeBase64Span(a.idf, row, row + 1).charCodeAt(0));
    this.ready[row] = 1;
  }
}

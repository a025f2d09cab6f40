// The runtime's view of the artifact's tables: typed-array views over the binary tables, read in
// place. Loading decodes nothing and allocates nothing proportional to the model (a fresh
// isolate's first turn used to pay for decoding and indexing); a row's weights are summed straight
// from its class deltas and int8 values.

import { checkArtifact, dequantizeIdf, ROW_BLOCK, type IntentModelArtifact, type TableViews } from "./artifact";

export class PackedRows {
  readonly rows: number;
  private readonly t: TableViews;
  private readonly classes: number;

  constructor(artifact: IntentModelArtifact) {
    this.t = checkArtifact(artifact);
    this.rows = artifact.rows;
    this.classes = artifact.intents.length;
  }

  /** Feature hash → row: binary search over the sorted hashes. */
  get(hash: number): number | undefined {
    const hashes = this.t.hashes;
    let low = 0;
    let high = hashes.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const value = hashes[mid]!;
      if (value < hash) low = mid + 1;
      else if (value > hash) high = mid - 1;
      else return mid;
    }
    return undefined;
  }

  /** The feature hash of a row (the reranker buckets rows by it). */
  hash(row: number): number {
    return this.t.hashes[row]!;
  }

  /** The reranker's int8 matrices (input, output), when the artifact has one. */
  rerankerTables(): { input: Int8Array; output: Int8Array } | undefined {
    const { rerankInput, rerankOutput } = this.t;
    return rerankInput && rerankOutput ? { input: rerankInput, output: rerankOutput } : undefined;
  }

  idf(row: number): number {
    return dequantizeIdf(this.t.idf[row]!);
  }

  /** Adds x × (int8 weights of `row`) to scores[intent]; the caller applies the per-intent scales. */
  accumulate(row: number, x: number, scores: Float64Array): void {
    const { blockStarts, rowCounts, classDeltas, values } = this.t;
    const blockFirst = row - (row % ROW_BLOCK);
    let start = blockStarts[blockFirst / ROW_BLOCK]!;
    for (let r = blockFirst; r < row; r++) start += rowCounts[r]!;
    const end = start + rowCounts[row]!;
    if (end > values.length) throw new Error(`row ${row} runs past the weight entries`);
    let intent = -1;
    for (let k = start; k < end; k++) {
      intent += classDeltas[k]!;
      if (intent >= this.classes) throw new Error(`intent index out of range in row ${row}`);
      scores[intent]! += values[k]! * x;
    }
  }
}

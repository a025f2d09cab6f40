import { decodeBase64Range } from "../common/base64";

/**
 * The int8 weight matrix (rows × classes, row-major), decoded from the artifact's base64 one row
 * at a time, the first time a query touches that row. A fresh isolate's first turn then decodes
 * the few hundred rows its text needs instead of the whole matrix; after warm-up the dot product
 * reads the same flat Int8Array as before.
 */
export class LazyWeights {
  readonly values: Int8Array;
  private readonly ready: Uint8Array;

  constructor(
    private readonly encoded: string,
    rows: number,
    private readonly classes: number,
  ) {
    this.values = new Int8Array(rows * classes);
    this.ready = new Uint8Array(rows);
  }

  /** Makes sure every listed row is decoded; returns the matrix. */
  rows(indices: ArrayLike<number>): Int8Array {
    for (let k = 0; k < indices.length; k++) {
      const row = indices[k]!;
      if (this.ready[row]) continue;
      const start = row * this.classes;
      decodeBase64Range(this.encoded, start, start + this.classes, this.values);
      this.ready[row] = 1;
    }
    return this.values;
  }
}

/**
 * Feature hash → row by binary search over the artifact's sorted hashes: nothing to build at
 * load (a hash table over every row was a third of the model's load time), and a query's few
 * hundred lookups cost microseconds.
 */
export class SortedRows {
  constructor(private readonly hashes: Uint32Array) {}

  get(hash: number): number | undefined {
    const hashes = this.hashes;
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
}

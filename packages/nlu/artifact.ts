// The on-disk form of the intent model: a JSON object (so `import model from
// "./model/intent-model.json"` works in wrangler, vitest and tsx alike) whose tables are strings the
// runtime reads in place. Nothing is decoded or indexed at load: a fresh isolate's first turn pays
// only for parsing the module and for the few hundred rows its text touches.
//
// - hashes: the sorted feature hashes, six base64 digits each (binary search reads the string);
// - idf, rowCounts: one byte per row (base64);
// - the int8 weight matrix (rows × intents, one scale per intent) stored sparsely, because 83% of
//   its entries quantise to 0: per row, its non-zero entries as class deltas and values (two base64
//   byte streams, entry i at byte i of each), found through blockStarts (the first entry of every
//   ROW_BLOCK-th row, four digits each) plus the rowCounts of the rows before it in its block.

import { base64ByteLength, decodeBase64, encodeBase64, encodeFixedWidth, readFixedWidth } from "../encoding/base64";
import { FEATURE_SCHEME } from "./features";

export const ARTIFACT_FORMAT = "teller-intent-model/2";
/** idf values are stored as round(idf × IDF_STEPS) in one byte. */
export const IDF_STEPS = 16;
/** Rows per blockStarts entry: locating a row sums at most ROW_BLOCK − 1 row counts. */
export const ROW_BLOCK = 16;
export const HASH_DIGITS = 6;
export const START_DIGITS = 4;

export interface IntentModelArtifact {
  format: typeof ARTIFACT_FORMAT;
  /** Bumped whenever training data, features or hyperparameters change. */
  version: string;
  featureScheme: string;
  intents: string[];
  wordWeight: number;
  charWeight: number;
  /** Softmax temperature fitted on the validation split. */
  temperature: number;
  /** Threshold on p(out_of_scope) (fitted on validation data). */
  outOfScopeThreshold: number;
  rows: number;
  /** Non-zero weights in the matrix. */
  entries: number;
  /** Sorted unique uint32 feature hashes, HASH_DIGITS base64 digits each. */
  hashes: string;
  /** One byte per row: round(idf × IDF_STEPS). */
  idf: string;
  /** One byte per row: how many non-zero weights the row has. */
  rowCounts: string;
  /** Index of the first entry of rows 0, ROW_BLOCK, 2 × ROW_BLOCK, …, then `entries`; START_DIGITS digits each. */
  blockStarts: string;
  /** One byte per entry: its intent index minus the previous entry's in the same row (the first: index + 1). */
  classDeltas: string;
  /** One byte per entry: the int8 weight; weight = int8 × scales[intent]. */
  values: string;
  /** Per intent: weight = int8 × scale. */
  scales: number[];
  bias: number[];
  training: Record<string, unknown>;
}

/** The whole model decoded into typed arrays (the trainer's tests and the reference in bench:cold). */
export interface DecodedModel {
  version: string;
  intents: string[];
  hashes: Uint32Array;
  idf: Float32Array;
  /** Dense int8 matrix rows × intents, row-major. */
  weights: Int8Array;
  scales: Float32Array;
  bias: Float32Array;
  wordWeight: number;
  charWeight: number;
  temperature: number;
  outOfScopeThreshold: number;
}

export function quantizeIdf(idf: number): number {
  return Math.max(1, Math.min(255, Math.round(idf * IDF_STEPS)));
}

export function dequantizeIdf(byte: number): number {
  return byte / IDF_STEPS;
}

export type PackedTables = Pick<IntentModelArtifact, "rows" | "entries" | "hashes" | "idf" | "rowCounts" | "blockStarts" | "classDeltas" | "values">;

/** Packs sorted hashes, idf bytes and a dense int8 matrix (rows × classes) into the artifact's tables. */
export function packTables(hashes: Uint32Array, idfBytes: Uint8Array, weights: Int8Array, classes: number): PackedTables {
  const rows = hashes.length;
  if (idfBytes.length !== rows || weights.length !== rows * classes) throw new Error("table sizes disagree");
  if (classes > 255) throw new Error("at most 255 intents fit a row count byte");
  for (let i = 1; i < rows; i++) if (hashes[i]! <= hashes[i - 1]!) throw new Error("hashes must be sorted and unique");
  const rowCounts = new Uint8Array(rows);
  const blockStarts: number[] = [];
  const deltas: number[] = [];
  const values: number[] = [];
  for (let row = 0; row < rows; row++) {
    if (row % ROW_BLOCK === 0) blockStarts.push(values.length);
    let previous = -1;
    for (let c = 0; c < classes; c++) {
      const q = weights[row * classes + c]!;
      if (q === 0) continue;
      deltas.push(c - previous);
      values.push(q & 255);
      previous = c;
      rowCounts[row]!++;
    }
  }
  blockStarts.push(values.length);
  return {
    rows,
    entries: values.length,
    hashes: encodeFixedWidth(hashes, HASH_DIGITS),
    idf: encodeBase64(idfBytes),
    rowCounts: encodeBase64(rowCounts),
    blockStarts: encodeFixedWidth(blockStarts, START_DIGITS),
    classDeltas: encodeBase64(Uint8Array.from(deltas)),
    values: encodeBase64(Uint8Array.from(values)),
  };
}

/**
 * Checks what can be checked without reading the tables (their lengths, the scheme, the last block
 * start): cheap enough for every cold load. Characters outside base64 throw when a row reads them.
 */
export function checkArtifact(artifact: IntentModelArtifact): void {
  if (artifact.format !== ARTIFACT_FORMAT) throw new Error(`not an intent model of this runtime: ${artifact.format}`);
  if (artifact.featureScheme !== FEATURE_SCHEME) {
    throw new Error(`model built for features ${artifact.featureScheme}, runtime has ${FEATURE_SCHEME}`);
  }
  const { rows, entries } = artifact;
  const classes = artifact.intents.length;
  if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(entries) || entries < 0) throw new Error("bad table sizes");
  if (artifact.hashes.length !== rows * HASH_DIGITS) throw new Error("hash table size mismatch");
  if (base64ByteLength(artifact.idf) !== rows) throw new Error("idf table size mismatch");
  if (base64ByteLength(artifact.rowCounts) !== rows) throw new Error("row count table size mismatch");
  const blocks = Math.ceil(rows / ROW_BLOCK) + 1;
  if (artifact.blockStarts.length !== blocks * START_DIGITS) throw new Error("block table size mismatch");
  if (readFixedWidth(artifact.blockStarts, blocks - 1, START_DIGITS) !== entries) throw new Error("block table does not end at the entry count");
  if (base64ByteLength(artifact.classDeltas) !== entries || base64ByteLength(artifact.values) !== entries) {
    throw new Error("weight entries size mismatch");
  }
  if (artifact.scales.length !== classes || artifact.bias.length !== classes) {
    throw new Error("per-intent tables size mismatch");
  }
}

/** Decodes every table into typed arrays, checking each row against the block table. */
export function decodeArtifact(artifact: IntentModelArtifact): DecodedModel {
  checkArtifact(artifact);
  const { rows } = artifact;
  const classes = artifact.intents.length;
  const hashes = new Uint32Array(rows);
  for (let i = 0; i < rows; i++) hashes[i] = readFixedWidth(artifact.hashes, i, HASH_DIGITS);
  const idf = Float32Array.from(decodeBase64(artifact.idf), dequantizeIdf);
  const counts = decodeBase64(artifact.rowCounts);
  const deltas = decodeBase64(artifact.classDeltas);
  const values = decodeBase64(artifact.values);
  const weights = new Int8Array(rows * classes);
  let entry = 0;
  for (let row = 0; row < rows; row++) {
    if (row % ROW_BLOCK === 0 && readFixedWidth(artifact.blockStarts, row / ROW_BLOCK, START_DIGITS) !== entry) {
      throw new Error(`block table disagrees with row counts at row ${row}`);
    }
    let c = -1;
    for (let k = 0; k < counts[row]!; k++, entry++) {
      c += deltas[entry]!;
      if (c >= classes) throw new Error(`intent index out of range in row ${row}`);
      weights[row * classes + c] = (values[entry]! << 24) >> 24;
    }
  }
  if (entry !== artifact.entries) throw new Error("row counts do not add up to the entry count");
  return {
    version: artifact.version,
    intents: artifact.intents,
    hashes,
    idf,
    weights,
    scales: Float32Array.from(artifact.scales),
    bias: Float32Array.from(artifact.bias),
    wordWeight: artifact.wordWeight,
    charWeight: artifact.charWeight,
    temperature: artifact.temperature,
    outOfScopeThreshold: artifact.outOfScopeThreshold,
  };
}


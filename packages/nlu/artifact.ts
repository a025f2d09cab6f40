// The on-disk form of the intent model: two files. `intent-model.json` holds the small header
// (intents, per-intent scales and bias, calibration, training settings); `intent-model.bin` holds
// the tables, little-endian, which the runtime reads in place through typed-array views. The chat
// Worker imports the .bin as a Data module (an ArrayBuffer: nothing to parse at script load, where
// a 3 MB JSON literal cost most of a fresh isolate's first turn); Node tools read both files
// (scripts/nlu/artifact-files.ts).
//
// Tables, in this order, each starting at a multiple of 4 bytes:
// - a 16-byte preamble: magic "TIM3", format revision 3, rows, entries (checked against the header);
// - hashes: the sorted feature hashes, uint32 each (binary search reads them);
// - blockStarts: uint32, the first entry of every ROW_BLOCK-th row, then `entries`;
// - idf, rowCounts: one byte per row;
// - the int8 weight matrix (rows × intents, one scale per intent) stored sparsely, because 83% of
//   its entries quantise to 0: per row, its non-zero entries as class deltas and values (two byte
//   arrays, entry i at byte i of each), found through blockStarts plus the rowCounts of the rows
//   before it in its block;
// - format 4: when the header has a `reranker` (reranker.ts), its int8 matrices follow, aligned to
//   4 bytes: input (buckets × hidden), then output (hidden × its classes).

export const ARTIFACT_FORMAT = "teller-intent-model/4";
/** The preamble's format revision (the magic stays "TIM3": only the tables after it changed). */
const REVISION = 4;
/** idf values are stored as round(idf × IDF_STEPS) in one byte. */
export const IDF_STEPS = 16;
/** Rows per blockStarts entry: locating a row sums at most ROW_BLOCK − 1 row counts. */
export const ROW_BLOCK = 16;
/** "TIM3" read as a little-endian uint32: a big-endian runtime or another file reads something else. */
const MAGIC = 0x334d4954;
const PREAMBLE_BYTES = 16;

import { FEATURE_SCHEME } from "./features";
import type { RerankerHeader } from "./reranker";

/** The JSON half of the artifact. */
export interface IntentModelHeader {
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
  /** Per intent: weight = int8 × scale. */
  scales: number[];
  bias: number[];
  /** Optional second stage (reranker.ts); absent = the linear model alone. */
  reranker?: RerankerHeader;
  training: Record<string, unknown>;
}

/** Header plus the binary tables (the .bin file's bytes). */
export interface IntentModelArtifact extends IntentModelHeader {
  tables: Uint8Array;
}

/** Typed-array views over the tables (no copy unless the bytes are misaligned). */
export interface TableViews {
  hashes: Uint32Array;
  blockStarts: Uint32Array;
  idf: Uint8Array;
  rowCounts: Uint8Array;
  classDeltas: Uint8Array;
  values: Int8Array;
  /** The reranker's matrices, when the header has one. */
  rerankInput?: Int8Array;
  rerankOutput?: Int8Array;
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

export type PackedTables = Pick<IntentModelArtifact, "rows" | "entries" | "tables">;

const align4 = (n: number) => (n + 3) & ~3;

/** Sizes of the reranker's two matrices (0 without one). */
function rerankerSizes(reranker?: RerankerHeader): { input: number; output: number } {
  if (!reranker) return { input: 0, output: 0 };
  return { input: reranker.buckets * reranker.hidden, output: reranker.hidden * reranker.classes.length };
}

/** Byte offsets of each table for a model of `rows` rows and `entries` non-zero weights. */
function layout(rows: number, entries: number, reranker?: RerankerHeader) {
  const blocks = Math.ceil(rows / ROW_BLOCK) + 1;
  const hashes = PREAMBLE_BYTES;
  const blockStarts = hashes + 4 * rows;
  const idf = blockStarts + 4 * blocks;
  const rowCounts = idf + rows;
  const classDeltas = align4(rowCounts + rows);
  const values = align4(classDeltas + entries);
  const sizes = rerankerSizes(reranker);
  const rerankInput = align4(values + entries);
  const rerankOutput = rerankInput + sizes.input;
  const end = reranker ? rerankOutput + sizes.output : values + entries;
  return { blocks, hashes, blockStarts, idf, rowCounts, classDeltas, values, rerankInput, rerankOutput, sizes, end };
}

/** The reranker's header and its int8 matrices, as packTables takes them. */
export interface RerankerTables {
  header: RerankerHeader;
  input: Int8Array;
  output: Int8Array;
}

/**
 * Packs sorted hashes, idf bytes and a dense int8 matrix (rows × classes) into the artifact's
 * tables, followed by the reranker's matrices when there is one.
 */
export function packTables(
  hashes: Uint32Array,
  idfBytes: Uint8Array,
  weights: Int8Array,
  classes: number,
  reranker?: RerankerTables,
): PackedTables {
  const rows = hashes.length;
  if (idfBytes.length !== rows || weights.length !== rows * classes) throw new Error("table sizes disagree");
  if (classes > 255) throw new Error("at most 255 intents fit a row count byte");
  for (let i = 1; i < rows; i++) if (hashes[i]! <= hashes[i - 1]!) throw new Error("hashes must be sorted and unique");
  let entries = 0;
  for (let i = 0; i < weights.length; i++) if (weights[i] !== 0) entries++;
  const at = layout(rows, entries, reranker?.header);
  if (reranker && (reranker.input.length !== at.sizes.input || reranker.output.length !== at.sizes.output)) {
    throw new Error("reranker tables size mismatch");
  }
  const tables = new Uint8Array(at.end);
  const view = new DataView(tables.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, REVISION, true);
  view.setUint32(8, rows, true);
  view.setUint32(12, entries, true);
  let entry = 0;
  for (let row = 0; row < rows; row++) {
    view.setUint32(at.hashes + 4 * row, hashes[row]!, true);
    if (row % ROW_BLOCK === 0) view.setUint32(at.blockStarts + 4 * (row / ROW_BLOCK), entry, true);
    tables[at.idf + row] = idfBytes[row]!;
    let previous = -1;
    let count = 0;
    for (let c = 0; c < classes; c++) {
      const q = weights[row * classes + c]!;
      if (q === 0) continue;
      tables[at.classDeltas + entry] = c - previous;
      tables[at.values + entry] = q & 255;
      previous = c;
      count++;
      entry++;
    }
    tables[at.rowCounts + row] = count;
  }
  view.setUint32(at.blockStarts + 4 * (at.blocks - 1), entries, true);
  if (reranker) {
    tables.set(new Uint8Array(reranker.input.buffer, reranker.input.byteOffset, reranker.input.length), at.rerankInput);
    tables.set(new Uint8Array(reranker.output.buffer, reranker.output.byteOffset, reranker.output.length), at.rerankOutput);
  }
  return { rows, entries, tables };
}

/**
 * Checks what can be checked without reading the tables (the preamble, sizes, the scheme, the last
 * block start) and returns views over them: cheap enough for every cold load.
 */
export function checkArtifact(artifact: IntentModelArtifact): TableViews {
  if (artifact.format !== ARTIFACT_FORMAT) throw new Error(`not an intent model of this runtime: ${artifact.format}`);
  if (artifact.featureScheme !== FEATURE_SCHEME) {
    throw new Error(`model built for features ${artifact.featureScheme}, runtime has ${FEATURE_SCHEME}`);
  }
  const { rows, entries } = artifact;
  const classes = artifact.intents.length;
  if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(entries) || entries < 0) throw new Error("bad table sizes");
  if (artifact.scales.length !== classes || artifact.bias.length !== classes) {
    throw new Error("per-intent tables size mismatch");
  }
  let bytes = artifact.tables;
  const at = layout(rows, entries, artifact.reranker);
  if (bytes.byteLength !== at.end) throw new Error("tables size mismatch");
  // Uint32Array views need 4-byte alignment; a Data module starts aligned, a Node Buffer may not.
  if (bytes.byteOffset % 4 !== 0) bytes = bytes.slice();
  const { buffer, byteOffset } = bytes;
  const preamble = new Uint32Array(buffer, byteOffset, 4);
  if (preamble[0] !== MAGIC || preamble[1] !== REVISION) throw new Error("tables are not an intent model's (or not little-endian)");
  if (preamble[2] !== rows || preamble[3] !== entries) throw new Error("tables belong to another model: size mismatch");
  const views: TableViews = {
    hashes: new Uint32Array(buffer, byteOffset + at.hashes, rows),
    blockStarts: new Uint32Array(buffer, byteOffset + at.blockStarts, at.blocks),
    idf: new Uint8Array(buffer, byteOffset + at.idf, rows),
    rowCounts: new Uint8Array(buffer, byteOffset + at.rowCounts, rows),
    classDeltas: new Uint8Array(buffer, byteOffset + at.classDeltas, entries),
    values: new Int8Array(buffer, byteOffset + at.values, entries),
  };
  if (artifact.reranker) {
    views.rerankInput = new Int8Array(buffer, byteOffset + at.rerankInput, at.sizes.input);
    views.rerankOutput = new Int8Array(buffer, byteOffset + at.rerankOutput, at.sizes.output);
  }
  if (views.blockStarts[at.blocks - 1] !== entries) throw new Error("block table does not end at the entry count");
  return views;
}

/** Decodes every table into typed arrays, checking each row against the block table. */
export function decodeArtifact(artifact: IntentModelArtifact): DecodedModel {
  const t = checkArtifact(artifact);
  const { rows } = artifact;
  const classes = artifact.intents.length;
  const weights = new Int8Array(rows * classes);
  let entry = 0;
  for (let row = 0; row < rows; row++) {
    if (row % ROW_BLOCK === 0 && t.blockStarts[row / ROW_BLOCK] !== entry) {
      throw new Error(`block table disagrees with row counts at row ${row}`);
    }
    let c = -1;
    for (let k = 0; k < t.rowCounts[row]!; k++, entry++) {
      c += t.classDeltas[entry]!;
      if (c >= classes) throw new Error(`intent index out of range in row ${row}`);
      weights[row * classes + c] = t.values[entry]!;
    }
  }
  if (entry !== artifact.entries) throw new Error("row counts do not add up to the entry count");
  return {
    version: artifact.version,
    intents: artifact.intents,
    hashes: Uint32Array.from(t.hashes),
    idf: Float32Array.from(t.idf, dequantizeIdf),
    weights,
    scales: Float32Array.from(artifact.scales),
    bias: Float32Array.from(artifact.bias),
    wordWeight: artifact.wordWeight,
    charWeight: artifact.charWeight,
    temperature: artifact.temperature,
    outOfScopeThreshold: artifact.outOfScopeThreshold,
  };
}

/** The header that goes to intent-model.json (everything but the tables). */
export function artifactHeader(artifact: IntentModelArtifact): IntentModelHeader {
  const { tables: _tables, ...header } = artifact;
  return header;
}

// The on-disk form of the intent model: a JSON object with the weight matrix quantised to int8
// (one scale per class) and the feature hashes delta/varint-encoded, all base64 inside the JSON so
// that `import model from "./model/intent-model.json"` works in wrangler, vitest and tsx alike.

import { base64ByteLength, decodeBase64, encodeBase64 } from "../common/base64";
import { FEATURE_SCHEME } from "./features";

export const ARTIFACT_FORMAT = "teller-intent-model";
/** idf values are stored as round(idf × IDF_STEPS) in one byte. */
export const IDF_STEPS = 16;

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
  /** Below this top probability the answer becomes out_of_scope (fitted on validation data). */
  outOfScopeThreshold: number;
  rows: number;
  /** Sorted uint32 feature hashes, delta + LEB128 varint encoded. */
  hashes: string;
  /** One byte per row: round(idf × IDF_STEPS). */
  idf: string;
  /** Int8 matrix rows × intents, row-major (one row per feature). */
  weights: string;
  /** Per intent: weight = int8 × scale. */
  scales: number[];
  bias: number[];
  training: Record<string, unknown>;
}

export interface DecodedModel {
  version: string;
  intents: string[];
  hashes: Uint32Array;
  idf: Float32Array;
  weights: Int8Array;
  scales: Float32Array;
  bias: Float32Array;
  wordWeight: number;
  charWeight: number;
  temperature: number;
  outOfScopeThreshold: number;
}

export function encodeHashes(sortedHashes: ArrayLike<number>): string {
  const bytes: number[] = [];
  let previous = 0;
  for (let i = 0; i < sortedHashes.length; i++) {
    const h = sortedHashes[i]!;
    let delta = h - previous;
    if (delta < 0 || (i > 0 && delta === 0)) throw new Error("hashes must be sorted and unique");
    previous = h;
    do {
      const low = delta % 128;
      delta = Math.floor(delta / 128);
      bytes.push(delta > 0 ? low | 128 : low);
    } while (delta > 0);
  }
  return encodeBase64(Uint8Array.from(bytes));
}

export function decodeHashes(encoded: string, count: number): Uint32Array {
  const bytes = decodeBase64(encoded);
  const out = new Uint32Array(count);
  let previous = 0;
  let p = 0;
  for (let i = 0; i < count; i++) {
    let delta = 0;
    let multiplier = 1;
    for (;;) {
      const b = bytes[p++];
      if (b === undefined) throw new Error("truncated hash table");
      delta += (b & 127) * multiplier;
      if (b < 128) break;
      multiplier *= 128;
    }
    previous += delta;
    out[i] = previous;
  }
  return out;
}

export function quantizeIdf(idf: number): number {
  return Math.max(1, Math.min(255, Math.round(idf * IDF_STEPS)));
}

export function dequantizeIdf(byte: number): number {
  return byte / IDF_STEPS;
}

export function encodeInt8(values: Int8Array): string {
  return encodeBase64(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
}

export function decodeArtifact(artifact: IntentModelArtifact): DecodedModel {
  const header = decodeArtifactHeader(artifact);
  const weightBytes = decodeBase64(artifact.weights);
  if (weightBytes.length !== artifact.rows * artifact.intents.length) throw new Error("weight matrix size mismatch");
  return { ...header, weights: new Int8Array(weightBytes.buffer, weightBytes.byteOffset, weightBytes.length) };
}

/**
 * Everything but the weight matrix, checked: the runtime decodes weight rows lazily (see
 * lazy-weights.ts), since decoding all of them is most of a fresh isolate's first turn.
 */
export function decodeArtifactHeader(artifact: IntentModelArtifact): Omit<DecodedModel, "weights"> {
  if (artifact.format !== ARTIFACT_FORMAT) throw new Error(`not an intent model: ${artifact.format}`);
  if (artifact.featureScheme !== FEATURE_SCHEME) {
    throw new Error(`model built for features ${artifact.featureScheme}, runtime has ${FEATURE_SCHEME}`);
  }
  const classes = artifact.intents.length;
  const hashes = decodeHashes(artifact.hashes, artifact.rows);
  const idfBytes = decodeBase64(artifact.idf);
  if (idfBytes.length !== artifact.rows) throw new Error("idf table size mismatch");
  if (base64ByteLength(artifact.weights) !== artifact.rows * classes) throw new Error("weight matrix size mismatch");
  if (artifact.scales.length !== classes || artifact.bias.length !== classes) {
    throw new Error("per-intent tables size mismatch");
  }
  const idf = new Float32Array(artifact.rows);
  for (let i = 0; i < idfBytes.length; i++) idf[i] = dequantizeIdf(idfBytes[i]!);
  return {
    version: artifact.version,
    intents: artifact.intents,
    hashes,
    idf,
    scales: Float32Array.from(artifact.scales),
    bias: Float32Array.from(artifact.bias),
    wordWeight: artifact.wordWeight,
    charWeight: artifact.charWeight,
    temperature: artifact.temperature,
    outOfScopeThreshold: artifact.outOfScopeThreshold,
  };
}

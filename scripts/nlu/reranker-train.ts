// Trains the reranker (packages/nlu/reranker.ts): one hidden ReLU layer over the TF-IDF vector
// folded into hashed buckets, softmax over the BANKING77 intents, plain SGD with a linearly
// decaying step, hidden dropout and class-balanced example weights; then int8 quantisation.

import type { RerankerTables } from "../../packages/nlu/artifact";
import type { SparseVector } from "../../packages/nlu/features";
import { bucketOf } from "../../packages/nlu/reranker";
import { seededRandom, shuffleInPlace } from "./dataset";

export interface RerankerConfig {
  /** Hashed input buckets (a power of two): the input matrix is buckets × hidden int8. */
  buckets: number;
  hidden: number;
  epochs: number;
  learningRate: number;
  /** Probability of dropping a hidden unit while training. */
  dropout: number;
  /** Coefficient of the network's log-probabilities at run time. */
  weight: number;
  /** Example weight (mean class size / class size)^classBalance, as the linear learners. */
  classBalance: number;
  /**
   * Distillation from the sentence-encoder teacher's soft labels (soft-labels.ts): a row the
   * teacher labelled is trained towards alpha × teacher + (1 − alpha) × its label, and `copies`
   * perturbed copies of it (the texts the teacher labelled) join training with the same mix.
   * Absent = hard labels only.
   */
  distill?: { alpha: number; copies: number };
}

export interface FloatReranker {
  buckets: number;
  hidden: number;
  /** Indices of the re-ranked intents, in output order. */
  classes: number[];
  input: Float32Array;
  hiddenBias: Float32Array;
  output: Float32Array;
  outputBias: Float32Array;
}

/** The TF-IDF vector folded into the reranker's buckets (colliding features add up). */
export function bucketize(x: SparseVector, hashes: Uint32Array, buckets: number): SparseVector {
  const folded = new Map<number, number>();
  for (let k = 0; k < x.indices.length; k++) {
    const b = bucketOf(hashes[x.indices[k]!]!, buckets);
    folded.set(b, (folded.get(b) ?? 0) + x.values[k]!);
  }
  return { indices: Int32Array.from(folded.keys()), values: Float32Array.from(folded.values()) };
}

/** Trains on the examples whose label is one of `classes` (the others are skipped). */
export function trainReranker(
  vectors: SparseVector[],
  labels: Int32Array,
  hashes: Uint32Array,
  classes: number[],
  config: RerankerConfig,
  seed: number,
  /** Per vector: a target distribution over `classes` replacing the one-hot label (soft labels). */
  targets?: (Float32Array | undefined)[],
): FloatReranker {
  const { buckets, hidden: H, epochs, dropout } = config;
  const C = classes.length;
  const position = new Map(classes.map((c, k) => [c, k]));
  const xs: SparseVector[] = [];
  const ys: number[] = [];
  const soft: (Float32Array | undefined)[] = [];
  vectors.forEach((x, i) => {
    const k = position.get(labels[i]!);
    if (k === undefined) return;
    xs.push(bucketize(x, hashes, buckets));
    ys.push(k);
    soft.push(targets?.[i]);
  });
  const random = seededRandom(seed * 31 + 5);
  const input = Float32Array.from({ length: buckets * H }, () => (random() * 2 - 1) * 0.3);
  const hiddenBias = new Float32Array(H).fill(0.01);
  const a = Math.sqrt(6 / (H + C));
  const output = Float32Array.from({ length: H * C }, () => (random() * 2 - 1) * a);
  const outputBias = new Float32Array(C);

  const counts = new Float64Array(C);
  for (const y of ys) counts[y]!++;
  const present = counts.filter((n) => n > 0);
  const mean = present.reduce((s, n) => s + n, 0) / Math.max(1, present.length);
  const order = Array.from(xs.keys());
  const h = new Float64Array(H);
  const mask = new Float64Array(H);
  const gh = new Float64Array(H);
  const z = new Float64Array(C);
  const total = epochs * xs.length;
  let t = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const i of order) {
      const x = xs[i]!;
      const y = ys[i]!;
      const lr = config.learningRate * (1 - t++ / total) + config.learningRate * 0.02;
      const w = Math.pow(mean / counts[y]!, config.classBalance);
      for (let j = 0; j < H; j++) h[j] = hiddenBias[j]!;
      for (let k = 0; k < x.indices.length; k++) {
        const base = x.indices[k]! * H;
        const v = x.values[k]!;
        for (let j = 0; j < H; j++) h[j]! += input[base + j]! * v;
      }
      for (let j = 0; j < H; j++) {
        mask[j] = dropout > 0 ? (random() < dropout ? 0 : 1 / (1 - dropout)) : 1;
        h[j] = h[j]! > 0 ? h[j]! * mask[j]! : 0;
      }
      for (let c = 0; c < C; c++) z[c] = outputBias[c]!;
      for (let j = 0; j < H; j++) {
        if (h[j] === 0) continue;
        const base = j * C;
        for (let c = 0; c < C; c++) z[c]! += output[base + c]! * h[j]!;
      }
      // z becomes the weighted gradient of the cross-entropy w.r.t. the logits.
      let max = -Infinity;
      for (let c = 0; c < C; c++) max = Math.max(max, z[c]!);
      let sum = 0;
      for (let c = 0; c < C; c++) sum += z[c] = Math.exp(z[c]! - max);
      for (let c = 0; c < C; c++) z[c] = (z[c]! / sum) * w;
      const target = soft[i];
      if (target) for (let c = 0; c < C; c++) z[c]! -= w * target[c]!;
      else z[y]! -= w;
      for (let j = 0; j < H; j++) {
        gh[j] = 0;
        if (h[j] === 0) continue;
        const base = j * C;
        let g = 0;
        for (let c = 0; c < C; c++) g += output[base + c]! * z[c]!;
        gh[j] = g * mask[j]!;
        for (let c = 0; c < C; c++) output[base + c]! -= lr * z[c]! * h[j]!;
      }
      for (let c = 0; c < C; c++) outputBias[c]! -= lr * z[c]!;
      for (let k = 0; k < x.indices.length; k++) {
        const base = x.indices[k]! * H;
        const v = x.values[k]!;
        for (let j = 0; j < H; j++) if (gh[j] !== 0) input[base + j]! -= lr * gh[j]! * v;
      }
      for (let j = 0; j < H; j++) hiddenBias[j]! -= lr * gh[j]!;
    }
  }
  return { buckets, hidden: H, classes, input, hiddenBias, output, outputBias };
}

function quantizeTensor(a: Float32Array): { q: Int8Array; scale: number } {
  let max = 0;
  for (const v of a) max = Math.max(max, Math.abs(v));
  const scale = max > 0 ? Math.fround(max / 127) : 1;
  return { q: Int8Array.from(a, (v) => Math.round(v / scale)), scale };
}

/** Per-matrix symmetric int8 quantisation into what packTables stores. */
export function quantizeReranker(r: FloatReranker, weight: number): RerankerTables {
  const input = quantizeTensor(r.input);
  const output = quantizeTensor(r.output);
  return {
    header: {
      buckets: r.buckets,
      hidden: r.hidden,
      classes: r.classes,
      weight,
      inputScale: input.scale,
      outputScale: output.scale,
      hiddenBias: Array.from(r.hiddenBias, (b) => Math.fround(b)),
      outputBias: Array.from(r.outputBias, (b) => Math.fround(b)),
    },
    input: input.q,
    output: output.q,
  };
}

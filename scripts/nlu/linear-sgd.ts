// One linear learner over the shared TF-IDF features, trained with plain SGD (seeded shuffling,
// Bottou's 1/t schedule, L2 via a global weight scale so updates stay sparse): softmax
// cross-entropy or a one-vs-rest squared hinge, optionally NB-scaled. trainer.ts sums these into
// the ensemble; calibration.ts calibrates the sum.

import type { SparseVector } from "../../packages/nlu/features";
import { seededRandom, shuffleInPlace } from "./dataset";

export interface LinearLearner {
  /** logistic: softmax cross-entropy; squared_hinge: one-vs-rest L2-SVM (like LinearSVC). */
  loss: "logistic" | "squared_hinge";
  epochs: number;
  /** L2 strength per example. */
  lambda: number;
  learningRate: number;
  /** Coefficient of this learner's scores in the ensemble sum. */
  weight: number;
  /** Which feature block this learner sees (default both): word-only + char-only ensembles. */
  block?: "word" | "char";
  /** Average the weights snapshotted at the end of each of the last N epochs (tail-averaged SGD). */
  averageEpochs?: number;
  /** Per-example loss weight (mean class size / class size)^classBalance; 0 or absent = unweighted. */
  classBalance?: number;
  /** Logistic only: target distribution puts 1 − ε on the label, ε spread over the other classes. */
  labelSmoothing?: number;
  /**
   * NB-SVM (Wang & Manning 2012): class c sees x ⊙ r_c, r_c the log-count ratio of the feature in
   * class c vs the rest (smoothing α = nbAlpha). Scores stay linear in x (weights folded with r),
   * so the shipped artifact is unchanged in shape.
   */
  nbAlpha?: number;
}

export interface FloatModel {
  rows: number;
  classes: number;
  /** rows × classes, row-major. */
  weights: Float32Array;
  bias: Float32Array;
}

export function scoreLogits(model: FloatModel, x: SparseVector, out: Float64Array): void {
  const C = model.classes;
  for (let c = 0; c < C; c++) out[c] = model.bias[c]!;
  for (let k = 0; k < x.indices.length; k++) {
    const base = x.indices[k]! * C;
    const v = x.values[k]!;
    for (let c = 0; c < C; c++) out[c]! += model.weights[base + c]! * v;
  }
}

export function softmaxInPlace(z: Float64Array, inverseTemperature = 1): void {
  let max = -Infinity;
  for (let c = 0; c < z.length; c++) {
    z[c]! *= inverseTemperature;
    if (z[c]! > max) max = z[c]!;
  }
  let sum = 0;
  for (let c = 0; c < z.length; c++) {
    z[c] = Math.exp(z[c]! - max);
    sum += z[c]!;
  }
  for (let c = 0; c < z.length; c++) z[c]! /= sum;
}

export function trainLogisticRegression(
  vectors: SparseVector[],
  labels: Int32Array,
  rows: number,
  classes: number,
  config: LinearLearner,
  seed: number,
  /** Per-example loss weights from the data (TrainConfig.clincWeights), multiplied into the class balance. */
  sampleWeight?: Float64Array,
  /** What the class balance counts sizes of (default: the label); see TrainConfig.balanceBySource. */
  balanceGroup?: Int32Array,
): FloatModel {
  const weights = new Float32Array(rows * classes);
  const bias = new Float32Array(classes);
  const order = Array.from(vectors.keys());
  const random = seededRandom(seed);
  const z = new Float64Array(classes);
  const { lambda, learningRate } = config;
  let scale = 1; // true weights = scale × weights
  let t = 0;
  const exampleWeight = new Float64Array(labels.length).fill(1);
  if (config.classBalance) {
    const group = balanceGroup ?? labels;
    const counts = new Float64Array(group.reduce((m, g) => Math.max(m, g + 1), classes));
    for (const g of group) counts[g]!++;
    const present = counts.filter((n) => n > 0);
    const mean = present.reduce((a, b) => a + b, 0) / present.length;
    group.forEach((g, i) => (exampleWeight[i] = Math.pow(mean / counts[g]!, config.classBalance!)));
  }
  if (sampleWeight) exampleWeight.forEach((w, i) => (exampleWeight[i] = w * sampleWeight[i]!));
  const smoothing = config.labelSmoothing ?? 0;
  const averageFrom = config.averageEpochs ? Math.max(0, config.epochs - config.averageEpochs) : config.epochs;
  const sumWeights = averageFrom < config.epochs ? new Float64Array(rows * classes) : undefined;
  const sumBias = new Float64Array(classes);
  const ratio = config.nbAlpha ? nbRatios(vectors, labels, rows, classes, config.nbAlpha) : undefined;
  for (let epoch = 0; epoch < config.epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const i of order) {
      const x = vectors[i]!;
      const y = labels[i]!;
      const eta = learningRate / (1 + learningRate * lambda * t++);
      for (let c = 0; c < classes; c++) z[c] = 0;
      for (let k = 0; k < x.indices.length; k++) {
        const base = x.indices[k]! * classes;
        const v = x.values[k]!;
        if (ratio) for (let c = 0; c < classes; c++) z[c]! += weights[base + c]! * ratio[base + c]! * v;
        else for (let c = 0; c < classes; c++) z[c]! += weights[base + c]! * v;
      }
      for (let c = 0; c < classes; c++) z[c] = z[c]! * scale + bias[c]!;
      // Turn z into the gradient of the loss w.r.t. the scores.
      if (config.loss === "logistic") {
        softmaxInPlace(z);
        if (smoothing > 0) for (let c = 0; c < classes; c++) z[c]! -= smoothing / (classes - 1);
        z[y]! -= 1 - (smoothing > 0 ? smoothing + smoothing / (classes - 1) : 0);
      } else {
        for (let c = 0; c < classes; c++) {
          const target = c === y ? 1 : -1;
          const slack = 1 - target * z[c]!;
          z[c] = slack > 0 ? -2 * target * slack : 0;
        }
      }
      const w = exampleWeight[i]!;
      if (w !== 1) for (let c = 0; c < classes; c++) z[c]! *= w;
      scale *= 1 - eta * lambda;
      const step = eta / scale;
      for (let k = 0; k < x.indices.length; k++) {
        const base = x.indices[k]! * classes;
        const v = x.values[k]! * step;
        if (ratio) for (let c = 0; c < classes; c++) weights[base + c]! -= z[c]! * ratio[base + c]! * v;
        else for (let c = 0; c < classes; c++) weights[base + c]! -= z[c]! * v;
      }
      for (let c = 0; c < classes; c++) bias[c]! -= eta * 0.1 * z[c]!;
      if (scale < 1e-6) {
        for (let j = 0; j < weights.length; j++) weights[j]! *= scale;
        scale = 1;
      }
    }
    if (sumWeights && epoch >= averageFrom) {
      for (let j = 0; j < weights.length; j++) sumWeights[j]! += weights[j]! * scale;
      for (let c = 0; c < classes; c++) sumBias[c]! += bias[c]!;
    }
  }
  if (sumWeights) {
    const n = config.epochs - averageFrom;
    for (let j = 0; j < weights.length; j++) weights[j] = sumWeights[j]! / n;
    for (let c = 0; c < classes; c++) bias[c] = sumBias[c]! / n;
  } else {
    for (let j = 0; j < weights.length; j++) weights[j]! *= scale;
  }
  // Fold the NB ratios into the weights: w_c · (r_c ⊙ x) = (w_c ⊙ r_c) · x.
  if (ratio) for (let j = 0; j < weights.length; j++) weights[j]! *= ratio[j]!;
  return { rows, classes, weights, bias };
}

/** NB log-count ratios r[row × classes + c] = log((p_c / |p_c|₁) / (q_c / |q_c|₁)), one-vs-rest. */
function nbRatios(vectors: SparseVector[], labels: Int32Array, rows: number, classes: number, alpha: number): Float32Array {
  const perClass = new Float64Array(rows * classes);
  const total = new Float64Array(rows);
  for (let i = 0; i < vectors.length; i++) {
    const x = vectors[i]!;
    const y = labels[i]!;
    for (let k = 0; k < x.indices.length; k++) {
      const row = x.indices[k]!;
      const v = x.values[k]!;
      perClass[row * classes + y]! += v;
      total[row]! += v;
    }
  }
  const pSum = new Float64Array(classes);
  let grand = 0;
  for (let r = 0; r < rows; r++) {
    grand += total[r]! + alpha;
    for (let c = 0; c < classes; c++) pSum[c]! += perClass[r * classes + c]! + alpha;
  }
  const ratio = new Float32Array(rows * classes);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < classes; c++) {
      const p = perClass[r * classes + c]! + alpha;
      const q = total[r]! - perClass[r * classes + c]! + alpha;
      ratio[r * classes + c] = Math.log(p / pSum[c]! / (q / (grand - pSum[c]! + alpha * rows)));
    }
  }
  return ratio;
}

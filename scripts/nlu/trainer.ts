// Multinomial logistic regression over the shared TF-IDF features, trained with plain SGD
// (seeded shuffling, Bottou's 1/t schedule, L2 via a global weight scale so updates stay sparse),
// then calibrated with a temperature and quantised into the artifact format.

import {
  ARTIFACT_FORMAT,
  dequantizeIdf,
  packTables,
  quantizeIdf,
  type IntentModelArtifact,
} from "../../packages/nlu/artifact";
import {
  FEATURE_SCHEME,
  featureHashes,
  smoothIdf,
  vectorizeHashes,
  type FeatureIndex,
  type SparseVector,
} from "../../packages/nlu/features";
import { BANKING77_INTENTS } from "../../packages/contract/intents";
import { seededRandom, shuffleInPlace, type Example } from "./dataset";
import type { Batch4Kind } from "./example";
import { quantizeReranker, trainReranker, type FloatReranker, type RerankerConfig } from "./reranker-train";
import { distillationSet, type SoftLabelSection } from "./soft-labels";

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

export interface TrainConfig {
  seed: number;
  /** Drop n-grams seen in fewer training documents than this. */
  minDf: number;
  wordWeight: number;
  charWeight: number;
  /** Augmented copies per training example, by source (see augment.ts). */
  augmentation: Partial<Record<Example["source"], number>>;
  /** Paraphrase copies (word dropout / thesaurus swaps, see augment.ts) per training example, by source. */
  paraphrase?: Partial<Record<Example["source"], number>>;
  /** Word dropout probability of the paraphrase copies (default 0.15). */
  paraphraseDropout?: number;
  /** Small-talk-wrapped copies per training request, by source (fractions allowed; augment.ts). */
  smallTalkWrap?: Partial<Record<Example["source"], number>>;
  /** Fraction of CLINC150's out-of-domain training rows kept (deterministic; default all). */
  clincOosKeep?: number;
  /** CLINC150's own `oos_train` rows all kept, clincOosKeep thinning only the other domains' rows. */
  keepClincOosRows?: boolean;
  /** Augmented copies (a typo or a politeness wrapper, augment.ts) of each CLINC150 `oos` training row kept. */
  clincOosRowCopies?: number;
  /** Weight of each CLINC150 `oos` validation row when the out-of-scope threshold is chosen (evaluate.ts chooseThreshold; default 1). */
  thresholdOosWeight?: number;
  /** Train on the training-only out-of-scope lines of data/out-of-scope-extra.ts (wave 9; absent = off). */
  outOfScopeExtra?: boolean;
  /** Train on these kinds of the fourth batch of training-only lines (nlu12: data/action-extra-4.ts, data/out-of-scope-extra-2.ts; absent = none). */
  batch4?: Batch4Kind[];
  /**
   * nlu13: augmented copies (typo / politeness wrapper, augment.ts) of each fourth-batch line trained,
   * and no small-talk-wrapped copies of them; absent = the copies of the rest of their source
   * (actions 4 + 1 wrapped, out of scope 2).
   */
  batch4Copies?: number;
  /** nlu13: loss weight of the fourth-batch lines and their copies (multiplied into the class balance); absent = 1. */
  batch4Weight?: number;
  /**
   * Logit adjustment (Menon et al. 2021): after training, each in-scope intent's bias is lowered by
   * τ × log(its share of the training examples) in calibrated-logit units, so the intents with many
   * (augmented) examples — CLINC150's and our own — stop pulling BANKING77 questions towards them.
   * out_of_scope keeps its bias (its size is what makes the reject class work). 0 or absent = off;
   * a list = the τ chosen on validation (pipeline.ts: chooseLogitAdjustment).
   */
  logitAdjustment?: number | number[];
  /**
   * Loss weight of CLINC150 training rows (and their augmented copies) by CLINC intent; absent = 1,
   * 0 = the rows are left out of training (they are still scored on validation through the mapping).
   */
  clincWeights?: Record<string, number>;
  /**
   * Class balance counts a class's CLINC150 rows and its other rows as two groups, so that the
   * BANKING77 rows of a label CLINC150 also maps onto weigh as much as any other BANKING77 row.
   */
  balanceBySource?: boolean;
  /**
   * Each learner trained this many times with different shuffling seeds and averaged (bagging over
   * SGD orders; still one linear model). Absent = 1.
   */
  bags?: number;
  /**
   * Linear learners over the same features; the sum of linear models is a linear model, so the
   * ensemble ships as one weight matrix and costs nothing extra per query.
   */
  learners: LinearLearner[];
  /**
   * Second stage over the BANKING77 intents (packages/nlu/reranker.ts), trained on the rows
   * labelled with one of them (BANKING77's and CLINC150's mapped onto them); absent = none.
   */
  reranker?: RerankerConfig;
}

export const DEFAULT_CONFIG: TrainConfig = {
  seed: 7,
  minDf: 2,
  wordWeight: 1,
  charWeight: 1,
  augmentation: { action: 4, out_of_domain: 2, clinc: 1 },
  // No wrapped BANKING77 copies since wave 4 (the runtime strips small talk before classifying):
  // chosen on validation together with the SVM change below.
  smallTalkWrap: { action: 1, clinc: 0.5, banking77: 0 },
  // Wave 8b: every CLINC150 other-domain training row (was every second: the other half was not
  // used at all), CLINC's own oos rows with 3 augmented copies each, and those rows weighted 5× when
  // the threshold is chosen. Validation, seeds 7 / 8: oos rows rejected 90 → 93% / 89 → 92%, all out
  // of domain 96.99 → 97.67% / 96.91 → 97.63%, CLINC150 bank and own actions −1 row each (README).
  clincOosKeep: 1,
  clincOosRowCopies: 3,
  // Wave 9: ~730 training-only out-of-scope lines on topics outside banking and CLINC150's intents
  // (data/out-of-scope-extra.ts), and the oos rows weighted 12.5× (was 5×) when the threshold is
  // chosen. Validation, seeds 7 / 8: oos rows rejected 93 → 95% / 92 → 95%, own out-of-domain
  // 97.14 → 100%, all out of domain 97.67 → 97.59% / 97.63 → 97.71%, BANKING77 accepted
  // 99.20 → 99.10% / 99.00 → 99.10% (README, "Wave 9").
  outOfScopeExtra: true,
  thresholdOosWeight: 12.5,
  // nlu12: the fourth batch (data/action-extra-4.ts, data/out-of-scope-extra-2.ts) is not trained:
  // with it the logit adjustment chosen on validation moves 0 → 0.25, which buys BANKING77 with
  // rejection +0.3 but costs own actions, wrapped and in-scope acceptance, and the refit missed 24
  // lines of older probes it had right, most of them actions ("I want to transfer money, can you
  // help me?").
  // At τ 0 the batch loses BANKING77 0.3 points (README, "Wave 3, nlu12").
  // nlu13: with one augmented copy per line and no wrapped copy (batch4Copies 1) validation keeps
  // τ 0 and the refit loses 3 older-probe lines for 2 gained (nlu12's: 24 for 2), probe 9 248 → 251;
  // still not shipped: seed 8 in-scope accepted −3 rows, and 3 lost > 2 gained (README, "Wave 3, nlu13").
  // Chosen on validation: logistic regression keeps p(out_of_scope) well calibrated, the
  // one-vs-rest L2-SVM adds accuracy on close intents. Weighted 1:8 (was 1:3; 1:20 gains a little
  // more accuracy but brings accept/reject down to ~95.5%) and both tail-averaged over the last
  // epochs: +0.4 points validation on seeds 7 and 8 (see the README's table).
  // Both learners weight examples by (mean class size / class size)^0.5: since CLINC150 and 20 new
  // intents joined, the big Teller classes pulled BANKING77 questions (validation: BANKING77 closed
  // 88.56% → 89.35%, with rejection 87.26% → 88.76%, CLINC150 bank intents unchanged at 92.83%).
  // Wave 4: the SVM with half the L2 (5e-5), 16 epochs averaged over the last 6, and no wrapped
  // BANKING77 copies: on seeds 7 and 8 every validation figure at least as good as before
  // (BANKING77 closed +0.2, with rejection +0.5, CLINC150 bank +0.3, wrapped +0.3; README).
  learners: [
    { loss: "logistic", epochs: 15, lambda: 2e-5, learningRate: 2, weight: 1, averageEpochs: 5, classBalance: 0.5 },
    { loss: "squared_hinge", epochs: 16, lambda: 5e-5, learningRate: 0.1, weight: 8, averageEpochs: 6, classBalance: 0.5 },
  ],
  logitAdjustment: [0, 0.25, 0.5],
  // Wave 6: a hashed-bucket network (8,192 × 32, int8) re-ranks inside the BANKING77 mass when the
  // linear model's best in-scope intent is a BANKING77 one. Validation, seeds 7 / 8 (README):
  // BANKING77 closed +0.4 / +0.7, with rejection +0.5 / +0.8, every other source within a row or two.
  // Wave 7 tried distilling a sentence-encoder teacher into it (`distill`, README): +0.8 / +0.2
  // validation on seeds 7 / 8 but −0.4 on the held-out slice, inside the noise: not kept.
  reranker: { buckets: 8192, hidden: 32, epochs: 12, learningRate: 0.05, dropout: 0.3, weight: 0.5, classBalance: 0.5 },
};

export interface Vocabulary {
  hashes: Uint32Array;
  idfBytes: Uint8Array;
  index: FeatureIndex;
  /** Per row: bit 1 = seen as a word n-gram, bit 2 = seen as a character n-gram. */
  rowBlocks: Uint8Array;
}

export function buildVocabulary(texts: string[], config: TrainConfig): Vocabulary {
  const df = new Map<number, number>();
  const blocks = new Map<number, number>();
  for (const text of texts) {
    const { word, char } = featureHashes(text);
    for (const h of new Set([...word, ...char])) df.set(h, (df.get(h) ?? 0) + 1);
    for (const h of word) blocks.set(h, (blocks.get(h) ?? 0) | 1);
    for (const h of char) blocks.set(h, (blocks.get(h) ?? 0) | 2);
  }
  const kept = [...df.entries()].filter(([, n]) => n >= config.minDf).map(([h]) => h);
  const hashes = Uint32Array.from(kept).sort();
  const idfBytes = new Uint8Array(hashes.length);
  const idf = new Float32Array(hashes.length);
  const rowOf = new Map<number, number>();
  const rowBlocks = new Uint8Array(hashes.length);
  hashes.forEach((h, row) => {
    rowBlocks[row] = blocks.get(h)!;
    // Train on the same quantised idf the runtime will read back.
    idfBytes[row] = quantizeIdf(smoothIdf(texts.length, df.get(h)!));
    idf[row] = dequantizeIdf(idfBytes[row]!);
    rowOf.set(h, row);
  });
  return {
    hashes,
    idfBytes,
    rowBlocks,
    index: { rowOf, idf: (row) => idf[row]!, wordWeight: config.wordWeight, charWeight: config.charWeight },
  };
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

function softmaxInPlace(z: Float64Array, inverseTemperature = 1): void {
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

/** Temperature minimising validation negative log-likelihood (grid search, deterministic). */
export function fitTemperature(model: FloatModel, vectors: SparseVector[], labels: Int32Array): number {
  const logits = vectors.map((x) => {
    const z = new Float64Array(model.classes);
    scoreLogits(model, x, z);
    return z;
  });
  let best = 1;
  let bestLoss = Infinity;
  const z = new Float64Array(model.classes);
  // Log-spaced 0.02 … 5: margin losses give small raw scores and need temperatures well below 1.
  for (let step = 0; step <= 80; step++) {
    const T = Number((0.02 * Math.pow(250, step / 80)).toPrecision(3));
    let loss = 0;
    logits.forEach((l, i) => {
      z.set(l);
      softmaxInPlace(z, 1 / T);
      loss -= Math.log(Math.max(z[labels[i]!]!, 1e-12));
    });
    if (loss < bestLoss) {
      bestLoss = loss;
      best = T;
    }
  }
  return best;
}

/** Per-class symmetric int8 quantisation: weight ≈ q × scale, q in [-127, 127]. */
export function quantize(model: FloatModel): { q: Int8Array; scales: number[] } {
  const { rows, classes, weights } = model;
  const scales: number[] = [];
  for (let c = 0; c < classes; c++) {
    let max = 0;
    for (let r = 0; r < rows; r++) max = Math.max(max, Math.abs(weights[r * classes + c]!));
    scales.push(max > 0 ? Math.fround(max / 127) : 1);
  }
  const q = new Int8Array(rows * classes);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < classes; c++) {
      q[r * classes + c] = Math.round(weights[r * classes + c]! / scales[c]!);
    }
  }
  return { q, scales };
}

export function vectorizeAll(examples: Example[], index: FeatureIndex): SparseVector[] {
  return examples.map((e) => vectorizeHashes(featureHashes(e.text), index));
}

export function labelsOf(examples: Example[], intents: string[]): Int32Array {
  const position = new Map(intents.map((name, i) => [name, i]));
  return Int32Array.from(examples, (e) => {
    const i = position.get(e.intent);
    if (i === undefined) throw new Error(`unknown intent ${e.intent}`);
    return i;
  });
}

/** The part of a vector in the given feature block(s). */
function restrict(x: SparseVector, rowBlocks: Uint8Array, bit: number): SparseVector {
  const keep: number[] = [];
  for (let k = 0; k < x.indices.length; k++) if ((rowBlocks[x.indices[k]!]! & bit) !== 0) keep.push(k);
  return {
    indices: Int32Array.from(keep, (k) => x.indices[k]!),
    values: Float32Array.from(keep, (k) => x.values[k]!),
  };
}

export interface TrainedModel {
  vocabulary: Vocabulary;
  model: FloatModel;
  intents: string[];
  /** Labels of the (augmented) training examples, in `intents` order. */
  labels: Int32Array;
  reranker?: FloatReranker;
}

/** The weight of each example from TrainConfig.clincWeights, or undefined when every weight is 1. */
export function sampleWeights(train: Example[], config: TrainConfig): Float64Array | undefined {
  const weights = config.clincWeights ?? {};
  const batch4 = config.batch4Weight ?? 1;
  if (Object.keys(weights).length === 0 && batch4 === 1) return undefined;
  return Float64Array.from(train, (e) =>
    e.batch4 !== undefined ? batch4 : e.source === "clinc" && e.clincIntent ? (weights[e.clincIntent] ?? 1) : 1,
  );
}

/**
 * `soft`: the teacher's soft labels the reranker may learn from (config.reranker.distill); the
 * caller passes only a section cross-fitted without the rows it will be evaluated on.
 */
export function trainModel(all: Example[], intents: string[], config: TrainConfig, soft?: SoftLabelSection): TrainedModel {
  const dropped = config.clincWeights ?? {};
  const train = all.filter((e) => !(e.source === "clinc" && e.clincIntent && dropped[e.clincIntent] === 0));
  const vocabulary = buildVocabulary(
    train.filter((e) => !e.paraphrase).map((e) => e.text),
    config,
  );
  const vectors = vectorizeAll(train, vocabulary.index);
  const labels = labelsOf(train, intents);
  const weights = sampleWeights(train, config);
  const groups = config.balanceBySource
    ? Int32Array.from(train, (e, i) => labels[i]! * 2 + (e.source === "clinc" ? 1 : 0))
    : undefined;
  const rows = vocabulary.hashes.length;
  const model: FloatModel = {
    rows,
    classes: intents.length,
    weights: new Float32Array(rows * intents.length),
    bias: new Float32Array(intents.length),
  };
  const bags = config.bags ?? 1;
  for (let b = 0; b < bags; b++) {
    config.learners.forEach((learner, i) => {
      const bit = learner.block === "word" ? 1 : learner.block === "char" ? 2 : 3;
      const seen = learner.block === undefined ? vectors : vectors.map((x) => restrict(x, vocabulary.rowBlocks, bit));
      const member = trainLogisticRegression(seen, labels, rows, intents.length, learner, config.seed + i + 1000 * b, weights, groups);
      const w = learner.weight / bags;
      for (let j = 0; j < model.weights.length; j++) model.weights[j]! += w * member.weights[j]!;
      for (let c = 0; c < model.classes; c++) model.bias[c]! += w * member.bias[c]!;
    });
  }
  const b77 = BANKING77_INTENTS.map((name) => intents.indexOf(name));
  const distill = config.reranker?.distill;
  const teacherClass = new Map(b77.map((c, k) => [c, k]));
  const set =
    distill
      ? distillationSet(train.map((e) => (e.augmented ? undefined : e.text)), vectors, labels, (y) => teacherClass.get(y), b77.length, soft, distill, (text) =>
          vectorizeHashes(featureHashes(text), vocabulary.index),
        )
      : { vectors, labels, targets: undefined };
  const reranker = config.reranker
    ? trainReranker(set.vectors, set.labels, vocabulary.hashes, b77, config.reranker, config.seed, set.targets)
    : undefined;
  return { vocabulary, model, intents, labels, ...(reranker ? { reranker } : {}) };
}

/**
 * Lowers each in-scope intent's bias by τ × temperature × (log of its share of `labels` − the mean
 * over in-scope intents), in place; intents absent from training and `keep` are left alone.
 */
export function adjustLogits(model: FloatModel, labels: Int32Array, tau: number, temperature: number, keep: number): void {
  if (!tau) return;
  const counts = new Float64Array(model.classes);
  for (const y of labels) counts[y]!++;
  const logShare: number[] = [];
  for (let c = 0; c < model.classes; c++) if (c !== keep && counts[c]! > 0) logShare.push(Math.log(counts[c]! / labels.length));
  const mean = logShare.reduce((a, b) => a + b, 0) / Math.max(1, logShare.length);
  for (let c = 0; c < model.classes; c++) {
    if (c === keep || counts[c] === 0) continue;
    model.bias[c]! -= tau * temperature * (Math.log(counts[c]! / labels.length) - mean);
  }
}

export function toArtifact(
  trained: TrainedModel,
  calibration: { temperature: number; outOfScopeThreshold: number },
  version: string,
  config: TrainConfig,
): IntentModelArtifact {
  const { q, scales } = quantize(trained.model);
  const reranker = trained.reranker && config.reranker ? quantizeReranker(trained.reranker, config.reranker.weight) : undefined;
  return {
    format: ARTIFACT_FORMAT,
    version,
    featureScheme: FEATURE_SCHEME,
    intents: trained.intents,
    wordWeight: config.wordWeight,
    charWeight: config.charWeight,
    temperature: calibration.temperature,
    outOfScopeThreshold: calibration.outOfScopeThreshold,
    ...packTables(trained.vocabulary.hashes, trained.vocabulary.idfBytes, q, trained.intents.length, reranker),
    scales,
    bias: Array.from(trained.model.bias, (b) => Math.fround(b)),
    ...(reranker ? { reranker: reranker.header } : {}),
    training: { ...config, learners: config.learners.map((l) => ({ ...l })), ...(config.reranker ? { reranker: { ...config.reranker } } : {}) },
  };
}

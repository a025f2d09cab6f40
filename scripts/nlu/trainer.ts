// Multinomial logistic regression over the shared TF-IDF features: the training recipe
// (TrainConfig, DEFAULT_CONFIG), the vocabulary, the ensemble of linear learners (each trained with
// plain SGD in linear-sgd.ts, calibrated in calibration.ts) and its quantisation into the artifact
// format.

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
import type { Example } from "./dataset";
import type { Batch4Kind } from "./example";
import { trainLogisticRegression, type FloatModel, type LinearLearner } from "./linear-sgd";
import { quantizeReranker, trainReranker, type FloatReranker, type RerankerConfig } from "./reranker-train";
import { distillationSet, type SoftLabelSection } from "./soft-labels";

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

// The whole offline training run: split → train → calibrate on validation → refit → artifact.
// Pure function of its inputs (no clock, no randomness beyond the seed), so two runs with the
// same seed and data produce byte-identical artifacts.

import type { IntentModelArtifact } from "../../packages/nlu/artifact";
import { ACTION_INTENTS, ALL_INTENTS, OUT_OF_SCOPE } from "../../packages/contract/intents";
import { createIntentModel } from "../../packages/nlu/model";
import { augment, paraphrase, wrapInSmallTalk } from "./augment";
import type { Example, Split } from "./dataset";
import { loadSoftLabels, type SoftLabels } from "./soft-labels";
import { chooseThreshold, pct, predictAll, scorePredictions, type SliceMetrics } from "./evaluate";
import { adjustLogits, fitTemperature } from "./calibration";
import {
  labelsOf,
  toArtifact,
  trainModel,
  vectorizeAll,
  type TrainConfig,
  type TrainedModel,
} from "./trainer";

/**
 * Bump the major part when the feature scheme changes. The artifact's layout has its own field
 * (ARTIFACT_FORMAT, checked on load): the model 2.f1a09d7d moved to format 3 with identical weights.
 */
export const MODEL_VERSION_PREFIX = "2";

export interface TrainingRun {
  artifact: IntentModelArtifact;
  /** The model trained on the training split only, calibrated on validation: the one the validation figures describe. */
  validationArtifact: IntentModelArtifact;
  validation: SliceMetrics;
  temperature: number;
  outOfScopeThreshold: number;
  /** The τ of the logit adjustment (TrainConfig.logitAdjustment), chosen on validation when a list. */
  logitAdjustment: number;
  /** The model trained on the training split only, before calibration (experiments re-calibrate it). */
  trained: TrainedModel;
  log: string[];
}

export interface Calibration {
  trained: TrainedModel;
  /** The temperature the logit adjustment was scaled by (fitted before adjusting). */
  adjustmentTemperature: number;
  temperature: number;
  outOfScopeThreshold: number;
  validation: SliceMetrics;
  validationArtifact: IntentModelArtifact;
}

/** The trained model with its logits adjusted by τ (a copy; see TrainConfig.logitAdjustment). */
function withAdjustedLogits(trained: TrainedModel, tau: number, temperature: number): TrainedModel {
  if (!tau) return trained;
  const model = { ...trained.model, bias: Float32Array.from(trained.model.bias) };
  adjustLogits(model, trained.labels, tau, temperature, trained.intents.indexOf(OUT_OF_SCOPE));
  return { ...trained, model };
}

/**
 * Everything fitted on validation for a model trained on the training split: logit adjustment (at
 * the temperature fitted without it), temperature, out-of-scope threshold; then the validation figures.
 */
export function calibrate(trained: TrainedModel, split: Split, config: TrainConfig, tau: number): Calibration {
  const validationVectors = vectorizeAll(split.validation, trained.vocabulary.index);
  const labels = labelsOf(split.validation, trained.intents);
  const adjustmentTemperature = tau ? fitTemperature(trained.model, validationVectors, labels) : 1;
  const adjusted = withAdjustedLogits(trained, tau, adjustmentTemperature);
  const temperature = fitTemperature(adjusted.model, validationVectors, labels);
  const calibrated = createIntentModel(toArtifact(adjusted, { temperature, outOfScopeThreshold: 0 }, "validation", config));
  const outOfScopeThreshold = chooseThreshold(calibrated, split.validation, config.thresholdOosWeight);
  const validationArtifact = toArtifact(adjusted, { temperature, outOfScopeThreshold }, "validation", config);
  const validation = scorePredictions(
    predictAll(calibrated, [...split.validation, ...(split.wrapped ?? [])], outOfScopeThreshold),
    ACTION_INTENTS,
  );
  return { trained: adjusted, adjustmentTemperature, temperature, outOfScopeThreshold, validation, validationArtifact };
}

/** Short FNV-1a fingerprint of the training texts and labels, part of the model version. */
export function fingerprint(examples: Example[], config: TrainConfig): string {
  let h = 0x811c9dc5;
  const feed = (s: string) => {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  };
  for (const e of examples) feed(`${e.intent}\u0001${e.text}\u0002`);
  feed(JSON.stringify(config));
  return h.toString(16).padStart(8, "0");
}

export function withAugmentation(examples: Example[], config: TrainConfig): Example[] {
  const keep = config.clincOosKeep ?? 1;
  let seen = 0;
  // Every k-th CLINC out-of-domain row: deterministic and spread over all its intents.
  // CLINC's own oos rows, the closest to what a bank assistant is asked and declines, may be exempt.
  const exempt = (e: Example) => config.keepClincOosRows === true && e.clincIntent === "oos";
  // Filtered first, so that without them every later seeded copy is the same as before they existed.
  const trained = examples.filter((e) => (config.outOfScopeExtra === true || e.outOfScopeExtra !== true) && (e.batch4 === undefined || config.batch4?.includes(e.batch4) === true));
  // batch4Copies: the fourth batch's lines get their own number of copies, added after the rest.
  const own = config.batch4Copies !== undefined;
  const base = own ? trained.filter((e) => e.batch4 === undefined) : trained;
  let out =
    keep >= 1
      ? base
      : base.filter((e) => e.source !== "clinc_oos" || exempt(e) || Math.floor(++seen * keep) !== Math.floor((seen - 1) * keep));
  if (config.clincOosRowCopies) {
    const oosRows = out.filter((e) => e.clincIntent === "oos");
    out = [...out, ...augment(oosRows, ["clinc_oos"], config.clincOosRowCopies, config.seed).slice(oosRows.length)];
  }
  for (const [source, variants] of Object.entries(config.augmentation)) {
    if (variants) out = augment(out, [source as Example["source"]], variants, config.seed);
  }
  if (config.smallTalkWrap) out = wrapInSmallTalk(out, config.smallTalkWrap, config.seed);
  for (const [source, variants] of Object.entries(config.paraphrase ?? {})) {
    if (variants) out = paraphrase(out, [source as Example["source"]], variants, config.seed, config.paraphraseDropout ?? 0.15);
  }
  if (own) {
    const batch = trained.filter((e) => e.batch4 !== undefined);
    out = [...out, ...augment(batch, ["action", "out_of_domain"], config.batch4Copies!, config.seed ^ 0xb4)];
  }
  return out;
}

export interface RunOptions {
  /** After calibrating on validation, retrain on train + validation (the shipped model does). */
  refit: boolean;
  /** The teacher's soft labels (default: the file scripts/nlu/teacher/label.ts writes, if present). */
  softLabels?: SoftLabels;
}

export function runTraining(split: Split, config: TrainConfig, options: RunOptions): TrainingRun {
  const intents = [...ALL_INTENTS];
  const log: string[] = [];
  const t0 = performance.now();
  // Soft labels only when the recipe distils; the model validation describes reads the section
  // cross-fitted on the training split alone, the refit the one over train + validation.
  const soft: SoftLabels | undefined = config.reranker?.distill?.alpha ? (options.softLabels ?? loadSoftLabels()) : undefined;
  if (config.reranker?.distill?.alpha && !soft) log.push("no soft-label file: the reranker trains on hard labels");
  const first = trainModel(withAugmentation(split.train, config), intents, config, soft?.train);
  log.push(
    `trained on ${split.train.length} examples, ${first.vocabulary.hashes.length} features, ` +
      `${config.learners.length} learner(s) in ${Math.round(performance.now() - t0)} ms`,
  );

  const { tau, calibration } = chooseLogitAdjustment(first, split, config, log);
  const { adjustmentTemperature, temperature, outOfScopeThreshold, validation, validationArtifact } = calibration;
  log.push(`temperature ${temperature}, out-of-scope threshold ${outOfScopeThreshold} (fitted on validation)`);

  const finalTrain = options.refit ? [...split.train, ...split.validation] : split.train;
  const refitted = options.refit ? trainModel(withAugmentation(finalTrain, config), intents, config, soft?.full) : first;
  const final = withAdjustedLogits(refitted, tau, adjustmentTemperature);
  if (options.refit) {
    log.push(`refitted on train + validation: ${finalTrain.length} examples, ${final.vocabulary.hashes.length} features`);
  }
  const version = `${MODEL_VERSION_PREFIX}.${fingerprint(finalTrain, config)}`;
  const artifact = toArtifact(final, { temperature, outOfScopeThreshold }, version, config);
  log.push(`total ${Math.round(performance.now() - t0)} ms`);
  return { artifact, validationArtifact, validation, temperature, outOfScopeThreshold, logitAdjustment: tau, trained: first, log };
}

/** Validation accuracy the logit adjustment is chosen by: every in-scope source counts alike. */
function adjustmentScore(v: SliceMetrics): number {
  if (v.inScopeAcceptRate < 0.975 || v.outOfScopeRejectRate < 0.96) return -Infinity;
  return (v.banking77ClosedAccuracy + v.clincBankAccuracy + v.actionAccuracy + v.wrappedAccuracy) / 4;
}

/** The config's τ, or the best of its list on validation (ties: the smallest). */
export function chooseLogitAdjustment(trained: TrainedModel, split: Split, config: TrainConfig, log: string[]): { tau: number; calibration: Calibration } {
  const grid = Array.isArray(config.logitAdjustment) ? config.logitAdjustment : [config.logitAdjustment ?? 0];
  let best: { tau: number; calibration: Calibration; score: number } | undefined;
  for (const tau of grid) {
    const calibration = calibrate(trained, split, config, tau);
    const score = adjustmentScore(calibration.validation);
    const v = calibration.validation;
    log.push(
      `logit adjustment τ ${tau}: BANKING77 closed ${pct(v.banking77ClosedAccuracy)}, CLINC bank ${pct(v.clincBankAccuracy)}, ` +
        `actions ${pct(v.actionAccuracy)}, wrapped ${pct(v.wrappedAccuracy)}, accept ${pct(v.inScopeAcceptRate)} / reject ${pct(v.outOfScopeRejectRate)}`,
    );
    if (!best || score > best.score) best = { tau, calibration, score };
  }
  log.push(`logit adjustment: τ ${best!.tau} (chosen on validation)`);
  return { tau: best!.tau, calibration: best!.calibration };
}

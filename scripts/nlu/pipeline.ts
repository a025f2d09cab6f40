// The whole offline training run: split → train → calibrate on validation → refit → artifact.
// Pure function of its inputs (no clock, no randomness beyond the seed), so two runs with the
// same seed and data produce byte-identical artifacts.

import type { IntentModelArtifact } from "../../packages/nlu/artifact";
import { ACTION_INTENTS, ALL_INTENTS } from "../../packages/contract/intents";
import { createIntentModel } from "../../packages/nlu/model";
import { augment, paraphrase, wrapInSmallTalk } from "./augment";
import type { Example, Split } from "./dataset";
import { chooseThreshold, predictAll, scorePredictions, type SliceMetrics } from "./evaluate";
import {
  fitTemperature,
  labelsOf,
  toArtifact,
  trainModel,
  vectorizeAll,
  type TrainConfig,
} from "./trainer";

/** Bump the major part when the artifact format or feature scheme changes. */
export const MODEL_VERSION_PREFIX = "1";

export interface TrainingRun {
  artifact: IntentModelArtifact;
  /** The model trained on the training split only, calibrated on validation: the one the validation figures describe. */
  validationArtifact: IntentModelArtifact;
  validation: SliceMetrics;
  temperature: number;
  outOfScopeThreshold: number;
  log: string[];
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

function withAugmentation(examples: Example[], config: TrainConfig): Example[] {
  const keep = config.clincOosKeep ?? 1;
  let seen = 0;
  // Every k-th CLINC out-of-domain row: deterministic and spread over all its intents.
  let out = keep >= 1 ? examples : examples.filter((e) => e.source !== "clinc_oos" || Math.floor(++seen * keep) !== Math.floor((seen - 1) * keep));
  for (const [source, variants] of Object.entries(config.augmentation)) {
    if (variants) out = augment(out, [source as Example["source"]], variants, config.seed);
  }
  if (config.smallTalkWrap) out = wrapInSmallTalk(out, config.smallTalkWrap, config.seed);
  for (const [source, variants] of Object.entries(config.paraphrase ?? {})) {
    if (variants) out = paraphrase(out, [source as Example["source"]], variants, config.seed, config.paraphraseDropout ?? 0.15);
  }
  return out;
}

export interface RunOptions {
  /** After calibrating on validation, retrain on train + validation (the shipped model does). */
  refit: boolean;
}

export function runTraining(split: Split, config: TrainConfig, options: RunOptions): TrainingRun {
  const intents = [...ALL_INTENTS];
  const log: string[] = [];
  const t0 = performance.now();
  const first = trainModel(withAugmentation(split.train, config), intents, config);
  log.push(
    `trained on ${split.train.length} examples, ${first.vocabulary.hashes.length} features, ` +
      `${config.learners.length} learner(s) in ${Math.round(performance.now() - t0)} ms`,
  );

  const validationVectors = vectorizeAll(split.validation, first.vocabulary.index);
  const temperature = fitTemperature(first.model, validationVectors, labelsOf(split.validation, intents));
  const calibrated = createIntentModel(
    toArtifact(first, { temperature, outOfScopeThreshold: 0 }, "validation", config),
  );
  const outOfScopeThreshold = chooseThreshold(calibrated, split.validation);
  const validationArtifact = toArtifact(first, { temperature, outOfScopeThreshold }, "validation", config);
  const validation = scorePredictions(
    predictAll(calibrated, [...split.validation, ...(split.wrapped ?? [])], outOfScopeThreshold),
    ACTION_INTENTS,
  );
  log.push(`temperature ${temperature}, out-of-scope threshold ${outOfScopeThreshold} (fitted on validation)`);

  const finalTrain = options.refit ? [...split.train, ...split.validation] : split.train;
  const final = options.refit ? trainModel(withAugmentation(finalTrain, config), intents, config) : first;
  if (options.refit) {
    log.push(`refitted on train + validation: ${finalTrain.length} examples, ${final.vocabulary.hashes.length} features`);
  }
  const version = `${MODEL_VERSION_PREFIX}.${fingerprint(finalTrain, config)}`;
  const artifact = toArtifact(final, { temperature, outOfScopeThreshold }, version, config);
  log.push(`total ${Math.round(performance.now() - t0)} ms`);
  return { artifact, validationArtifact, validation, temperature, outOfScopeThreshold, log };
}

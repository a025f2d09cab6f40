// npm run nlu:train [-- --seed 7] [--out dir] [--limit-per-intent N] [--no-refit]
// Trains the intent model and writes packages/nlu/model/intent-model.json (header) + intent-model.bin
// (tables) + metrics.json.
// Training data (BANKING77, CLINC150) is read from $TELLER_DATA_DIR, default ../shared/data beside the repo.

import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { writeArtifactFiles } from "./artifact-files";
import { CLINC_BANK_MAPPING } from "./clinc";
import { dataDir, firstPerIntent, loadSplit, missingTrainingData, repoRoot, type Split } from "./dataset";
import { formatClincPerIntent, formatMetrics } from "./evaluate";
import { runTraining } from "./pipeline";
import { DEFAULT_CONFIG, type TrainConfig } from "./trainer";

export function main(argv: string[]): void {
  const { values } = parseArgs({
    args: argv,
    options: {
      seed: { type: "string" },
      out: { type: "string" },
      "limit-per-intent": { type: "string" },
      "no-refit": { type: "boolean" },
      quiet: { type: "boolean" },
      config: { type: "string" },
      // Also write the train-split-only model (the one validation describes) here (<name>.json and <name>.bin), for validate.ts.
      "validation-model": { type: "string" },
    },
  });
  const config: TrainConfig = {
    ...DEFAULT_CONFIG,
    seed: values.seed === undefined ? DEFAULT_CONFIG.seed : Number(values.seed),
    // Experiments only: override hyperparameters as JSON, e.g. --config '{"minDf":1}'.
    ...(values.config ? (JSON.parse(values.config) as Partial<TrainConfig>) : {}),
  };
  const outDir = path.resolve(values.out ?? path.join(repoRoot, "packages/nlu/model"));
  const say = values.quiet ? () => {} : (line: string) => console.log(line);

  const missing = missingTrainingData();
  if (missing) {
    console.error(missing);
    process.exitCode = 1;
    return;
  }
  let split: Split = loadSplit();
  const limit = values["limit-per-intent"];
  if (limit !== undefined) {
    const n = Number(limit);
    split = {
      train: firstPerIntent(split.train, n),
      validation: firstPerIntent(split.validation, Math.max(2, Math.ceil(n / 4))),
      heldOut: [],
    };
  }
  say(`training data from ${dataDir()} (BANKING77, CLINC150); seed ${config.seed}`);
  say(`split: ${split.train.length} train / ${split.validation.length} validation / ${split.heldOut.length} held out (untouched)`);

  const run = runTraining(split, config, { refit: !values["no-refit"] });
  for (const line of run.log) say(line);
  say("validation (model trained without it, quantised, calibrated on it):");
  say(formatMetrics(run.validation));
  say("CLINC150 bank-domain validation, per intent (through the mapping):");
  say(formatClincPerIntent(run.validation, CLINC_BANK_MAPPING));

  mkdirSync(outDir, { recursive: true });
  const validationModel = values["validation-model"];
  if (validationModel) {
    mkdirSync(path.dirname(path.resolve(validationModel)), { recursive: true });
    writeArtifactFiles(run.validationArtifact, path.dirname(validationModel), path.basename(validationModel, ".json"));
  }
  const artifactPath = writeArtifactFiles(run.artifact, outDir);
  const metrics = {
    version: run.artifact.version,
    seed: config.seed,
    temperature: run.temperature,
    outOfScopeThreshold: run.outOfScopeThreshold,
    logitAdjustment: run.logitAdjustment,
    features: run.artifact.rows,
    validation: run.validation,
    note:
      "validation = 10% of BANKING77 and our action utterances, 20% of our out-of-domain examples, CLINC150 val " +
      "(bank domains through the mapping, small talk, oos + other domains as out_of_scope) and small-talk-wrapped " +
      "copies of the validation requests; the model scored here never saw them. Held-out figures: npm run bench:nlu",
  };
  writeFileSync(path.join(outDir, "metrics.json"), `${JSON.stringify(metrics, null, 2)}\n`);
  say(`wrote ${path.relative(process.cwd(), artifactPath)} (version ${run.artifact.version})`);
}

main(process.argv.slice(2));

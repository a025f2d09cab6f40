// npm run nlu:train [-- --seed 7] [--out dir] [--limit-per-intent N] [--no-refit]
// Trains the intent model and writes packages/nlu/model/intent-model.json + metrics.json.
// BANKING77 is read from ../shared/data/banking77 (relative to the repo root) or $BANKING77_DIR.

import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { banking77Dir, firstPerIntent, loadSplit, repoRoot, type Split } from "./dataset";
import { formatMetrics } from "./evaluate";
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
  say(`BANKING77 from ${banking77Dir()}; seed ${config.seed}`);
  say(`split: ${split.train.length} train / ${split.validation.length} validation / ${split.heldOut.length} held out (untouched)`);

  const run = runTraining(split, config, { refit: !values["no-refit"] });
  for (const line of run.log) say(line);
  say("validation (model trained without it, quantised, calibrated on it):");
  say(formatMetrics(run.validation));

  mkdirSync(outDir, { recursive: true });
  const artifactPath = path.join(outDir, "intent-model.json");
  writeFileSync(artifactPath, `${JSON.stringify(run.artifact)}\n`);
  const metrics = {
    version: run.artifact.version,
    seed: config.seed,
    temperature: run.temperature,
    outOfScopeThreshold: run.outOfScopeThreshold,
    features: run.artifact.rows,
    validation: run.validation,
    note: "validation = 10% of BANKING77 and action utterances + 20% of out-of-domain examples; held-out figures come from npm run bench:nlu",
  };
  writeFileSync(path.join(outDir, "metrics.json"), `${JSON.stringify(metrics, null, 2)}\n`);
  say(`wrote ${path.relative(process.cwd(), artifactPath)} (version ${run.artifact.version})`);
}

main(process.argv.slice(2));

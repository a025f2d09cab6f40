import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Miniflare, convertV4MiniflareOptions } from "miniflare";

/**
 * A Worker's startup cost, measured offline two ways, for a bundle exactly as
 * `wrangler deploy --dry-run --outdir` wrote it:
 *
 * - `importStartup`: the time V8 takes to compile the script and run its top level (what
 *   Cloudflare counts as startup, limit 1 s, reported as `startup_time_ms` at upload), timed by
 *   importing the bundle in a fresh Node process (same engine, `cloudflare:workers` replaced by a
 *   stub of its two base classes, each Data module by a module reading its file). CPU time is printed beside wall time because on a busy machine
 *   wall time mostly measures the neighbours; median of `runs` processes.
 * - `workerdSmoke`: workerd (through Miniflare, the runtime of `wrangler dev` and the tests) loads
 *   the bundle and answers one request, so a script that only breaks in workerd fails here.
 */
export interface ImportStartup {
  wallMs: number;
  cpuMs: number;
}

const STUB = "export class DurableObject {}\nexport class WorkerEntrypoint {}\nexport class WorkflowEntrypoint {}\n";
const TIMER = `
const started = performance.now();
const cpu = process.cpuUsage();
await import(process.argv[1]);
const used = process.cpuUsage(cpu);
console.log(JSON.stringify({ wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 }));
`;

export function importStartup(dir: string, main: string, runs = 5): ImportStartup {
  // Beside the bundle, not in it: the bundle directory is what gets measured and uploaded.
  const nodeDir = `${dir}-node`;
  mkdirSync(nodeDir, { recursive: true });
  const stub = path.join(nodeDir, "cloudflare-workers.stub.mjs");
  const script = path.join(nodeDir, `${main}.mjs`);
  writeFileSync(stub, STUB);
  let source = readFileSync(path.join(dir, main), "utf8").replaceAll('"cloudflare:workers"', JSON.stringify(pathToFileURL(stub).href));
  // Data modules (the intent model's tables): workerd hands the script an ArrayBuffer copy of the
  // file; in Node, a module that reads the file into one stands in for it (its read is timed too).
  for (const name of readdirSync(dir).filter((file) => file.endsWith(".bin"))) {
    const dataStub = path.join(nodeDir, `${name}.mjs`);
    writeFileSync(
      dataStub,
      `import { readFileSync } from "node:fs";\nconst bytes = readFileSync(${JSON.stringify(path.join(dir, name))});\n` +
        "export default bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);\n",
    );
    source = source.replaceAll(JSON.stringify(`./${name}`), JSON.stringify(pathToFileURL(dataStub).href));
  }
  writeFileSync(script, source);
  const samples: ImportStartup[] = [];
  for (let i = 0; i < runs; i++) {
    const child = spawnSync(process.execPath, ["--input-type=module", "-e", TIMER, pathToFileURL(script).href], { encoding: "utf8", timeout: 60_000 });
    if (child.status !== 0) throw new Error(`importing ${main} in Node failed:\n${child.stderr}`);
    samples.push(JSON.parse(child.stdout.trim().split("\n").at(-1)!) as ImportStartup);
  }
  const mid = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return { wallMs: mid(samples.map((s) => s.wallMs)), cpuMs: mid(samples.map((s) => s.cpuMs)) };
}

export interface WorkerdSmoke {
  readyMs: number;
  status: number;
}

export async function workerdSmoke(dir: string, main: string, requestPath: string): Promise<WorkerdSmoke> {
  const started = performance.now();
  const mf = new Miniflare(
    convertV4MiniflareOptions({
      // As wrangler uploads them: the bundle (main first), and each *.bin file as a Data module.
      modules: [main, ...readdirSync(dir).filter((file) => file.endsWith(".bin"))].map((file) => ({
        type: file.endsWith(".bin") ? ("Data" as const) : ("ESModule" as const),
        path: path.join(dir, file),
        contents: readFileSync(path.join(dir, file)),
      })),
      modulesRoot: dir,
      compatibilityDate: "2026-04-01",
      compatibilityFlags: ["nodejs_compat"],
      bindings: { ENVIRONMENT: "production", LOG_LEVEL: "warn" },
      port: 0,
      logRequests: false,
    }),
  );
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

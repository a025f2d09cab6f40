import { readFileSync, readdirSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import WebSocket from "ws";
import { loadAverage, type LoadResult } from "./load.js";
import { startLoadgen, type TurnKind } from "./loadgen.js";
import { startTellerBench } from "./teller-turns.js";

/**
 * `npm run bench:turn-cost`: where a turn's CPU goes, per process, beyond the bare echo. Each turn
 * kind runs a fixed number of turns (closed loop, BENCH_CUSTOMERS concurrent customers, default
 * 16) from a load generator in its own process; every process of the stack is sampled
 * (/proc/<pid>/stat utime+stime) before the run and after it has settled (the outbox's alarm, the
 * queue and its consumer run just after the turns). Prints CPU ms per turn by process, the
 * machine's idle cost subtracted. COST_PROFILE=1 also takes a V8 CPU profile of the chat Worker
 * (DevTools protocol through wrangler's inspector) per turn kind and prints where the self time
 * goes by source file and function (profiles are kept in .scratch/turn-cost/).
 */
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 16);
const TURNS = Number(process.env.COST_TURNS ?? 1000);
const KINDS = (process.env.COST_KINDS ?? "echo,faq,read,money").split(",") as TurnKind[];
/** Alarm flush (0.5 s) and the consumer's batch timeout (1 s) fall inside the window. */
const SETTLE_MS = 2500;
const PROFILE = process.env.COST_PROFILE === "1";
const TICK_MS = 1000 / 100; // USER_HZ

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
if (PROFILE) process.env.TELLER_INSPECTOR_PORT ??= String(9300 + (process.pid % 500));

console.log(`load average at the start: ${loadAverage()}`);
const bench = await startTellerBench("cost");
const loadgen = await startLoadgen();
const dbUrl = bench.stack.databaseUrl;
try {
  const turns = await bench.customers(CUSTOMERS);
  const plan = turns.plan;
  await sleep(SETTLE_MS);
  const idle = await idleRate(dbUrl);
  const rows: string[][] = [];
  const labels = new Set<string>();
  const perKind: Array<{ kind: string; result: LoadResult; cpu: Map<string, number>; turns: number }> = [];
  for (const kind of KINDS) {
    const count = kind.startsWith("money") ? Math.ceil(TURNS / 3) : kind.startsWith("read") ? Math.ceil(TURNS / 1.5) : TURNS;
    const profiler = PROFILE ? await startProfiles(Number(process.env.TELLER_INSPECTOR_PORT)) : undefined;
    const before = await snapshot(dbUrl);
    const t0 = performance.now();
    const result = await loadgen.run(kind, { plan, kind, count });
    await sleep(SETTLE_MS);
    const after = await snapshot(dbUrl);
    const seconds = (performance.now() - t0) / 1000;
    const profiles = await profiler?.stop();
    const cpu = new Map<string, number>();
    for (const [label, ticks] of diff(before, after)) {
      const ms = ticks * TICK_MS - (idle.get(label) ?? 0) * seconds;
      cpu.set(label, ms / result.requests);
      labels.add(label);
    }
    perKind.push({ kind, result, cpu, turns: result.requests });
    if (profiles) summariseProfiles(kind, profiles);
  }
  const ordered = [...labels].sort();
  rows.push(["process", ...perKind.map((k) => `${k.kind} ms/turn`)]);
  for (const label of ordered) rows.push([label, ...perKind.map((k) => (k.cpu.get(label) ?? 0).toFixed(2))]);
  rows.push(["total", ...perKind.map((k) => [...k.cpu.values()].reduce((a, b) => a + b, 0).toFixed(2))]);
  rows.push(["turns/s (closed loop)", ...perKind.map((k) => k.result.perSecond.toFixed(0))]);
  rows.push(["errors", ...perKind.map((k) => String(k.result.errors))]);
  console.log(`\nCPU per turn by process — ${CUSTOMERS} customers, ${TURNS} FAQ/echo turns, idle subtracted; money = request + yes`);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows) console.log(r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  "));
  console.log(`load average at the end: ${loadAverage()}`);
} finally {
  loadgen.stop();
  await bench.stop();
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** CPU ticks per labelled process: the harness's descendants, and this database's Postgres backends. */
async function snapshot(url: string): Promise<Map<string, number>> {
  const ticks = new Map<string, number>();
  const add = (label: string, pid: number) => {
    const t = cpuTicks(pid);
    if (t !== undefined) ticks.set(`${label}#${pid}`, t);
  };
  for (const pid of descendants(process.pid)) add(label(pid), pid);
  add("harness node (db proxy/pooler)", process.pid);
  for (const pid of await backends(url)) add("postgres backends (this db)", pid);
  return ticks;
}

function diff(before: Map<string, number>, after: Map<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [key, t] of after) {
    const label = key.slice(0, key.lastIndexOf("#"));
    out.set(label, (out.get(label) ?? 0) + t - (before.get(key) ?? t));
  }
  return out;
}

/** ms of CPU per second per label while nothing is asked of the stack. */
async function idleRate(url: string): Promise<Map<string, number>> {
  const before = await snapshot(url);
  const t0 = performance.now();
  await sleep(3000);
  const after = await snapshot(url);
  const seconds = (performance.now() - t0) / 1000;
  return new Map([...diff(before, after)].map(([label, t]) => [label, (t * TICK_MS) / seconds]));
}

function cpuTicks(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]); // utime, stime
  } catch {
    return undefined;
  }
}

function descendants(parent: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const out: number[] = [];
  const walk = (pid: number) => {
    for (const child of children.get(pid) ?? []) {
      out.push(child);
      walk(child);
    }
  };
  walk(parent);
  return out;
}

function label(pid: number): string {
  if (loadgen.pids.includes(pid)) return "load generator (node)";
  let cmd = "";
  try {
    cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return "other";
  }
  if (cmd.includes("workerd")) return cmd.includes("--inspector-addr") ? "workerd: Workers + DOs" : "workerd: wrangler's proxy";
  if (cmd.includes("wrangler-dist/cli.js")) return "wrangler node";
  if (cmd.includes("esbuild")) return "esbuild";
  return "other";
}

async function backends(url: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const rows = await client.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
    return rows.rows.map((r) => r.pid);
  } catch {
    return [];
  } finally {
    await client.end().catch(() => {});
  }
}

// ─── V8 CPU profiles of the Workers (COST_PROFILE=1) ───────────────────────────────────────────

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

async function startProfiles(port: number): Promise<{ stop(): Promise<Map<string, CpuProfile>> }> {
  // wrangler's inspector proxy offers one target, the chat Worker (ChatService and the
  // ChatSession objects). workerd's own inspector lists the gateway too, but attaching a second
  // session beside wrangler's stalled the stack.
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json`)).json()) as Array<{ id: string; title?: string; webSocketDebuggerUrl: string }>;
  console.log(`profiling: ${targets.map((t) => t.title).join(", ")}`);
  const sessions = await Promise.all(
    targets.map(async (t) => {
      const ws = new WebSocket(t.webSocketDebuggerUrl);
      await new Promise((resolve, reject) => ws.once("open", resolve).once("error", reject));
      let id = 0;
      const pending = new Map<number, (value: unknown) => void>();
      ws.on("message", (data) => {
        const message = JSON.parse(String(data)) as { id?: number; result?: unknown };
        if (message.id !== undefined) pending.get(message.id)?.(message.result);
      });
      const call = (method: string, params: object = {}) =>
        new Promise<unknown>((resolve) => {
          const n = ++id;
          pending.set(n, resolve);
          ws.send(JSON.stringify({ id: n, method, params }));
        });
      await call("Profiler.enable");
      await call("Profiler.setSamplingInterval", { interval: 200 });
      await call("Profiler.start");
      return { name: t.title ?? t.id, ws, call };
    }),
  );
  return {
    async stop() {
      const out = new Map<string, CpuProfile>();
      for (const s of sessions) {
        const result = (await s.call("Profiler.stop")) as { profile: CpuProfile };
        out.set(s.name, result.profile);
        s.ws.close();
      }
      return out;
    },
  };
}

function summariseProfiles(kind: string, profiles: Map<string, CpuProfile>): void {
  const dir = path.join(root, ".scratch/turn-cost");
  mkdirSync(dir, { recursive: true });
  for (const [name, profile] of profiles) {
    const safe = name.replace(/[^a-z0-9-]+/gi, "_");
    writeFileSync(path.join(dir, `${kind}-${safe}.cpuprofile`), JSON.stringify(profile));
    const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
    const selfUs = new Map<number, number>();
    profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
    const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
    const byFile = new Map<string, number>();
    const byFn = new Map<string, number>();
    for (const [id, us] of selfUs) {
      const frame = byNode.get(id)!.callFrame;
      const file = frame.url ? frame.url.replace(/^.*?(packages|workers|durable-objects|node_modules)\//, "$1/") : `(${frame.functionName || "native"})`;
      byFile.set(file, (byFile.get(file) ?? 0) + us);
      const fn = `${frame.functionName || "(anonymous)"} ${file}:${frame.lineNumber + 1}`;
      byFn.set(fn, (byFn.get(fn) ?? 0) + us);
    }
    const idle = [...byFile].filter(([f]) => f === "((idle))" || f === "((program))" || f === "((garbage collector))");
    console.log(`\n${kind} — ${name}: ${(total / 1000).toFixed(0)} ms sampled; ${idle.map(([f, us]) => `${f} ${(us / 1000).toFixed(0)} ms`).join(", ")}`);
    const top = (m: Map<string, number>, n: number) =>
      [...m].filter(([k]) => !k.startsWith("((idle))")).sort((a, b) => b[1] - a[1]).slice(0, n);
    for (const [file, us] of top(byFile, 14)) console.log(`  ${(us / 1000).toFixed(0).padStart(6)} ms  ${file}`);
    console.log("  top functions:");
    for (const [fn, us] of top(byFn, 20)) console.log(`  ${(us / 1000).toFixed(0).padStart(6)} ms  ${fn}`);
  }
}

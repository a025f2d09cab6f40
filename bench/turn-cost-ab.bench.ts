import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { loadAverage } from "./load.js";
import { startLoadgen, type TurnKind } from "./loadgen.js";
import type { TellerBench, TurnPlan } from "./teller-turns.js";

/**
 * `npm run bench:turn-cost-ab -- <other worktree>`: bench:turn-cost's CPU per turn by process for
 * two checkouts at once — the other worktree's stack ("A") and this one's ("B") run side by side,
 * and their fixed-count runs alternate in short slices (A B, then B A, …), so the load the rest of
 * a shared machine adds falls on both alike. Processes are told apart by the worktree in their
 * command line; Postgres backends by each stack's database. The harness (both proxies) is left out.
 * BENCH_CUSTOMERS_A / BENCH_CUSTOMERS_B give one side another number of customers (default
 * BENCH_CUSTOMERS): the same code at 16 and at 64 customers shows what grows with the objects.
 */
const other = path.resolve(process.argv[2] ?? "");
const here = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 16);
const SIDE_CUSTOMERS: Record<string, number> = {
  A: Number(process.env.BENCH_CUSTOMERS_A ?? CUSTOMERS),
  B: Number(process.env.BENCH_CUSTOMERS_B ?? CUSTOMERS),
};
const SLICE = Number(process.env.COST_TURNS ?? 300);
const ROUNDS = Number(process.env.COST_ROUNDS ?? 4);
const KINDS = (process.env.COST_KINDS ?? "echo,faq,read,money").split(",") as TurnKind[];
const SETTLE_MS = 2500;
const TICK_MS = 10;

console.log(`load average at the start: ${loadAverage()}`);
type Side = { name: string; root: string; bench: TellerBench; plan?: TurnPlan };
const start = async (name: string, root: string): Promise<Side> => {
  const module = (await import(path.join(root, "bench/teller-turns.ts"))) as typeof import("./teller-turns.js");
  return { name, root, bench: await module.startTellerBench(`ab${name.toLowerCase()}`) };
};
const sides = [await start("A", other), await start("B", here)];
const loadgen = await startLoadgen();
try {
  for (const side of sides) side.plan = (await side.bench.customers(SIDE_CUSTOMERS[side.name]!)).plan;
  const totals = new Map<string, { ms: Map<string, number>; turns: number; seconds: number }>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const kind of KINDS) {
      const order = round % 2 === 0 ? sides : [...sides].reverse();
      for (const side of order) {
        const count = kind.startsWith("money") ? Math.ceil(SLICE / 3) : kind.startsWith("read") ? Math.ceil(SLICE / 1.5) : SLICE;
        const before = await snapshot(side);
        const result = await loadgen.run(kind, { plan: side.plan!, kind, count });
        await new Promise((r) => setTimeout(r, SETTLE_MS));
        const after = await snapshot(side);
        const key = `${side.name} ${kind}`;
        const total = totals.get(key) ?? { ms: new Map(), turns: 0, seconds: 0 };
        for (const [label, ticks] of after) total.ms.set(label, (total.ms.get(label) ?? 0) + (ticks - (before.get(label) ?? ticks)) * TICK_MS);
        total.turns += result.requests - result.errors;
        total.seconds += result.seconds;
        totals.set(key, total);
      }
    }
  }
  const labels = [...new Set([...totals.values()].flatMap((t) => [...t.ms.keys()]))].sort();
  const rows: string[][] = [["process (ms per turn)", ...KINDS.flatMap((k) => [`A ${k}`, `B ${k}`, "B÷A"])]];
  const per = (key: string, label?: string) => {
    const t = totals.get(key)!;
    const ms = label ? (t.ms.get(label) ?? 0) : [...t.ms.values()].reduce((a, b) => a + b, 0);
    return ms / t.turns;
  };
  for (const label of [...labels, undefined]) {
    rows.push([
      label ?? "total",
      ...KINDS.flatMap((k) => {
        const [a, b] = [per(`A ${k}`, label), per(`B ${k}`, label)];
        return [a.toFixed(2), b.toFixed(2), a > 0.05 ? `${((b / a) * 100).toFixed(0)}%` : ""];
      }),
    ]);
  }
  rows.push(["turns", ...KINDS.flatMap((k) => [String(totals.get(`A ${k}`)!.turns), String(totals.get(`B ${k}`)!.turns), ""])]);
  // Closed-loop rate while the load ran (the settle after each slice left out).
  const rate = (key: string) => totals.get(key)!.turns / totals.get(key)!.seconds;
  rows.push(["turns/s (closed loop)", ...KINDS.flatMap((k) => [rate(`A ${k}`).toFixed(0), rate(`B ${k}`).toFixed(0), `${((rate(`B ${k}`) / rate(`A ${k}`)) * 100).toFixed(0)}%`])]);
  console.log(`\nA = ${other}, B = ${here}; ${ROUNDS} rounds of ${SLICE} turns per kind (read ⅔, money ⅓), customers A ${SIDE_CUSTOMERS.A} / B ${SIDE_CUSTOMERS.B}, slices alternating`);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows) console.log(r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  "));
  console.log(`load average at the end: ${loadAverage()}`);
} finally {
  loadgen.stop();
  for (const side of sides) await side.bench.stop();
}

async function snapshot(side: Side): Promise<Map<string, number>> {
  const ticks = new Map<string, number>();
  const add = (label: string, pid: number) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks.set(label, (ticks.get(label) ?? 0) + Number(fields[11]) + Number(fields[12]));
    } catch {
      // gone
    }
  };
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let cmd = "";
    try {
      cmd = readFileSync(`/proc/${entry}/cmdline`, "utf8").replaceAll("\0", " ");
    } catch {
      continue;
    }
    if (!cmd.includes(`${side.root}/`) || Number(entry) === process.pid || loadgen.pids.includes(Number(entry))) continue;
    if (cmd.includes("workerd")) add(cmd.includes("--inspector-addr") ? "workerd: Workers + DOs" : "workerd: wrangler's proxy", Number(entry));
    else if (cmd.includes("wrangler-dist/cli.js")) add("wrangler node", Number(entry));
  }
  const client = new pg.Client({ connectionString: side.bench.stack.databaseUrl });
  try {
    await client.connect();
    const rows = await client.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
    for (const row of rows.rows) add("postgres backends", row.pid);
  } catch {
    // no server statistics
  } finally {
    await client.end().catch(() => {});
  }
  return ticks;
}

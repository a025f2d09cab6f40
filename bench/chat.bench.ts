import { loadAverage, printTable } from "./load.js";
import { interleaved, startLoadgen, type TurnKind } from "./loadgen.js";
import { startTellerBench } from "./teller-turns.js";

/**
 * `npm run bench:chat`: the turns customers make (bench/teller-turns.ts: echo, FAQ, read, money),
 * end to end through the gateway of a local stack against the PostgreSQL server, for 16 and 64
 * concurrent customers, in one run. The load generator is a process of its own (bench/loadgen.ts),
 * so the harness's Node (the stack's proxy to Postgres) is not on the measured path. Each kind runs
 * BENCH_ROUNDS slices of BENCH_SECONDS, the kinds interleaved (echo FAQ read money, then money read
 * FAQ echo, …) so the machine's drift falls on all alike. Prints turns/s, p50/p99 and each turn's
 * share of the echo's throughput, and the machine's load average (figures on a busy machine are noise).
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CUSTOMERS = (process.env.BENCH_CUSTOMERS ?? "16,64").split(",").map(Number);
const KINDS: Array<{ kind: TurnKind; label: string; target?: number }> = [
  { kind: "echo", label: "echo" },
  { kind: "faq", label: "FAQ", target: 85 },
  { kind: "read", label: "read", target: 60 },
  { kind: "money", label: "money", target: 35 },
];

console.log(`load average at the start: ${loadAverage()}`);
const bench = await startTellerBench("chat");
const loadgen = await startLoadgen().catch(async (error: unknown) => {
  await bench.stop();
  throw error;
});
try {
  const failures: string[] = [];
  const summary: string[][] = [["customers", "turn", "turns/s", "p50 ms", "p99 ms", "errors", "÷ echo", "target"]];
  for (const count of CUSTOMERS) {
    const { plan } = await bench.customers(count);
    // The load generator's own connections, and the transfer's path, warmed before measuring.
    for (const { kind } of KINDS) await loadgen.run("warm-up", { plan, kind, seconds: 1 });
    const results = await interleaved(
      loadgen,
      KINDS.map(({ kind, label }) => ({ label, job: { plan, kind } })),
      { rounds: ROUNDS, seconds: SECONDS },
    );
    const echo = results[0]!;
    for (const [i, r] of results.entries()) {
      const target = KINDS[i]!.target;
      summary.push([
        String(count),
        r.label,
        r.perSecond.toFixed(0),
        r.p50.toFixed(1),
        r.p99.toFixed(1),
        String(r.errors),
        `${((r.perSecond / echo.perSecond) * 100).toFixed(1)}%`,
        target ? `≥ ${target}%` : "",
      ]);
      if (r.errors > 0) failures.push(`${count} customers, ${r.label}: ${JSON.stringify(r.errorKinds)} — ${r.failures.join(" | ")}`);
    }
  }

  console.log(
    `\nchat benchmark — wrangler dev (local workerd behind wrangler's proxy), ${ROUNDS} × ${SECONDS} s per turn kind (interleaved), ` +
      `load generator: ${loadgen.pids.length} process(es) of its own, database: ${bench.databaseKind}, Node ${process.version}`,
  );
  printTable(summary);
  if (failures.length > 0) console.log(`errors by kind:\n  ${failures.join("\n  ")}`);
  console.log("money = one transfer request plus its \"yes\" (two requests, one transfer); ÷ echo = turns/s ÷ echo requests/s");
  console.log(`Postgres sessions opened during the run: ${await bench.sessionsOpened()}`);
  console.log(`load average at the end: ${loadAverage()}`);
} finally {
  loadgen.stop();
  await bench.stop();
}

import { loadAverage, printTable, runLoad, type LoadResult } from "./load.js";
import { startTellerBench } from "./teller-turns.js";

/**
 * `npm run bench:chat`: the turns customers make (bench/teller-turns.ts: echo, FAQ, read, money),
 * end to end through the gateway of a local stack against the PostgreSQL server, for 16 and 64
 * concurrent customers, in one run. Prints turns/s, p50/p99 and each turn's share of the echo's
 * throughput, and the machine's load average (figures on a busy machine are noise).
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CUSTOMERS = (process.env.BENCH_CUSTOMERS ?? "16,64").split(",").map(Number);
const TARGETS = { faq: 85, read: 60, money: 35 } as const;

console.log(`load average at the start: ${loadAverage()}`);
const bench = await startTellerBench("chat");
try {
  const failures: string[] = [];
  const summary: string[][] = [["customers", "turn", "turns/s", "p50 ms", "p99 ms", "errors", "÷ echo", "target"]];
  for (const count of CUSTOMERS) {
    const turns = await bench.customers(count);
    const load = (label: string, turn: (client: number, n: number) => Promise<Response>) =>
      runLoad(label, { concurrency: count, seconds: SECONDS }, turn);
    const echo = await load("echo", turns.echo);
    const faq = await load("FAQ", turns.faq);
    const read = await load("read", turns.read);
    const money = await load("money", turns.money);
    const row = (r: LoadResult, target?: number) => [
      String(count),
      r.label,
      r.perSecond.toFixed(0),
      r.p50.toFixed(1),
      r.p99.toFixed(1),
      String(r.errors),
      `${((r.perSecond / echo.perSecond) * 100).toFixed(1)}%`,
      target ? `≥ ${target}%` : "",
    ];
    summary.push(row(echo), row(faq, TARGETS.faq), row(read, TARGETS.read), row(money, TARGETS.money));
    for (const r of [echo, faq, read, money]) {
      if (r.errors > 0) failures.push(`${count} customers, ${r.label}: ${JSON.stringify(r.errorKinds)}`);
    }
  }

  console.log(
    `\nchat benchmark — wrangler dev (local workerd behind wrangler's proxy), ${SECONDS} s per turn kind, database: ${bench.databaseKind}, Node ${process.version}`,
  );
  printTable(summary);
  if (failures.length > 0) console.log(`errors by kind:\n  ${failures.join("\n  ")}`);
  console.log("money = one transfer request plus its \"yes\" (two requests, one transfer); ÷ echo = turns/s ÷ echo requests/s");
  console.log(`Postgres sessions opened during the run: ${await bench.sessionsOpened()}`);
  console.log(`load average at the end: ${loadAverage()}`);
} finally {
  await bench.stop();
}


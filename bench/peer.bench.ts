import { loadAverage, printTable, type LoadResult } from "./load.js";
import { interleaved, startLoadgen, type LoadJob } from "./loadgen.js";
import { startPeer } from "./peer/start-peer.js";
import { startTellerBench } from "./teller-turns.js";

/**
 * `npm run bench:peer`: Teller's turns against a minimal Cloudflare Agents SDK chat agent, in one
 * run on the same wrangler and the same load generator. The peer (bench/peer/echo-agent.ts) is an
 * `AIChatAgent` that stores each message through the SDK's own save path and echoes it with no
 * model — the emptiest turn that SDK can serve — driven over HTTP and over the SDK's WebSocket
 * chat protocol (bench/peer/peer-turns.ts). Teller's turns are bench:chat's
 * (bench/teller-turns.ts), each over HTTP and over Teller's own chat WebSocket (the web app's
 * path: a socket per customer, opened once, `message` → `turn` frames). Every turn runs in the
 * load generator's own process (bench/loadgen.ts), BENCH_ROUNDS slices of BENCH_SECONDS each,
 * interleaved. Prints each as a ratio of the peer's turn over HTTP and over WebSocket.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CUSTOMERS = (process.env.BENCH_CUSTOMERS ?? "16,64").split(",").map(Number);

console.log(`load average at the start: ${loadAverage()}`);
const teller = await startTellerBench("peer");
const peer = await startPeer().catch(async (error: unknown) => {
  await teller.stop();
  throw error;
});
const loadgen = await startLoadgen().catch(async (error: unknown) => {
  await Promise.all([peer.stop(), teller.stop()]);
  throw error;
});
try {
  // The first few failed turns, printed after the table: an error count alone explains nothing.
  const failures: string[] = [];
  const summary: string[][] = [["customers", "turn", "turns/s", "p50 ms", "p99 ms", "errors", "÷ peer HTTP", "÷ peer WS", "target"]];
  for (const count of CUSTOMERS) {
    const { plan } = await teller.customers(count);
    const peerPlan = { url: peer.url, run: plan.run };
    const jobs: Array<{ label: string; job: Omit<LoadJob, "seconds" | "count">; target: string }> = [
      { label: "peer: store + echo (HTTP)", job: { plan, peer: peerPlan, kind: "peer-http" }, target: "" },
      { label: "peer: store + echo (WS)", job: { plan, peer: peerPlan, kind: "peer-ws" }, target: "" },
      { label: "Teller FAQ (HTTP)", job: { plan, kind: "faq" }, target: "≥ 2.5× HTTP, ≥ 2× WS" },
      { label: "Teller FAQ (WS)", job: { plan, kind: "faq-ws" }, target: "" },
      { label: "Teller read (HTTP)", job: { plan, kind: "read" }, target: "" },
      { label: "Teller read (WS)", job: { plan, kind: "read-ws" }, target: "" },
      { label: "Teller money, request + yes (HTTP)", job: { plan, kind: "money" }, target: "≥ 1×" },
      { label: "Teller money, request + yes (WS)", job: { plan, kind: "money-ws" }, target: "≥ 1×" },
    ];
    // Warms the peer's agents, the sockets (opened here, kept for the runs) and the load generator's connections.
    for (const { job } of jobs) await loadgen.run("warm-up", { ...job, seconds: 1 });
    const results = await interleaved(loadgen, jobs, { rounds: ROUNDS, seconds: SECONDS });
    await loadgen.closeSockets();

    const [http, ws] = results as [LoadResult, LoadResult];
    const ratio = (r: LoadResult, base: LoadResult) => `${(r.perSecond / base.perSecond).toFixed(2)}×`;
    for (const [i, r] of results.entries()) {
      summary.push([String(count), r.label, r.perSecond.toFixed(0), r.p50.toFixed(1), r.p99.toFixed(1), String(r.errors), ratio(r, http), ratio(r, ws), jobs[i]!.target]);
      if (r.errors > 0) failures.push(`${count} customers, ${r.label}: ${JSON.stringify(r.errorKinds)} — ${r.failures.join(" | ")}`);
    }
  }
  console.log(
    `\npeer benchmark — both under wrangler dev (local workerd), ${ROUNDS} × ${SECONDS} s per turn kind (interleaved), ` +
      `load generator: ${loadgen.pids.length} process(es) of its own, database: ${teller.databaseKind}, Node ${process.version}`,
  );
  printTable(summary);
  console.log("÷ peer = turns/s ÷ the peer's turns/s at the same concurrency; money = a transfer request plus its \"yes\" (two requests)");
  if (failures.length > 0) console.log(`failed turns:\n  ${failures.join("\n  ")}`);
  console.log(`load average at the end: ${loadAverage()}`);
} finally {
  loadgen.stop();
  await peer.stop();
  await teller.stop();
}

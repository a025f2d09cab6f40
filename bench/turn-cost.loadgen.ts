import { runLoad } from "./load.js";
import { httpTurns, type TurnPlan } from "./teller-turns.js";

/**
 * bench:turn-cost's load generator, in a process of its own so that its CPU is counted apart from
 * the harness's (which also runs the WebSocket proxy to Postgres). Forked with an IPC channel:
 * each message is one fixed-count run; the answer is runLoad's result.
 */
interface Job {
  plan: TurnPlan;
  kind: "echo" | "faq" | "read" | "money";
  count: number;
  concurrency: number;
}

process.on("message", (job: Job) => {
  const turns = httpTurns(job.plan);
  runLoad(job.kind, { concurrency: job.concurrency, seconds: 600, maxRequests: job.count }, turns[job.kind]).then(
    (result) => process.send!({ ok: true, result }),
    (error: unknown) => process.send!({ ok: false, error: String(error) }),
  );
});
process.on("disconnect", () => process.exit(0));
process.send!({ ready: true });

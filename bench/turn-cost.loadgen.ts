import { runLoad } from "./load.js";
import { httpTurns, socketTurns, type SocketTurns, type TurnPlan } from "./teller-turns.js";

/**
 * bench:turn-cost's load generator, in a process of its own so that its CPU is counted apart from
 * the harness's (which also runs the WebSocket proxy to Postgres). Forked with an IPC channel:
 * each message is one fixed-count run; the answer is runLoad's result. Kinds ending in `-ws` are
 * the same turns over Teller's chat WebSocket (one socket per customer, opened on the plan's
 * first socket run and kept for the later ones).
 */
export type CostKind = "echo" | "faq" | "read" | "money" | "faq-ws" | "read-ws" | "money-ws";

interface Job {
  plan: TurnPlan;
  kind: CostKind;
  count: number;
  concurrency: number;
}

const sockets = new Map<string, Promise<SocketTurns>>();

process.on("message", (job: Job) => {
  const turn = async () => {
    if (!job.kind.endsWith("-ws")) return httpTurns(job.plan)[job.kind as "echo" | "faq" | "read" | "money"];
    const key = `${job.plan.url} ${job.plan.run}`;
    if (!sockets.has(key)) sockets.set(key, socketTurns(job.plan));
    return (await sockets.get(key)!)[job.kind.slice(0, -3) as "faq" | "read" | "money"];
  };
  turn()
    .then((request) => runLoad(job.kind, { concurrency: job.concurrency, seconds: 600, maxRequests: job.count }, request))
    .then(
      (result) => process.send!({ ok: true, result }),
      (error: unknown) => process.send!({ ok: false, error: String(error) }),
    );
});
process.on("disconnect", () => {
  for (const turns of sockets.values()) void turns.then((t) => t.close(), () => {});
  process.exit(0);
});
process.send!({ ready: true });

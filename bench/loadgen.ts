import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { mergeResults, type LoadResult } from "./load.js";
import type { PeerPlan } from "./peer/peer-turns.js";
import type { TurnPlan } from "./teller-turns.js";

/**
 * The benches' load generator, in processes of their own (bench/turns.loadgen.ts): the harness's
 * Node also runs the stack's WebSocket proxy to Postgres, and a client in it both slowed that and
 * hid its own CPU (~1–2 ms per request) in the harness's. A run's clients are split across the
 * processes (BENCH_LOADGENS, default 1) and their results merged. Each run gets a name of its
 * own, so message ids never repeat between runs of one plan (a repeated id is answered from the
 * stored turn, which is not the turn being measured).
 */
export type TurnKind = "echo" | "faq" | "read" | "money" | "faq-ws" | "read-ws" | "money-ws" | "peer-http" | "peer-ws";

export interface LoadJob {
  plan: TurnPlan;
  /** For the peer's kinds: its URL; the plan's customers then only give the number of clients. */
  peer?: PeerPlan;
  kind: TurnKind;
  /** A closed loop over every customer of the plan, for `seconds`, or until `count` turns. */
  seconds?: number;
  count?: number;
}

/** What one process runs: clients [from, to) of the plan; `run` names the ids. */
export interface ChildJob extends LoadJob {
  run: string;
  from: number;
  to: number;
}

export interface Loadgen {
  pids: number[];
  run(label: string, job: LoadJob): Promise<LoadResult>;
  /** Closes the sockets the `-ws` kinds opened (they are otherwise kept for the next run). */
  closeSockets(): Promise<void>;
  stop(): void;
}

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), "turns.loadgen.ts");

export async function startLoadgen(processes = Number(process.env.BENCH_LOADGENS ?? 1)): Promise<Loadgen> {
  const children = Array.from({ length: Math.max(1, processes) }, () => fork(CHILD, { stdio: "inherit" }));
  await Promise.all(children.map((child) => answer(child)));
  let runs = 0;
  return {
    pids: children.map((child) => child.pid!),
    async run(label, job) {
      const run = `${job.plan.run}-j${++runs}`;
      const clients = job.plan.customers.length;
      const parts = children
        .map((child, i) => ({ child, from: Math.floor((clients * i) / children.length), to: Math.floor((clients * (i + 1)) / children.length) }))
        .filter((part) => part.to > part.from);
      const results = await Promise.all(
        parts.map(({ child, from, to }) => {
          const count = job.count === undefined ? undefined : Math.ceil((job.count * (to - from)) / clients);
          const message: ChildJob = { ...job, run, from, to, ...(count === undefined ? {} : { count }) };
          child.send(message);
          return answer<LoadResult>(child);
        }),
      );
      return mergeResults(label, results);
    },
    async closeSockets() {
      await Promise.all(children.map((child) => (child.send({ close: true }), answer(child))));
    },
    stop: () => children.forEach((child) => child.connected && child.disconnect()),
  };
}

/** The child's next answer (a result, or ready); a child that dies fails what it was asked. */
function answer<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    const exited = (code: number | null) => {
      child.off("message", answered);
      reject(new Error(`the load generator exited (code ${code})`));
    };
    const answered = (reply: { ok?: boolean; result?: T; error?: string }) => {
      child.off("exit", exited);
      if (reply.ok === false) reject(new Error(reply.error));
      else resolve(reply.result as T);
    };
    child.once("message", answered);
    child.once("exit", exited);
  });
}

/**
 * Each job for `rounds` slices of `seconds`, the jobs interleaved (in order, then reversed, …) so
 * a drift in the machine's speed falls on all alike; one result per job, its slices merged.
 */
export async function interleaved(
  loadgen: Loadgen,
  jobs: Array<{ label: string; job: Omit<LoadJob, "seconds" | "count"> }>,
  options: { rounds: number; seconds: number },
): Promise<LoadResult[]> {
  const slices = jobs.map((): LoadResult[] => []);
  const order = jobs.map((_, i) => i);
  for (let round = 0; round < options.rounds; round++) {
    for (const i of round % 2 === 0 ? order : [...order].reverse()) {
      slices[i]!.push(await loadgen.run(jobs[i]!.label, { ...jobs[i]!.job, seconds: options.seconds }));
    }
  }
  return jobs.map(({ label }, i) => mergeResults(label, slices[i]!, true));
}

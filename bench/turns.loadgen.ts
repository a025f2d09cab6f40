import { runLoad } from "./load.js";
import { httpTurns, openTellerSockets, type TellerSockets, type Turn } from "./teller-turns.js";
import { openPeerSockets, peerHttpTurn, type PeerSockets } from "./peer/peer-turns.js";
import type { ChildJob } from "./loadgen.js";

/**
 * A load generator process (forked by bench/loadgen.ts with an IPC channel), so that its CPU is
 * not the harness's (which also runs the WebSocket proxy to Postgres) and can be counted apart.
 * Each message is one closed-loop run over some of a plan's clients, for a time or a count; the
 * answer is runLoad's result. Kinds ending in `-ws` speak over a WebSocket per customer, opened on
 * the first run that needs it and kept for the later ones (until a `close` message).
 */
const tellerSockets = new Map<string, Promise<TellerSockets>>();
const peerSockets = new Map<string, Promise<PeerSockets>>();

function kept<T>(map: Map<string, Promise<T>>, key: string, open: () => Promise<T>): Promise<T> {
  if (!map.has(key)) map.set(key, open());
  return map.get(key)!;
}

async function turnFor(job: ChildJob): Promise<Turn> {
  const clients = Array.from({ length: job.to - job.from }, (_, i) => job.from + i);
  const key = `${job.plan.url} ${job.plan.run} ${job.from}-${job.to}`;
  switch (job.kind) {
    case "echo":
    case "faq":
    case "read":
    case "money":
      return httpTurns(job.plan, job.run)[job.kind];
    case "faq-ws":
    case "read-ws":
    case "money-ws":
      return (await kept(tellerSockets, key, () => openTellerSockets(job.plan, clients))).turns(job.run)[job.kind.slice(0, -3) as "faq" | "read" | "money"];
    case "peer-http":
      return peerHttpTurn(job.peer!, job.run);
    case "peer-ws":
      return (await kept(peerSockets, `${job.peer!.url} ${key}`, () => openPeerSockets(job.peer!, clients))).turn(job.run);
  }
}

function closeSockets(): void {
  for (const map of [tellerSockets, peerSockets]) {
    for (const sockets of map.values()) void sockets.then((s) => s.close(), () => {});
    map.clear();
  }
}

process.on("message", (message: ChildJob | { close: true }) => {
  if ("close" in message) {
    closeSockets();
    process.send!({ ok: true });
    return;
  }
  const job = message;
  turnFor(job)
    .then((turn) =>
      runLoad(job.kind, { concurrency: job.to - job.from, seconds: job.seconds ?? 600, ...(job.count ? { maxRequests: job.count } : {}) }, (c, n) =>
        turn(job.from + c, n),
      ),
    )
    .then(
      (result) => process.send!({ ok: true, result }),
      (error: unknown) => process.send!({ ok: false, error: String(error) }),
    );
});
process.on("disconnect", () => {
  closeSockets();
  process.exit(0);
});
process.send!({ ready: true });

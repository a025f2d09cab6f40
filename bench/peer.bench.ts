import { loadAverage, printTable, runLoad, type LoadResult } from "./load.js";
import { startPeer } from "./peer/start-peer.js";
import { openSocket } from "./socket-client.js";
import { FAQ_TEXT, startTellerBench, verdict, type Turn } from "./teller-turns.js";

/**
 * `npm run bench:peer`: Teller's turns against a minimal Cloudflare Agents SDK chat agent, in one
 * run on the same wrangler and the same load generator. The peer (bench/peer/echo-agent.ts) is an
 * `AIChatAgent` that stores each message through the SDK's own save path and echoes it with no
 * model — the emptiest turn that SDK can serve. It is driven:
 *  - over HTTP: `POST /agents/echo-agent/<customer>` → `saveMessages` (persist, onChatMessage,
 *    persist the reply) → JSON;
 *  - over the SDK's WebSocket chat protocol: `cf_agent_use_chat_request` → the streamed
 *    `cf_agent_use_chat_response` frames until `done`. The client sends only the new message (the
 *    SDK's client sends the whole conversation, and the server writes only what changed): the
 *    cheapest request the protocol allows, so the peer is measured at its best.
 * Teller's turns are bench:chat's (bench/teller-turns.ts), each over HTTP and over Teller's own
 * chat WebSocket (the web app's path: a socket per customer, opened once, `message` → `turn`
 * frames). Prints each as a ratio of the peer's turn over HTTP and over WebSocket.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CUSTOMERS = (process.env.BENCH_CUSTOMERS ?? "16,64").split(",").map(Number);

console.log(`load average at the start: ${loadAverage()}`);
const teller = await startTellerBench("peer");
const peer = await startPeer().catch(async (error: unknown) => {
  await teller.stop();
  throw error;
});
try {
  // The first few failed turns, printed after the table: an error count alone explains nothing.
  const failures: string[] = [];
  const summary: string[][] = [["customers", "turn", "turns/s", "p50 ms", "p99 ms", "errors", "÷ peer HTTP", "÷ peer WS", "target"]];
  for (const count of CUSTOMERS) {
    const run = `${process.pid}-${count}`;
    const load = (label: string, turn: Turn) => runLoad(label, { concurrency: count, seconds: SECONDS }, turn);
    const turns = await teller.customers(count);
    const peerHttp: Turn = async (c, n) => {
      const response = await fetch(`${peer.url}/agents/echo-agent/c${run}-${c}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ id: `p-${run}-${c}-${n}`, text: FAQ_TEXT }),
      });
      const text = await response.text();
      const ok = response.ok && (JSON.parse(text) as { status: string; reply: string }).reply === FAQ_TEXT;
      if (!ok) failures.push(`peer HTTP ${response.status}: ${text.slice(0, 200)}`);
      return verdict(ok);
    };
    const sockets = await Promise.all(
      Array.from({ length: count }, async (_, c) => {
        const socket = await openSocket(`${peer.url.replace(/^http/, "ws")}/agents/echo-agent/c${run}-${c}`);
        await socket.next((frame) => frame.type === "cf_agent_identity");
        return socket;
      }),
    );
    const peerSocket: Turn = async (c, n) => {
      const id = `q-${run}-${c}-${n}`;
      const message = { id: `u-${id}`, role: "user", parts: [{ type: "text", text: FAQ_TEXT }] };
      const body = JSON.stringify({ messages: [message], trigger: "submit-message" });
      const done = await sockets[c]!.request(
        { type: "cf_agent_use_chat_request", id, init: { method: "POST", body } },
        (frame) => frame.type === "cf_agent_use_chat_response" && frame.id === id && frame.done === true,
      );
      return verdict(done !== undefined && done.error !== true);
    };
    await runLoad("peer warm-up", { concurrency: count, seconds: 2 }, (c, n) => (n % 2 ? peerHttp(c, n) : peerSocket(c, n)));

    const tellerSocket = await turns.overSocket();
    const results: Array<[LoadResult, string]> = [];
    const http = await load("peer: store + echo (HTTP)", peerHttp);
    const ws = await load("peer: store + echo (WS)", peerSocket);
    results.push([await load("Teller FAQ (HTTP)", turns.faq), "≥ 2.5× HTTP, ≥ 2× WS"]);
    results.push([await load("Teller FAQ (WS)", tellerSocket.faq), ""]);
    results.push([await load("Teller read (HTTP)", turns.read), ""]);
    results.push([await load("Teller read (WS)", tellerSocket.read), ""]);
    results.push([await load("Teller money, request + yes (HTTP)", turns.money), "≥ 1×"]);
    results.push([await load("Teller money, request + yes (WS)", tellerSocket.money), "≥ 1×"]);
    tellerSocket.close();
    sockets.forEach((socket) => socket.close());

    const ratio = (r: LoadResult, base: LoadResult) => `${(r.perSecond / base.perSecond).toFixed(2)}×`;
    const row = (r: LoadResult, target: string) =>
      [String(count), r.label, r.perSecond.toFixed(0), r.p50.toFixed(1), r.p99.toFixed(1), String(r.errors), ratio(r, http), ratio(r, ws), target];
    summary.push(row(http, ""), row(ws, ""), ...results.map(([r, target]) => row(r, target)));
  }
  console.log(`\npeer benchmark — both under wrangler dev (local workerd), ${SECONDS} s per turn kind, database: ${teller.databaseKind}, Node ${process.version}`);
  printTable(summary);
  console.log("÷ peer = turns/s ÷ the peer's turns/s at the same concurrency; money = a transfer request plus its \"yes\" (two requests)");
  if (failures.length > 0) console.log(`failed turns (first of ${failures.length}):\n  ${failures.slice(0, 3).join("\n  ")}`);
  console.log(`load average at the end: ${loadAverage()}`);
} finally {
  await peer.stop();
  await teller.stop();
}

import { openSocket, type BenchSocket } from "../socket-client.js";
import { FAQ_TEXT, verdict, type Turn } from "../teller-turns.js";

/**
 * The Agents SDK peer's empty turn (bench/peer/echo-agent.ts), from nothing but a plan, so the
 * load generator's process (bench/turns.loadgen.ts) can drive it like Teller's turns. Client c
 * talks to its own agent, `c<plan.run>-<c>`, kept across runs; message ids carry the run's name.
 *  - over HTTP: `POST /agents/echo-agent/<agent>` → `saveMessages` (persist, onChatMessage,
 *    persist the reply) → JSON;
 *  - over the SDK's WebSocket chat protocol: `cf_agent_use_chat_request` → the streamed
 *    `cf_agent_use_chat_response` frames until `done`. The client sends only the new message (the
 *    SDK's client sends the whole conversation, and the server writes only what changed): the
 *    cheapest request the protocol allows, so the peer is measured at its best.
 */
export interface PeerPlan {
  url: string;
  run: string;
}

export function peerHttpTurn(peer: PeerPlan, run: string): Turn {
  return async (c, n) => {
    const response = await fetch(`${peer.url}/agents/echo-agent/c${peer.run}-${c}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ id: `p-${run}-${c}-${n}`, text: FAQ_TEXT }),
    });
    const text = await response.text();
    const ok = response.ok && (JSON.parse(text) as { reply?: string }).reply === FAQ_TEXT;
    return verdict(ok, `peer HTTP ${response.status}: ${text}`);
  };
}

export interface PeerSockets {
  turn(run: string): Turn;
  close(): void;
}

/** One SDK socket per given client, opened once (after the agent's identity frame). */
export async function openPeerSockets(peer: PeerPlan, clients: number[]): Promise<PeerSockets> {
  const sockets = new Map<number, BenchSocket>();
  await Promise.all(
    clients.map(async (c) => {
      const socket = await openSocket(`${peer.url.replace(/^http/, "ws")}/agents/echo-agent/c${peer.run}-${c}`);
      await socket.next((frame) => frame.type === "cf_agent_identity");
      sockets.set(c, socket);
    }),
  );
  return {
    turn: (run) => async (c, n) => {
      const id = `q-${run}-${c}-${n}`;
      const message = { id: `u-${id}`, role: "user", parts: [{ type: "text", text: FAQ_TEXT }] };
      const body = JSON.stringify({ messages: [message], trigger: "submit-message" });
      const done = await sockets.get(c)!.request(
        { type: "cf_agent_use_chat_request", id, init: { method: "POST", body } },
        (frame) => frame.type === "cf_agent_use_chat_response" && frame.id === id && frame.done === true,
      );
      return verdict(done !== undefined && done.error !== true, `peer WS: ${done ? JSON.stringify(done).slice(0, 200) : "no answer"}`);
    },
    close: () => sockets.forEach((socket) => socket.close()),
  };
}

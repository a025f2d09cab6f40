// A customer's chat WebSocket as a test drives it, through the gateway: the socket tests and the
// several-tabs tests open theirs the same way.
import { expect } from "vitest";
import { gatewayFetch, postJson } from "./helpers.js";

export async function ticketFor(token: string): Promise<string> {
  const response = await postJson("/api/chat/ws-ticket", token, {});
  expect(response.status).toBe(200);
  return ((await response.json()) as { ticket: string }).ticket;
}

export function upgrade(ticket: string | undefined): Promise<Response> {
  const query = ticket === undefined ? "" : `?ticket=${encodeURIComponent(ticket)}`;
  return gatewayFetch(`/api/chat/ws${query}`, { headers: { upgrade: "websocket" } });
}

/** An accepted client socket that collects the frames it receives. */
export async function connect(ticket: string) {
  const response = await upgrade(ticket);
  expect(response.status).toBe(101);
  const ws = response.webSocket!;
  ws.accept();
  const frames: Array<Record<string, unknown>> = [];
  const waiters: Array<() => void> = [];
  ws.addEventListener("message", (event) => {
    frames.push(JSON.parse(event.data as string));
    for (const wake of waiters.splice(0)) wake();
  });
  async function until(predicate: (frame: Record<string, unknown>) => boolean, timeoutMs = 10_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = frames.find(predicate);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no such frame; got ${JSON.stringify(frames)}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }
  return { ws, frames, until };
}

/**
 * Test doubles of the network edge for the web tests (never imported by the app): the client
 * logic runs for real against them.
 */
import type { KeptTurn, Reply, TurnsPage } from "./protocol.js";
import type { TurnsCursor } from "./catchUp.js";

/** A scripted WebSocket: the test opens it, feeds it frames and reads what the client sent. */
export class FakeSocket {
  static all: FakeSocket[] = [];
  readyState = 0;
  sent: Array<Record<string, unknown>> = [];
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(data: string) {
    this.sent.push(JSON.parse(data) as Record<string, unknown>);
  }
  close() {
    this.readyState = 3;
    this.onclose?.();
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  receive(frame: unknown) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
}

export const reply = (text: string): Reply => ({ text, intent: { name: "x", confidence: 1 }, actions: [] });

/**
 * A conversation as GET /api/chat/turns answers it: after a seq or a message id (one not kept
 * reads from the start), a page at a time; without a cursor, the newest; limit 0 reads only the
 * cursor and the state. `reads` records each read's cursor and limit.
 */
export function keptConversation() {
  const turns: KeptTurn[] = [];
  const reads: Array<[TurnsCursor | undefined, number]> = [];
  const state: Pick<TurnsPage, "pendingConfirmation" | "pendingQuestion" | "handoff" | "agent"> = { pendingConfirmation: null, pendingQuestion: null, handoff: false, agent: null };
  return {
    reads,
    state,
    say(id: string, text: string, answer: Reply = reply(`re: ${text}`), at = new Date(0)) {
      turns.push({ seq: turns.length + 1, at: at.toISOString(), said: { text }, turn: { id, reply: answer } });
    },
    async read(after: TurnsCursor | undefined, limit: number): Promise<TurnsPage> {
      reads.push([after, limit]);
      const newest = turns.length;
      if (after === undefined) return { turns: turns.slice(Math.max(0, newest - limit)), more: false, next: newest, ...state };
      const from = typeof after === "number" ? after : (turns.find((t) => t.turn.id === after)?.seq ?? 0);
      const later = turns.filter((t) => t.seq > from);
      const page = later.slice(0, limit);
      return { turns: page, more: later.length > limit, next: page.at(-1)?.seq ?? Math.min(from, newest), ...state };
    },
  };
}

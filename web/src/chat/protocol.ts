/**
 * The chat wire protocol as the page sees it: the same shapes over the WebSocket and over HTTP.
 * Reply and its rich data come straight from the dialogue engine's contract.
 */
import type { Action, PendingConfirmation, Reply, RichData } from "../../../packages/dialogue/types.js";
import type { AgentMessage } from "../../../packages/handoff/protocol.js";

export type { Action, AgentMessage, PendingConfirmation, Reply, RichData };

export interface ConfirmationAnswer {
  id: string;
  answer: "yes" | "no";
}

/** One customer message; its id is the idempotency key the server dedupes on. */
export interface OutgoingMessage {
  id: string;
  text: string;
  confirmation?: ConfirmationAnswer;
}

export interface WireError {
  code: string;
  message: string;
}

/**
 * Frames the server sends on the socket. A turn streams as `reply` frames (final: false), then
 * one `turn` frame with the whole answer (all replies combined); a resume replays missed turns as
 * `turn` frames. Keep-alive: the client pings, the runtime answers `pong` without waking the DO;
 * a server `ping` is answered with `pong` too.
 */
export type ServerFrame =
  | { type: "typing"; id?: string }
  | { type: "reply"; id: string; reply: Reply; final?: boolean }
  | { type: "turn"; turn: { id: string; reply: Reply } }
  | { type: "state"; pendingConfirmation: PendingConfirmation | null; handoff?: boolean; agent?: string | null }
  /** Someone from the bank (hand-off): joined, wrote, left; and their typing indicator. */
  | { type: "agent"; message: AgentMessage }
  | { type: "agent_typing"; on: boolean; agentName: string }
  | { type: "error"; id?: string; error: WireError }
  | { type: "ping" }
  | { type: "pong" };

/** Frames the client sends on the socket. */
export type ClientFrame =
  | ({ type: "message" } & OutgoingMessage)
  /** Without lastMessageId: every turn the server keeps (a reloaded page restoring its conversation). */
  | { type: "resume"; lastMessageId?: string }
  | { type: "ping" }
  | { type: "pong" };

/** Parses one frame; anything malformed is dropped rather than trusted. */
export function parseServerFrame(raw: unknown): ServerFrame | null {
  if (typeof raw !== "string") return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!value || typeof value !== "object") return null;
  const frame = value as { type?: unknown; id?: unknown; reply?: unknown; error?: unknown; turn?: { id?: unknown; reply?: unknown }; message?: unknown; on?: unknown };
  switch (frame.type) {
    case "typing":
    case "ping":
    case "pong":
      return value as ServerFrame;
    case "reply":
      if (typeof frame.id !== "string" || !isReply(frame.reply)) return null;
      return value as ServerFrame;
    case "turn":
      if (typeof frame.turn?.id !== "string" || !isReply(frame.turn.reply)) return null;
      return value as ServerFrame;
    case "state":
      return "pendingConfirmation" in frame ? (value as ServerFrame) : null;
    case "agent":
      return isAgentMessage(frame.message) ? (value as ServerFrame) : null;
    case "agent_typing":
      return typeof frame.on === "boolean" ? (value as ServerFrame) : null;
    case "error":
      return frame.error && typeof frame.error === "object" ? (value as ServerFrame) : null;
    default:
      return null;
  }
}

export function isAgentMessage(value: unknown): value is AgentMessage {
  if (!value || typeof value !== "object") return false;
  const m = value as Partial<AgentMessage>;
  return typeof m.id === "string" && typeof m.text === "string" && typeof m.seq === "number" && typeof m.at === "number" &&
    (m.kind === "joined" || m.kind === "message" || m.kind === "left" || m.kind === "notice");
}

export function isReply(value: unknown): value is Reply {
  if (!value || typeof value !== "object") return false;
  const reply = value as Partial<Reply>;
  return typeof reply.text === "string" && Array.isArray(reply.actions ?? []);
}

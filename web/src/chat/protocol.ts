/**
 * The chat wire protocol as the page sees it: the same shapes over the WebSocket and over HTTP.
 * Reply and its rich data come straight from the dialogue engine's contract.
 */
import type { Action, PendingConfirmation, Reply, RichData } from "../../../packages/dialogue/types.js";

export type { Action, PendingConfirmation, Reply, RichData };

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

/** Frames the server sends on the socket. */
export type ServerFrame =
  | { type: "typing" }
  | { type: "reply"; id: string; reply: Reply }
  | { type: "state"; pendingConfirmation: PendingConfirmation | null }
  | { type: "error"; id?: string; error: WireError }
  | { type: "ping" };

/** Frames the client sends on the socket. */
export type ClientFrame =
  | ({ type: "message" } & OutgoingMessage)
  | { type: "resume"; lastMessageId: string }
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
  const frame = value as { type?: unknown; id?: unknown; reply?: unknown; error?: unknown };
  switch (frame.type) {
    case "typing":
    case "ping":
      return { type: frame.type };
    case "reply":
      if (typeof frame.id !== "string" || !isReply(frame.reply)) return null;
      return value as ServerFrame;
    case "state":
      return "pendingConfirmation" in frame ? (value as ServerFrame) : null;
    case "error":
      return frame.error && typeof frame.error === "object" ? (value as ServerFrame) : null;
    default:
      return null;
  }
}

export function isReply(value: unknown): value is Reply {
  if (!value || typeof value !== "object") return false;
  const reply = value as Partial<Reply>;
  return typeof reply.text === "string" && Array.isArray(reply.actions ?? []);
}

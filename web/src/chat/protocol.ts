/**
 * The chat wire protocol as the page sees it: the same shapes over the WebSocket and over HTTP,
 * declared once in packages/contract (types only: nothing of the server's code reaches the bundle).
 */
import type { Action, PendingConfirmation, PendingQuestion, Reply, RichData } from "../../../packages/contract/reply.js";
import type { ChatMessageInput, ChatTurn, KeptTurn, TurnsPage } from "../../../packages/contract/chat.js";
import type { ClientFrame as ContractClientFrame, SaidElsewhere, ServerFrame as ContractServerFrame, WireError } from "../../../packages/contract/frames.js";
import type { AgentMessage } from "../../../packages/contract/handoff.js";

export type { Action, AgentMessage, ChatTurn, KeptTurn, PendingConfirmation, PendingQuestion, Reply, RichData, SaidElsewhere, TurnsPage, WireError };

/** One customer message; its id is the idempotency key the server dedupes on. */
export type OutgoingMessage = ChatMessageInput;
export type ConfirmationAnswer = NonNullable<ChatMessageInput["confirmation"]>;

/** The server's frames, and the runtime's keep-alive answers (a server `ping` is answered with `pong`). */
export type ServerFrame = ContractServerFrame | { type: "ping" } | { type: "pong" };

/** Frames the client sends on the socket. */
export type ClientFrame = ContractClientFrame | { type: "ping" };

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
  const frame = value as { type?: unknown; id?: unknown; reply?: unknown; error?: unknown; turn?: { id?: unknown; reply?: unknown }; said?: { text?: unknown }; message?: unknown; on?: unknown };
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
      if (frame.said !== undefined && typeof frame.said?.text !== "string") return null;
      return value as ServerFrame;
    case "state":
      return "pendingConfirmation" in frame ? (value as ServerFrame) : null;
    case "agent":
      return isAgentMessage(frame.message) ? (value as ServerFrame) : null;
    case "agent_typing":
      return typeof frame.on === "boolean" ? (value as ServerFrame) : null;
    case "error":
      return frame.error && typeof frame.error === "object" ? (value as ServerFrame) : null;
    case "history_erased":
      return (value as { by?: unknown }).by === "customer" || (value as { by?: unknown }).by === "operator" ? (value as ServerFrame) : null;
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

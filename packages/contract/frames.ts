import type { ChatMessageInput, ChatTurn, SinceInstant } from "./chat.js";
import type { ErrorCode } from "./errors.js";
import type { PendingConfirmation, PendingQuestion, Reply } from "./reply.js";
import type { CustomerAgentFrame } from "./handoff.js";

/**
 * The chat WebSocket's frames, both ways. Plain types and constants only (no zod), so the web
 * app imports them without growing its bundle; the server validates client frames with
 * `clientFrameSchema()` (chat.schema.ts).
 *
 * A turn streams as `reply` frames (final: false), then one `turn` frame with the whole answer
 * (all replies combined); a resume replays missed turns as `turn` frames. Keep-alive: the client
 * pings, the runtime answers `pong` without waking the Durable Object.
 */
export const MAX_FRAME_BYTES = 16 * 1024;

/** Keep-alive without waking a hibernated DO: the runtime answers this frame itself. */
export const PING_FRAME = '{"type":"ping"}';
export const PONG_FRAME = '{"type":"pong"}';

/** What the customer sent from another tab or device: its words and, for a button, which one. */
export interface SaidElsewhere {
  text: string;
  confirmation?: ChatMessageInput["confirmation"];
}

export interface WireError {
  code: ErrorCode;
  message: string;
}

export type ServerFrame =
  | { type: "typing"; id: string }
  | { type: "reply"; id: string; reply: Reply; final: boolean }
  /**
   * `said`: the customer's words (as stored: redacted), when the turn was sent from another of the
   * customer's tabs or devices, so every open one shows the whole conversation as it happens; and
   * on the turns a `resume` replays, so a restored conversation has both sides. `resumed`: the
   * turn is one a `resume` replayed (said before), not one happening now.
   */
  | { type: "turn"; turn: ChatTurn; said?: SaidElsewhere; resumed?: true }
  /**
   * `agent`: the first name of the person from the bank holding the conversation, if any.
   * `pendingQuestion`: the question a task waits on (none while a confirmation waits).
   */
  | { type: "state"; pendingConfirmation: PendingConfirmation | null; pendingQuestion: PendingQuestion | null; handoff: boolean; agent: string | null }
  | CustomerAgentFrame
  /**
   * The conversation was erased, everywhere (DELETE /api/me/conversation from one of the customer's
   * tabs or devices, or `by` the bank's operator): every open chat empties it and says why.
   */
  | { type: "history_erased"; by: "customer" | "operator" }
  | { type: "error"; id?: string; error: WireError };

export type ClientFrame =
  | ({ type: "message" } & ChatMessageInput)
  /**
   * Without lastMessageId: every turn the server keeps (a reloaded page restoring its conversation).
   * `since`: only turns kept at or after it (the page's sign-in).
   */
  | { type: "resume"; lastMessageId?: string; since?: SinceInstant }
  | { type: "pong" };

import type { ConfirmationAnswer, PendingConfirmation, PendingQuestion, Reply } from "./reply.js";

/** What a client sends: its own message id (for retries) and the text. */
export interface ChatMessageInput {
  id: string;
  text: string;
  /** Sent by the Yes/No buttons of a confirmation the server rendered. */
  confirmation?: ConfirmationAnswer;
  /**
   * The sender's sign-in (SinceInstant): what the conversation waited on from before it was never
   * shown to this sender, so this message does not answer it (packages/dialogue/unseen.ts).
   */
  since?: SinceInstant;
}

/** The answer to one customer message; the same message id always gets the same answer. */
export interface ChatTurn {
  id: string;
  reply: Reply;
  /**
   * When the server answered (ISO 8601, UTC): the same instant on the HTTP reply, the socket's
   * `turn` frame and a kept turn's `at`, so every tab shows the same minute. Absent from turns kept
   * before it existed; a client that ignores it loses nothing else.
   */
  at?: string;
}

export const MAX_MESSAGE_CHARS = 2000;
/** Client message ids: 1–64 characters of [A-Za-z0-9_-] (UUIDs, ULIDs, nanoids all fit). */
export const MESSAGE_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Which path decided a turn's intent (issue: log it without message text). It travels back to
 * the gateway with the turn, so the request's one log line carries it: under wrangler dev a
 * second line per turn cost about a third of the chat throughput.
 */
export interface IntentDecision {
  decidedBy: "local" | "ai" | "fallback";
  reason: string;
  intent: string;
  localIntent: string;
  localConfidence: number;
  elapsedMs: number;
}

export interface ChatTurnResult {
  turn: ChatTurn;
  /** Null when the turn was answered from storage (a retried message id). */
  decision: IntentDecision | null;
}

/**
 * GET /api/chat/turns: the conversation's kept turns after a point, for a client that was not
 * listening (its socket was closed, or it has none, while the customer spoke in another tab).
 * `after`: a sequence number (digits; 0 = from the oldest kept) or a message id (a message id of
 * digits only is read as a sequence number; an id no longer kept reads from the oldest kept).
 * Without `after`: the newest `limit` turns. `limit`: 0–MAX_TURNS_PAGE (default DEFAULT_TURNS_PAGE);
 * 0 reads no turn, only the cursor and the state (where a fresh client starts). `since` (see
 * SinceInstant): only turns kept at or after it.
 */
export const MAX_TURNS_PAGE = 50;
export const DEFAULT_TURNS_PAGE = 20;

/**
 * An ISO 8601 instant (with offset) a client reads from: its sign-in. On a shared device a fresh
 * sign-in starts with an empty chat, and a reload restores only what was said since it signed in
 * (GET /api/chat/turns?since=, the socket's `resume`, GET /api/chat/agent-messages?since=).
 * Validated by chat.schema.ts's sinceField().
 */
export type SinceInstant = string;

/** The query once validated (chat.schema.ts's turnsQuerySchema). */
export interface TurnsQuery {
  after?: { seq: number } | { messageId: string };
  limit: number;
  since?: SinceInstant;
}

/** One kept turn: its place, when it was answered, the customer's words as kept (redacted), the answer. */
export interface KeptTurn {
  seq: number;
  at: string;
  said: { text: string };
  turn: ChatTurn;
}

export interface TurnsPage {
  /** Oldest first. */
  turns: KeptTurn[];
  /** More turns follow this page: ask again with `after=next`. */
  more: boolean;
  /** The cursor for the next read: the last turn's seq, or where the conversation stands. */
  next: number;
  /** As the socket's state frame says it. */
  pendingConfirmation: PendingConfirmation | null;
  pendingQuestion: PendingQuestion | null;
  handoff: boolean;
  agent: string | null;
}

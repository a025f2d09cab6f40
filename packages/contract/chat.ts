import type { Reply } from "./reply.js";

/** What a client sends: its own message id (for retries) and the text. */
export interface ChatMessageInput {
  id: string;
  text: string;
  /** Sent by the Yes/No buttons of a confirmation the server rendered. */
  confirmation?: { id: string; answer: "yes" | "no" };
}

/** The answer to one customer message; the same message id always gets the same answer. */
export interface ChatTurn {
  id: string;
  reply: Reply;
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

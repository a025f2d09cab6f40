/**
 * "Delete history": what the page keeps of the conversation goes once the server has erased it
 * (DELETE /api/me/conversation), and the words the customer reads when it could not.
 */
import { ApiError, NetworkError, plainError } from "../api.js";

/** The part of the chat's state an erasure reads and clears (useChat's ChatState has it). */
export interface ErasableFields {
  entries: ReadonlyArray<{ kind: string; id?: string; error?: string }>;
  unsent: ReadonlySet<string>;
  answered: Record<string, unknown>;
  pending?: unknown;
  notice: string | null;
  historyEnd?: number;
}

/**
 * Messages the customer wrote that have no answer yet: queued, on their way, or failed (shown
 * with Retry). Erasing now would drop them from the screen, or erase them half-way (one the server
 * is still answering), so the page waits for them.
 */
export function notYetSent(state: Pick<ErasableFields, "entries" | "unsent">): number {
  const failed = state.entries.filter((e) => e.kind === "customer" && e.error && !state.unsent.has(e.id ?? "")).length;
  return state.unsent.size + failed;
}

/**
 * The conversation shown, once erased: nothing said before. The server's dialogue starts afresh
 * (no confirmation is pending any more); a hand-off and the agent cursor stay as they are (the
 * server keeps the sequence, so catch-up reads go on from it).
 */
export function withHistoryErased<S extends ErasableFields>(state: S): S {
  const { historyEnd: _restored, ...rest } = state;
  return { ...rest, entries: [], answered: {}, pending: null, notice: null } as unknown as S;
}

/**
 * Words for an erasure that failed; the page keeps everything, so asking again is safe. The server
 * erases its Durable Object's copy before Postgres: after a server failure part of it may be gone,
 * and asked again the erasure completes.
 */
export function erasureError(error: unknown): string {
  if (error instanceof ApiError && error.code === "timeout") {
    return "Deleting your chat history took too long and may not be complete. Please try again.";
  }
  if (error instanceof ApiError && error.status >= 500) {
    return "Your chat history may not be fully deleted. Something went wrong on our side. Please try again in a moment.";
  }
  // No answer came: the request may or may not have reached the bank.
  if (error instanceof NetworkError) return "We can't reach Teller right now, so your chat history may not be deleted. Check your connection and try again.";
  return `Your chat history wasn't deleted. ${plainError(error)}`;
}

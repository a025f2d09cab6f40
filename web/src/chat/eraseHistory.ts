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

/** Why the conversation went from this tab, when it was erased elsewhere. */
export const ERASED_ELSEWHERE: Record<"customer" | "operator", string> = {
  customer: "Your chat history was deleted on another tab or device, so it was cleared here too.",
  operator: "The bank deleted your chat history, so it was cleared here too.",
};

/**
 * Erased from another tab or device (or by the bank): the conversation goes from this page too,
 * and the page says why. Messages written here and not answered yet stay (they are sent, and
 * answered, in the conversation that starts afresh).
 */
export function withHistoryErasedElsewhere<S extends ErasableFields>(state: S, by: "customer" | "operator"): S {
  const waiting = state.entries.filter((e) => e.kind === "customer" && (state.unsent.has(e.id ?? "") || Boolean(e.error)));
  return { ...withHistoryErased(state), entries: waiting, notice: ERASED_ELSEWHERE[by] };
}

/**
 * Words for an erasure that failed; the page keeps everything, so asking again is safe. The server
 * erases Postgres first and its Durable Object after: a failure leaves it all in place (a step
 * that passed the deadline may still finish late), and asked again the erasure completes.
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

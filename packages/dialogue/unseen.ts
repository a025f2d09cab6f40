/**
 * A shared device: a fresh sign-in starts with an empty chat (`since`, packages/contract/since.ts),
 * so what the conversation waits on from before it (a confirmation naming a payee and an amount, a
 * question, a Yes/No offer) was never shown to that sign-in. It is neither reported to it nor
 * answerable by it: a "yes" typed after the sign-in must not confirm a card it never saw.
 */
import { pendingConfirmation, settle } from "./state.js";
import type { DialogueState } from "./types.js";

/**
 * Whether what the conversation waits on was last shown before `sinceMs` (0: no sign-in instant,
 * everything counts as shown). It was shown by the customer's latest message's turn; state kept
 * before that instant was recorded counts as older than any sign-in.
 */
export function shownBefore(state: Pick<DialogueState, "lastMessageAt">, sinceMs: number): boolean {
  return sinceMs > 0 && (state.lastMessageAt ?? 0) < sinceMs;
}

/**
 * Before a turn from a sign-in at `sinceMs`: a task, a set-aside task or an offer it never saw is
 * dropped (a pending confirmation settled "cancelled", so its card's button in an older tab says so).
 * What is executing stays: a confirmed money movement finishes, once. True when anything was dropped.
 */
export function forgetUnseen(state: DialogueState, sinceMs: number, now: number): boolean {
  if (!shownBefore(state, sinceMs)) return false;
  if (!state.task && !state.paused && !state.offer) return false;
  const confirmation = pendingConfirmation(state.task);
  if (confirmation) settle(state, confirmation.id, "cancelled", now);
  state.task = null;
  state.paused = null;
  state.offer = null;
  return true;
}

/**
 * Replies that only bring a set-aside task back after an answer ("Back to your transfer: …").
 * Each streamed reply keeps its own intent; a turn's combined reply (runner.combineReplies) takes
 * its intent from the answer before them, so a balance asked mid-transfer is recorded as
 * `balance`, not `transfer`. Kept beside the reply objects, not on them: the mark means something
 * only within one turn and never crosses the wire or storage.
 */
import type { Reply } from "./types.js";

const continuations = new WeakSet<Reply>();

export function markContinuation(replies: readonly Reply[]): void {
  for (const r of replies) continuations.add(r);
}

export function isContinuation(reply: Reply): boolean {
  return continuations.has(reply);
}

/**
 * "and change it to checking" under a transfer to a payee: the payee is who gets the money, so an
 * account of the customer's own named there is where it comes from. It was read as the destination
 * ("to checking") and the card swapped Jordan for the customer's own checking account.
 */
import type { Entities, TransferTask } from "../types.js";

const CHANGE_IT_TO =
  /^(?:(?:and|no+|oh|wait|sorry|oops|actually|hmm|ok(?:ay)?|please)[,.!]?\s+)*(?:can\s+you\s+|could\s+you\s+|please\s+)?(?:change|switch|swap|make|set)\s+(?:it|that|this|the\s+account)\s+(?:to|into)\s+(?:my\s+|the\s+)?\S+(?:\s+(?:account|instead|please))*[\s.!]*$/i;

/** The message's entities with an own account named by "change it to …" made the source, when the money goes to a payee. */
export function withChangedSource(task: TransferTask, e: Entities, text: string): Entities {
  const to = task.to;
  if (!to || !("payeeId" in to) || e.toRef === undefined || e.fromRef !== undefined || e.payeeName !== undefined) return e;
  if (e.toRef === "credit" || !CHANGE_IT_TO.test(text.trim())) return e;
  const { toRef, ...rest } = e;
  return { ...rest, fromRef: toRef };
}

/**
 * "no, the other way round" under a transfer between the customer's own accounts: source and
 * destination swap places (a new card; the old one's Yes no longer sends). It got "Sorry, I didn't
 * catch that." and the same card, which a "yes" then sent the wrong way.
 */
import type { StepContext } from "../context.js";
import { accountLabel } from "../render.js";
import { settle } from "../state.js";
import type { TransferTask } from "../types.js";
import { advance } from "./transfer-questions.js";

const OTHER_WAY =
  /^(?:(?:no+|nope|wait|sorry|oops|actually|hmm)[,.!]?\s+)*(?:(?:the\s+)?other\s+way(?:\s+a?round)?|(?:the\s+)?(?:wrong|opposite)\s+(?:way|direction)(?:\s+a?round)?|(?:swap|switch|reverse)\s+(?:them|the\s+accounts|it|that)(?:\s+a?round)?|vice\s+versa)(?:\s+please)?[\s.!]*$/i;

/** True when the message only asks for the other direction. */
export function asksOtherWay(text: string): boolean {
  return OTHER_WAY.test(text.trim());
}

/** Swaps a transfer's own accounts when asked; true if the message was that request and was answered. */
export function reverseDirection(ctx: StepContext, task: TransferTask, text: string): boolean {
  if (!task.accounts || !asksOtherWay(text)) return false;
  const to = task.to;
  const from = task.accounts.find((a) => a.id === task.from);
  const dest = to && "accountId" in to ? task.accounts.find((a) => a.id === to.accountId) : undefined;
  // Only between two of the customer's own accounts, and not out of a credit card (never by chat).
  if (!from || !dest || dest.type === "credit") return false;
  if (task.confirmation) {
    settle(ctx.state, task.confirmation.id, "replaced", ctx.now);
    task.confirmation = null;
  }
  task.from = dest.id;
  task.to = { accountId: from.id };
  advance(ctx, task, [`OK, from ${accountLabel(dest)} to ${accountLabel(from)}.`]);
  return true;
}

/**
 * explore25: "skip the next one", "skip next month's payment to bright broadband" got "Sorry, I can't
 * help with that." (twice in a row, a hand-off to staff). A repeating transfer has no skipping of
 * one payment in Teller: said so, with what can be done instead (cancel it and set it up again
 * later, or see the scheduled payments first).
 */
import type { StepContext } from "../context.js";
import { quickReply, reply } from "../render.js";

const SKIP =
  /^(?:(?:can|could)\s+(?:you|i)\s+|(?:i\s+(?:want|need|would\s+like)|i'?d\s+like)\s+to\s+|please\s+|pls\s+|ok(?:ay)?\s+|and\s+)*(?:skip|pause|hold\s+off|miss\s+out)\s+(?:on\s+)?(?:the\s+|my\s+|this\s+|that\s+|one\s+|a\s+)?(?:next\s+|upcoming\s+|coming\s+|following\s+)?(?:(?:week'?s|month'?s|friday'?s|one|payment|transfer|installment|scheduled|repeating|recurring|weekly|monthly|it|this\s+week|this\s+month|next\s+week|next\s+month)\b)/i;
const MAX_WORDS = 16;
const SCHEDULES_INTENT = { name: "scheduled_payments", confidence: 1 };

export function asksToSkipPayment(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.split(/\s+/).length <= MAX_WORDS && SKIP.test(trimmed);
}

/** True when the message asked to skip one payment of a schedule and was answered here. */
export function answerSkipPayment(ctx: StepContext, text: string): boolean {
  if (ctx.state.task || !asksToSkipPayment(text)) return false;
  ctx.state.consecutiveFallbacks = 0;
  ctx.replies.push(
    reply(
      SCHEDULES_INTENT,
      "I can't skip just one payment of a repeating transfer. I can cancel it, and you can set it up again from the date you want it to restart; payments already made aren't affected.",
      { actions: [quickReply("My scheduled payments"), quickReply("Cancel a scheduled payment")] },
    ),
  );
  return true;
}

/**
 * Reminders (session 26, found by hand): "can you remind me to pay rent" got "Sorry, I can't help with
 * that." Teller sets no reminders (CLINC150's reminder requests are declined, and stay so when they
 * name no money), but a reminder to pay can be the payment itself, scheduled for its day and
 * confirmed first. So it says so, with the way to do it.
 */
import type { StepContext } from "../context.js";
import { MAKE_TRANSFER } from "../faq/answer.js";
import { quickReply, reply } from "../render.js";

const REMINDER = /\bremind(?:er)?s?\b/i;
const MONEY_DUE = /\b(?:pay|paying|payment|bill|bills|rent|mortgage|transfer|send|sending|money|due|credit\s+card|card\s+balance)\b/i;

export function answerPaymentReminder(ctx: StepContext, text: string): boolean {
  if (!REMINDER.test(text) || !MONEY_DUE.test(text)) return false;
  ctx.replies.push(
    reply(
      { name: "payment_reminder", confidence: 1 },
      "I can't set reminders. What I can do is schedule the payment itself, so it's made on the day: say, “send $1,200 to my landlord on the 1st every month” or “pay $50 to my credit card on Friday”. Nothing is scheduled until you say Yes to it, and you can cancel a scheduled payment any time before its day.",
      { actions: [MAKE_TRANSFER, quickReply("My scheduled payments", "What payments do I have scheduled?")] },
    ),
  );
  return true;
}

/**
 * Session 32, found by hand: "i forgot my pin number" got how to change a PIN at an ATM (which needs
 * the old one), and "whats my pin" how to order a physical card. A PIN is never said in the chat; the
 * app shows it securely (as the blocked-PIN answer says), and unblocks one after wrong attempts.
 */
import type { StepContext } from "../context.js";
import { reply } from "../render.js";

const PIN = String.raw`(?:my\s+|the\s+)?(?:(?:debit|credit|visa|master\s?card|bank)\s+)?(?:card'?s?\s+)?pin(?:\s+(?:number|code))?`;
const FORGOT = new RegExp(
  String.raw`\b(?:forg[oe]t(?:ten)?|can'?t\s+remember|cannot\s+remember|don'?t\s+remember|do\s+not\s+remember|can'?t\s+recall|lost)\s+${PIN}\b` +
    String.raw`|^(?:(?:what(?:'s|s|\s+is)|whats|wats|tell\s+me|show\s+me|give\s+me|remind\s+me\s+of|can\s+you\s+(?:tell|give|show)\s+me|i\s+need)\s+)${PIN}\s*[?.!]*$`,
  "i",
);

export function asksForgottenPin(text: string): boolean {
  return FORGOT.test(text.trim());
}

/** Says where a forgotten PIN is seen; false when the message asks something else. */
export function answerForgottenPin(ctx: StepContext, text: string): boolean {
  if (ctx.state.task || !asksForgottenPin(text)) return false;
  ctx.state.consecutiveFallbacks = 0;
  ctx.replies.push(
    reply(
      // BANKING77 files "I forgot my PIN number" under pin_blocked: the same topic, answered for forgetting.
      { name: "pin_blocked", confidence: 1 },
      "I can't show a PIN in the chat: it's never sent in messages. You can view your card's PIN securely in the app, under Cards. If it's been blocked after too many wrong attempts, you can unblock it there too.",
    ),
  );
  return true;
}

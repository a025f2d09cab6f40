/**
 * Session 32, found by hand: "why is my available balance different" listed the balances again,
 * leaving the question unanswered. Available money is the balance less card payments still pending
 * (the figure balances show beside it when the two differ); on a credit card, the limit less what is owed.
 */
import type { StepContext } from "../context.js";
import { quickReply, reply } from "../render.js";

const AVAILABLE = String.raw`available(?:\s+(?:balance|funds|money|amount))?`;
const BALANCE = String.raw`(?:current\s+|actual\s+|account\s+|real\s+)?balance`;
const WHY_AVAILABLE = new RegExp(
  String.raw`\b(?:why|how\s+come)\b[^?.!]{0,40}\b${AVAILABLE}\b[^?.!]{0,30}\b(?:different|differ|less|lower|smaller|higher|more|not\s+(?:the\s+)?same|doesn'?t\s+match|not\s+match)\b` +
    String.raw`|\bwhat(?:'s|\s+is)\s+the\s+difference\s+between\s+(?:my\s+|the\s+|an?\s+)?(?:${AVAILABLE}\s+and\s+(?:my\s+|the\s+|an?\s+)?${BALANCE}|${BALANCE}\s+and\s+(?:my\s+|the\s+|an?\s+)?${AVAILABLE})\b` +
    String.raw`|\bwhat\s+does\s+(?:my\s+|the\s+)?${AVAILABLE}\s+mean\b`,
  "i",
);

export function asksWhyAvailableDiffers(text: string): boolean {
  return WHY_AVAILABLE.test(text);
}

/** Says what the available balance is; false when the message asks something else. */
export function answerAvailableBalance(ctx: StepContext, text: string): boolean {
  if (ctx.state.task || !asksWhyAvailableDiffers(text)) return false;
  ctx.state.consecutiveFallbacks = 0;
  ctx.replies.push(
    reply(
      { name: "available_balance", confidence: 1 },
      "Your available balance is what you can spend right now: your balance less card payments that are still pending, which are held until the merchant completes them. When a pending payment posts or is released, the two match again. On a credit card, available credit is your limit less what you owe.",
      { actions: [quickReply("Pending payments", "Show my pending transactions")] },
    ),
  );
  return true;
}

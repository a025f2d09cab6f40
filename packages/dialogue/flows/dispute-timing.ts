/**
 * explore25: "how long does a dispute take" started a dispute ("Which charge would you like to
 * dispute?" with the recent charges to pick from). It is a question about disputes: answered as
 * Teller does them (the disputes team reviews each one and the chat shows its status; no time is
 * promised), with a dispute and the list of them one tap away.
 */
import type { StepContext } from "../context.js";
import { quickReply, reply } from "../render.js";

const ASKS_HOW_DISPUTES_GO = new RegExp(
  String.raw`^(?:(?:so|and|ok(?:ay)?|hi|hey)[\s,]+)*(?:` +
    String.raw`how\s+long\s+(?:does|do|will|would|should|can|is)\s+(?:it\s+take\s+(?:for\s+)?)?(?:a\s+|an\s+|the\s+|my\s+|this\s+|that\s+)?(?:dispute|chargeback)s?(?:\s+(?:review|process|investigation))?(?:\s+(?:usually|normally|typically|generally))?(?:\s+(?:take|last|to\s+(?:be\s+)?(?:resolved|sorted|done|processed)))?` +
    String.raw`|how\s+long\s+(?:until|before|till)\s+(?:a|the|my)\s+(?:dispute|chargeback)\s+(?:is\s+)?(?:resolved|done|finished|closed|sorted|processed)` +
    String.raw`|how\s+(?:does|do)\s+(?:a\s+|the\s+)?(?:dispute|chargeback)s?(?:\s+process)?\s+work` +
    String.raw`|what\s+happens\s+(?:after|when|once|if)\s+i\s+(?:open|file|make|raise|start|submit)\s+a\s+(?:dispute|chargeback)` +
    String.raw`)(?:\s+(?:usually|normally|typically|with\s+you|here|at\s+teller))?\s*[?.!]*$`,
  "i",
);
const DISPUTE_INTENT = { name: "dispute", confidence: 1 };

export function asksHowDisputesGo(text: string): boolean {
  return ASKS_HOW_DISPUTES_GO.test(text.trim());
}

/** True when the message asked how a dispute goes and was answered here. */
export function answerDisputeTiming(ctx: StepContext, text: string): boolean {
  if (ctx.state.task || !asksHowDisputesGo(text)) return false;
  ctx.state.consecutiveFallbacks = 0;
  ctx.replies.push(
    reply(
      DISPUTE_INTENT,
      "When you open a dispute, our disputes team reviews the charge and keeps you posted. How long that takes depends on the charge and the merchant, so I can't promise a date. You can ask me for its status any time: open, under review, then resolved or closed. If a charge looks wrong, I can open a dispute for it now.",
      { actions: [quickReply("Dispute a charge", "I want to dispute a charge"), quickReply("My disputes")] },
    ),
  );
  return true;
}

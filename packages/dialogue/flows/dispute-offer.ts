/**
 * The written answer to "I don't recognise a charge" / "I was charged twice" (asked without
 * pointing at one) ends with an offer to open a dispute, as the lost-card answer offers a freeze:
 * a typed or tapped "yes" to it lists the charges to pick from (flows/disputes.ts); "no" opens
 * nothing. The offer lasts for the next message only.
 */
import { CONFIRMATION_TTL_MS } from "../config.js";
import type { StepContext } from "../context.js";
import { quickReply, reply } from "../render.js";
import type { ChargeHints, DisputeReason, Entities, IntentTag } from "../types.js";
import { chargeHints } from "./charge-hints.js";
import { startDispute } from "./disputes.js";
import { faqAnswer } from "../faq/index.js";
import { FREEZE_CARD } from "../faq/answer.js";

const OFFERED_FOR: Record<string, DisputeReason> = {
  card_payment_not_recognised: "unrecognised",
  transaction_charged_twice: "duplicate",
};

/** After the written answer: the offer, when the topic is one and no task is open or set aside. */
export function offerDispute(ctx: StepContext, intent: IntentTag, hints: ChargeHints = {}): void {
  const reason = OFFERED_FOR[intent.name];
  if (!reason || ctx.state.task || ctx.state.paused) return;
  // Only a figure or a day said with the question narrows the list a "yes" shows: its other words
  // ("recognise", "charge") are no merchant's.
  const { words: _w, ...said } = hints;
  ctx.state.offer = { kind: "dispute", reason, at: ctx.now, ...(said.amounts || said.range ? { hints: said } : {}) };
  // The answer's freeze button stays at hand: the offer's buttons are the last a turn shows.
  const freeze = (faqAnswer(intent.name)?.actions ?? []).filter((a) => a.label === FREEZE_CARD.label);
  ctx.replies.push(
    reply(intent, "I can also open a dispute: I'll list your recent charges so you can pick the one. Would you like me to open a dispute for it?", {
      actions: [quickReply("Yes, dispute it", "yes"), quickReply("No", "no"), ...freeze],
    }),
  );
}

// A charge pointed at by its figure or day, and nothing more: "the 79.84 one", "the $52.31 charge",
// "the one on 26 nov", "79.84".
const POINTS_AT_CHARGE = /^\s*(?:(?:it'?s|its|it\s+was|what\s+about|dispute)\s+)?(?:the\s+)?(?:\$?\d[\d,]*(?:\.\d{1,2})?(?:\s+(?:one|charge|payment))?|(?:one|charge|payment)\s+(?:on|from|of|for)\s+[a-z0-9 $.,]{1,30})\s*(?:please|pls)?\s*[.!?]*$/i;

/**
 * A bare yes or no right after the offer answers it; anything else drops it. True when answered.
 * Called at the start of every message, so the offer never outlives the next one.
 */
export function answerOffer(ctx: StepContext, e: Entities, bare: boolean, text = ""): boolean {
  const offer = ctx.state.offer;
  if (!offer) return false;
  ctx.state.offer = null;
  // "the 79.84 one", "the one on 30 oct" right after a merchant's charges were listed: that charge
  // is looked for among its charges and offered for a dispute, never read as a new request.
  if (offer.merchant && !ctx.state.task && ctx.now - offer.at <= CONFIRMATION_TTL_MS && POINTS_AT_CHARGE.test(text)) {
    const hints = chargeHints(e, text);
    if (hints.amounts || hints.range) {
      const query = { disputeReason: offer.reason, chargeMerchant: offer.merchant };
      startDispute(ctx, { name: "dispute", confidence: 1 }, { accountRefs: [], query }, "", hints);
      return true;
    }
  }
  if (!bare || e.yes === e.no || ctx.state.task || ctx.now - offer.at > CONFIRMATION_TTL_MS) return false;
  const intent: IntentTag = { name: "dispute", confidence: 1 };
  if (e.no) {
    ctx.replies.push(reply(intent, "OK, I haven't opened a dispute. If you'd like one later, just say “dispute a charge”."));
    return true;
  }
  startDispute(ctx, intent, { accountRefs: [], query: { disputeReason: offer.reason } }, "", offer.hints);
  return true;
}

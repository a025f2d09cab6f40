/**
 * Session 32, found by hand: "cancel my card" got "Your cards are already active." (the model read it
 * as an unfreeze). Teller can't close a card; it can freeze one at once, and a person can close it for
 * good. A lost or stolen card goes its own way (a freeze and a replacement), as does a card someone
 * else used ("cancel my card, there are charges i didn't make": BANKING77's fraud rows), "cancel my card
 * payment" or "cancel the freeze".
 */
import type { StepContext } from "../context.js";
import { FREEZE_CARD, TALK_TO_PERSON } from "../faq/answer.js";
import { reply } from "../render.js";

const CARD = String.raw`(?:my|the|this|that|a)\s+(?:(?:old|other|second|spare|extra|debit|credit|bank|visa|master\s?card|amex|teller|rewards|physical|virtual)\s+){0,2}card`;
const CLOSE = new RegExp(
  String.raw`\b(?:cancel|close|deactivate|shut\s+(?:down|off)|terminate|get\s+rid\s+of|discontinue)\s+${CARD}\b(?!\s*(?:payments?|freeze|block|transactions?|charges?|orders?|replacement|limit|pin|account\s+number))|\b${CARD}\s+(?:cancelled|canceled|closed|deactivated)\b`,
  "i",
);
const NOT_THIS = /\b(?:lost|stolen|missing|nicked|swallowed|freeze|frozen|unfreeze|block(?:ed)?|how\s+long|what\s+happens|did\s+you|why|someone|somebody|fraud\w*|recogni[sz]e|authori[sz]\w*|charges?|transactions?|withdrawals?|compromised|hacked)\b/i;

export function asksToCloseCard(text: string): boolean {
  return CLOSE.test(text) && !NOT_THIS.test(text);
}

/** Says who closes a card and offers a freeze now; false when the message asks something else. */
export function answerCardClose(ctx: StepContext, text: string): boolean {
  if (ctx.state.task || !asksToCloseCard(text)) return false;
  ctx.state.consecutiveFallbacks = 0;
  ctx.replies.push(
    reply(
      { name: "close_card", confidence: 1 },
      "I can't close a card here. If you want it stopped right away, I can freeze it now: payments and withdrawals with it are declined until you unfreeze it. To close it for good, a person on our team can close it for you.",
      { actions: [FREEZE_CARD, TALK_TO_PERSON] },
    ),
  );
  return true;
}

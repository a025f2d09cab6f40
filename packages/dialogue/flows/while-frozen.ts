/**
 * Session 31, found by hand: "i lost my wallet", the card frozen, then "will my direct debits still
 * go out" opened a dispute, and "can i still use apple pay" was told how to add a card to Apple Pay.
 * Asked right after a freeze, or about a frozen card by name, what a freeze stops and what it leaves
 * alone is said: payments made with the card stop; transfers, scheduled payments and direct debits
 * come from the account, not the card, and go on.
 */
import { READ_FOLLOW_UP_MS } from "../config.js";
import type { StepContext } from "../context.js";
import { quickReply, reply } from "../render.js";

// A yes/no question ("will my rent still go out", "can i still use apple pay").
const YES_NO = /^(?:(?:ok(?:ay)?|so|and|but|wait|thanks?|great|cool|right)[,!.]*\s+)*(?:will|would|do|does|can|could|is|are|am|should)\b/i;
const STILL = /\b(?:still|anymore|any\s+more|now)\b/i;
// About a card that is frozen, not asking to freeze one ("can i freeze my card online") nor whether it is.
const FROZEN_WORD = String.raw`\b(?:frozen|blocked|locked)\b`;
const IS_FROZEN = new RegExp(FROZEN_WORD, "i");
const WHILE_FROZEN = new RegExp(String.raw`\b(?:when|while|if|once|even\s+(?:though|if)|since|now\s+that)\b.*${FROZEN_WORD}`, "i");
const CARD_USE =
  /\b(?:apple\s*pay|google\s*pay|samsung\s*pay|(?:phone|mobile)\s+wallet|contactless|tap|online|in\s+shops?|in\s+stores?|atms?|cash|withdraw(?:als?)?|subscriptions?|(?:use|using)\s+(?:my|the|it)(?:\s+card)?|card\s+payments?)\b/i;
const ACCOUNT_USE =
  /\b(?:direct\s+debits?|standing\s+orders?|scheduled\s+(?:payments?|transfers?)|transfers?|rent|bills?|autopay|payees?|mortgage|salary|pay\s*(?:check|cheque)|paid|deposits?|money\s+(?:in|coming\s+in)|receive)\b/i;

/** Answers what still works while a card is frozen; false when the message asks no such thing. */
export function answerWhileFrozen(ctx: StepContext, text: string): boolean {
  const t = text.trim();
  if (ctx.state.task || !YES_NO.test(t)) return false;
  const card = ctx.state.lastCard;
  const justFrozen = card?.status === "frozen" && ctx.now - card.at <= READ_FOLLOW_UP_MS;
  if (!(justFrozen && STILL.test(t)) && !WHILE_FROZEN.test(t) && !(STILL.test(t) && IS_FROZEN.test(t))) return false;
  const cardUse = CARD_USE.test(t);
  const accountUse = ACCOUNT_USE.test(t);
  if (!cardUse && !accountUse) return false;
  const named = justFrozen ? `your card ••${card!.last4}` : "a card";
  const parts: string[] = [];
  if (accountUse) {
    parts.push(
      `Yes: freezing ${named} doesn't stop transfers, your scheduled payments or direct debits, which come from your account rather than the card, and money coming in still arrives.`,
    );
  }
  if (cardUse) {
    parts.push(
      `${accountUse ? "But" : "No:"} while ${justFrozen ? "it" : "a card"} is frozen, payments made with it are declined: in shops, online, contactless, Apple Pay or Google Pay, subscriptions charged to it, and cash withdrawals.`,
    );
  }
  ctx.state.consecutiveFallbacks = 0;
  ctx.replies.push(
    reply({ name: "freeze_card", confidence: 1 }, `${parts.join(" ")} You can unfreeze it here any time.`, {
      actions: [quickReply("Unfreeze my card"), quickReply("My scheduled payments")],
    }),
  );
  return true;
}

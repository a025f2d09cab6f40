/**
 * Session 32, found by hand: "how can i avoid interest" listed every account's rate, "can i go over it"
 * right after the credit limit got "Sorry, I can't help with that." and "what happens if i go over my
 * limit" repeated the limit. How a card's interest is avoided and what its limit means are said in
 * words true to Teller (no fee or figure that the bank core does not hold); the figures are a tap away.
 */
import { READ_FOLLOW_UP_MS } from "../config.js";
import type { StepContext } from "../context.js";
import { quickReply, reply } from "../render.js";

const AVOID = /\b(?:avoid|not\s+(?:pay|get\s+charged)|stop\s+paying|never\s+pay|get\s+out\s+of\s+paying|dodge|escape)\s+(?:(?:any|paying|the|an?)\s+)*interest\b(?!\s+rates?\b)/i;
const HOW = /\b(?:how|ways?|way|tips?|can\s+i|is\s+it\s+possible)\b/i;
const LIMIT = String.raw`(?:my\s+|the\s+|your\s+)?(?:(?:credit\s+card|credit|card)\s+)?limit`;
const OVER = new RegExp(
  String.raw`\b(?:(?:what\s+(?:happens|if)|what\s+will\s+happen)\s+(?:if|when)?\s*i\s+(?:go|spend|get|am)\s+over|(?:can|could|may)\s+i\s+(?:go|spend|get)\s+over|(?:can|could)\s+i\s+exceed|is\s+it\s+ok(?:ay)?\s+to\s+go\s+over)\s+${LIMIT}\b`,
  "i",
);
// Right after the limit was read: "can i go over it", "what if i go over".
const OVER_IT = /^(?:(?:ok(?:ay)?|so|and|thanks?)[,!.\s]+)*(?:(?:what\s+(?:happens|if)|what\s+will\s+happen)\s+(?:if|when)?\s*i\s+(?:go|spend|get)\s+over|(?:can|could|may)\s+i\s+(?:go|spend|get)\s+over|(?:can|could)\s+i\s+exceed)(?:\s+(?:it|that|the\s+limit))?\s*[?.!]*$/i;

const AVOID_TEXT =
  "You pay no interest on your card's purchases when you pay the statement balance in full by the due date every month. Interest is charged, at your card's APR, on what is left after the due date. I can show your statement balance and due date.";
const OVER_TEXT =
  "A purchase that would take you over your credit limit is declined, so your available credit is what you can spend. Paying down the balance frees it up again, and you can ask for a higher limit in the app, under your credit card's settings.";

/** The rule a message asks about on its own ("how can i avoid interest"), if any. */
export function creditCardRuleAsked(text: string): "over_limit" | "avoid_interest" | undefined {
  const t = text.trim();
  if (OVER.test(t)) return "over_limit";
  if (AVOID.test(t) && HOW.test(t)) return "avoid_interest";
  return undefined;
}

/** Answers how card interest is avoided or what going over the limit does; false when the message asks neither. */
export function answerCreditCardRule(ctx: StepContext, text: string): boolean {
  if (ctx.state.task) return false;
  const t = text.trim();
  const last = ctx.state.lastFact;
  // After the limit, or the card's balance ("whats my credit card balance", then "can i go over it").
  const read = ctx.state.lastRead;
  const cardRead = read?.what === "balance" && read.accountRefs.includes("credit") && ctx.now - read.at <= READ_FOLLOW_UP_MS;
  const afterLimit = ((last?.what === "credit_limit" && ctx.now - last.at <= READ_FOLLOW_UP_MS) || cardRead) && OVER_IT.test(t);
  const asked = afterLimit ? "over_limit" : creditCardRuleAsked(t);
  if (asked === "over_limit") {
    ctx.state.consecutiveFallbacks = 0;
    ctx.replies.push(reply({ name: "credit_limit_rule", confidence: 1 }, OVER_TEXT, { actions: [quickReply("My credit limit", "What's my credit limit?")] }));
    return true;
  }
  if (asked === "avoid_interest") {
    ctx.state.consecutiveFallbacks = 0;
    ctx.replies.push(reply({ name: "avoid_interest", confidence: 1 }, AVOID_TEXT, { actions: [quickReply("My statement", "When is my credit card payment due?")] }));
    return true;
  }
  return false;
}

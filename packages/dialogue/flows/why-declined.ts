/**
 * explore31, found by hand: "my card got declined" → the written answer, then a bare "why" got the
 * written answer on restricted accounts (read as account_blocked). Right after a declined or refused
 * card was answered (READ_FOLLOW_UP_MS), "why" / "but why was it declined" asks about that card: the
 * reason of one payment is not in the chat, so it says so and reads whether a card is frozen.
 */
import { READ_FOLLOW_UP_MS } from "../config.js";
import type { StepContext } from "../context.js";
import { reply } from "../render.js";
import type { IntentTag } from "../types.js";
import { DECLINE_TOPICS, startFact } from "./bank-facts.js";

const LEAD = String.raw`^(?:(?:but|so|ok(?:ay)?|and|hmm+|huh|really)[,\s]+)*`;
// "why", "but why?", "why tho", "why was it declined", "why did that happen", "why would it do that".
const WHY = new RegExp(
  String.raw`${LEAD}why(?:\s+(?:tho|though|is\s+that|was\s+that|not))?(?:\s+(?:was|did|would|is|has)\s+(?:it|that|my\s+card|the\s+card|the\s+payment)(?:\s+(?:been|get|got|be))?\s+(?:declined|refused|rejected|happen(?:ed)?|fail(?:ed)?|do\s+that|not\s+(?:work|go\s+through)))?\s*[?!.]*$`,
  "i",
);
export const WHY_DECLINED_TEXT =
  "I can't see why one payment was declined — the app shows the reason next to the declined payment. The usual causes are a frozen card, not enough available balance, or details that didn't match. Here are your cards:";

export function asksWhyDeclined(text: string): boolean {
  return WHY.test(text.trim());
}

/** Answers "why" right after a declined card's answer, with the cards' status; false when the message is none. */
export function answerWhyDeclined(ctx: StepContext, text: string): boolean {
  const topic = ctx.state.lastCardTopic;
  if (!topic?.intent || !DECLINE_TOPICS.has(topic.intent) || ctx.state.task || ctx.now - topic.at > READ_FOLLOW_UP_MS) return false;
  if (!asksWhyDeclined(text)) return false;
  ctx.state.consecutiveFallbacks = 0;
  const intent: IntentTag = { name: topic.intent, confidence: 1 };
  ctx.replies.push(reply(intent, WHY_DECLINED_TEXT));
  startFact(ctx, intent, "card_status", { accountRefs: [] }, "");
  return true;
}

/**
 * Session 25, found by hand: "i think someone stole my card" → the card frozen → "how do i get a new
 * one" got "Sorry, I can't help with that." (out of scope, 0.69); "can you send me a new one" was read
 * as a transfer, "order a new one" as a card about to expire. Right after a card's trouble was answered
 * (lost, stolen, damaged, not working, kept by an ATM, expiring, frozen or unfrozen) "a new one" is a
 * new card: how to order a replacement, in the app (Teller cannot order one).
 */
import { READ_FOLLOW_UP_MS } from "../config.js";
import type { StepContext } from "../context.js";
import { quickReply, reply } from "../render.js";
import type { IntentTag } from "../types.js";

/** The intents whose answer is about a card in trouble: what "a new one" follows. */
export const CARD_TROUBLE_INTENTS: readonly string[] = [
  "lost_or_stolen_card",
  "compromised_card",
  "damaged_card",
  "card_not_working",
  "card_swallowed",
  "card_about_to_expire",
  "declined_card_payment",
  "freeze_card",
  "unfreeze_card",
  "report_fraud",
];

const LEAD = String.raw`(?:(?:so|ok(?:ay)?|and|great|thanks?|cool|right)[,!.]?\s+)*`;
const ASK = String.raw`(?:how\s+(?:do|can|would)\s+i\s+(?:get|order|request)|(?:can|could|may)\s+i\s+(?:get|have|order)|(?:can|could|will)\s+you\s+(?:send|get|order|give|issue)\s+me|i\s+(?:need|want|would\s+like|'?d\s+like)|(?:please\s+)?(?:send|order|get|issue)\s+me)`;
// "how do i get a new one", "can you send me a replacement", "i need a new card", "how do i replace it".
const NEW_ONE = new RegExp(
  String.raw`^${LEAD}(?:${ASK}\s+(?:a\s+)?(?:new|replacement|another)(?:\s+(?:one|card))?|(?:(?:how\s+(?:do|can)\s+i|can\s+(?:i|you)|please)\s+)?replace\s+(?:it|the\s+card|my\s+card|that\s+card))(?:\s+(?:please|pls|then|now))?\s*[?.!]*$`,
  "i",
);
const INTENT: IntentTag = { name: "order_physical_card", confidence: 1 };
export const NEW_CARD_TEXT =
  "To get a new card, open Cards in the app and order a replacement; check your delivery address first. The app shows when it should arrive. I can't order one from the chat.";

export function asksNewCard(text: string): boolean {
  return NEW_ONE.test(text.trim());
}

/** Remembers that a card's trouble was just answered (the engine calls it as it routes such an intent). */
export function noteCardTrouble(ctx: StepContext, intent: IntentTag): void {
  if (CARD_TROUBLE_INTENTS.includes(intent.name)) ctx.state.lastCardTopic = { at: ctx.now, intent: intent.name };
}

/** "how do i get a new one" right after a card's trouble: how to order a replacement; false otherwise. */
export function answerNewCard(ctx: StepContext, text: string): boolean {
  const topic = ctx.state.lastCardTopic;
  if (!topic || ctx.state.task || ctx.now - topic.at > READ_FOLLOW_UP_MS || !asksNewCard(text)) return false;
  ctx.state.consecutiveFallbacks = 0;
  ctx.replies.push(reply(INTENT, NEW_CARD_TEXT, { actions: [quickReply("Recent transactions"), quickReply("Talk to a person")] }));
  return true;
}

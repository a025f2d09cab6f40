/**
 * explore25: "oh wait found it in my jacket" after "i think i lost my card". At "Which card would you
 * like to freeze?" it got "Sorry, I didn't catch that." and the question came back after every later
 * answer. A card found again needs no freeze: the offer is dropped with nothing changed. With nothing
 * open the message is left to the rest of the engine ("found my card" offers to unfreeze a frozen one).
 */
import type { StepContext } from "../context.js";
import { reply } from "../render.js";
import { endTask } from "./interruptions.js";
import { startCardChange } from "./cards.js";

const FOUND =
  /\b(?:found|find|located)\s+(?:it|them|(?:my|the)\s+(?:[a-z]+\s+)?(?:card|cards|wallet|purse))\b|\b(?:it|my\s+(?:[a-z]+\s+)?card)\s+(?:turned\s+up|was\s+in\s+my\s+[a-z]+)\b|^(?:oh\s+|ok(?:ay)?\s+)?false\s+alarm\b/i;
// "if i find it", "can't find it", "haven't found my card": still lost.
const STILL_LOST = /\b(?:if|when|once|until|unless|can'?t|cannot|couldn'?t|could\s+not|haven'?t|havent|didn'?t|didnt|not|never)\s+(?:\w+\s+)?(?:find|found|located)\b/i;
const MAX_WORDS = 14;
const LOST_CARD = { name: "lost_or_stolen_card", confidence: 1 };

export function saysCardFound(text: string): boolean {
  return text.trim().split(/\s+/).length <= MAX_WORDS && FOUND.test(text) && !STILL_LOST.test(text);
}

/** How long after a freeze "found it" is about the card just frozen. */
const FROZEN_JUST_NOW_MS = 30 * 60_000;
const UNFREEZE = { name: "unfreeze_card", confidence: 1 };

/** True when the message said the card was found and was answered here. */
export function answerCardFound(ctx: StepContext, text: string): boolean {
  const task = ctx.state.task;
  // explore32: "oh wait found it" just after the card was frozen (it got "Sorry, I can't help with
  // that"): the card just frozen is offered back, under its own confirmation.
  const frozen = ctx.state.lastCard;
  if (!task && frozen?.status === "frozen" && ctx.now - frozen.at <= FROZEN_JUST_NOW_MS && saysCardFound(text)) {
    ctx.state.consecutiveFallbacks = 0;
    ctx.replies.push(reply(UNFREEZE, "Glad you found it!"));
    startCardChange(ctx, UNFREEZE, "active", { accountRefs: [{ last4: frozen.last4 }] });
    return true;
  }
  if (!task || task.kind !== "card" || task.target !== "frozen") return false;
  if (!saysCardFound(text)) return false;
  ctx.state.consecutiveFallbacks = 0;
  const queued = ctx.state.handoff ? " You're still in the queue for our team; say “never mind” if you don't need them any more." : "";
  endTask(ctx, null);
  ctx.replies.push(reply(LOST_CARD, `Glad you found it! I haven't frozen anything, so your cards work as before.${queued}`));
  return true;
}

/**
 * A fraud report: the fraud team is asked to join at once (so the report is never lost, whatever
 * the customer does next), and the customer is offered to freeze their card, with a confirmation
 * the server renders like any other. The card flow (flows/cards.ts) does the choosing and freezing.
 */
import type { StepContext } from "../context.js";
import { reply } from "../render.js";
import type { Entities, IntentTag } from "../types.js";
import { startCardChange } from "./cards.js";
import { handOff } from "./conversation.js";
import { faqAnswer } from "../faq/index.js";
import { FREEZE_CARD } from "../faq/answer.js";

export function startFraudReport(ctx: StepContext, intent: IntentTag, e: Entities): void {
  ctx.replies.push(reply(intent, "I'm sorry this happened. Let's protect your money first."));
  startCardChange(ctx, intent, "frozen", e);
  if (ctx.state.task?.kind === "card") ctx.state.task.confirmFreeze = true;
  handOff(ctx, intent, "fraud");
}

/** Lost, stolen or compromised card: the written answer offers to freeze it "now". */
export const CARD_AT_RISK_INTENTS: readonly string[] = ["lost_or_stolen_card", "compromised_card"];

// "I lost my visa, freeze it", "my card was stolen, please block it": the freeze asked for in so many words.
const ASKS_FREEZE = /\b(?:freeze|block|lock|deactivate)\s+(?:it|that|this|them|my|the)\b/i;
// Refused, or asked about ("should I freeze it?", "how do I block it"): the offer is made, with its Yes/No.
const REFUSES_FREEZE = /\b(?:(?:don'?t|do\s+not|not|never|no\s+need\s+to)\s+(?:\w+\s+)?|(?:should|can|could|do|must|would)\s+i\s+(?:\w+\s+){0,2}|how\s+(?:do|can|would)\s+i\s+(?:\w+\s+)?)(?:freeze|block|lock|deactivate)\b/i;

/**
 * The written answer, then the offer itself as a confirmation: its "I can do that for you now" was
 * only a button, and a typed "yes" got "there's nothing waiting for your confirmation". sweep16: a
 * customer who asked for the freeze in the same message ("I lost my visa, freeze it") gets it at
 * once, as "freeze my card" does (a freeze is protective); it was asked "Shall I freeze …?" again.
 */
export function startCardAtRisk(ctx: StepContext, intent: IntentTag, e: Entities, text: string): void {
  const answer = faqAnswer(intent.name)!;
  const actions = (answer.actions ?? []).filter((a) => a.label !== FREEZE_CARD.label);
  ctx.replies.push(reply(intent, answer.text, { actions }));
  handOff(ctx, intent, "fraud_risk", false);
  startCardChange(ctx, { name: "freeze_card", confidence: intent.confidence }, "frozen", e);
  const asked = ASKS_FREEZE.test(text) && !REFUSES_FREEZE.test(text);
  if (ctx.state.task?.kind === "card" && !asked) ctx.state.task.confirmFreeze = true;
}

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
import { startFact } from "./bank-facts.js";
import { asksForFreeze, freezesEveryCard, readFreezeRequest, tellsCardAtRisk } from "../../nlu/freeze-request.js";

const FREEZE_REFUSED_TEXT =
  "I haven't frozen your card, as you asked. You can still freeze it here at any time (say “freeze my card”; unfreezing it later takes a moment), check your recent transactions for anything you don't recognise, and order a replacement in the app. I'm also passing this to our team so they can help.";

/**
 * explore27: "i want to report fraud. please freeze it" was asked "Shall I freeze …?" as if the
 * freeze had not been asked for: asked for in the same message, it is done at once (a freeze is
 * protective, as after a lost card); "… but don't freeze my card" gets no offer at all.
 */
export function startFraudReport(ctx: StepContext, intent: IntentTag, e: Entities, text = ""): void {
  ctx.replies.push(reply(intent, "I'm sorry this happened. Let's protect your money first."));
  const request = readFreezeRequest(text);
  if (request !== "refused") {
    startCardChange(ctx, intent, "frozen", e, request === "asked" && freezesEveryCard(text));
    if (ctx.state.task?.kind === "card" && request !== "asked") ctx.state.task.confirmFreeze = true;
  }
  handOff(ctx, intent, "fraud");
}

/** Lost, stolen or compromised card: the written answer offers to freeze it "now". */
export const CARD_AT_RISK_INTENTS: readonly string[] = ["lost_or_stolen_card", "compromised_card"];

/**
 * The written answer, then the offer itself as a confirmation: its "I can do that for you now" was
 * only a button, and a typed "yes" got "there's nothing waiting for your confirmation". sweep16: a
 * customer who asked for the freeze in the same message ("I lost my visa, freeze it") gets it at
 * once, as "freeze my card" does (a freeze is protective); it was asked "Shall I freeze …?" again.
 */
export function startCardAtRisk(ctx: StepContext, intent: IntentTag, e: Entities, text: string): void {
  const answer = faqAnswer(intent.name)!;
  // defects18: "I lost my card but don't freeze it" — the options, and no offer the customer just
  // turned down (a typed "yes" to something else must not freeze it); the team still hears of it.
  if (readFreezeRequest(text) === "refused") {
    ctx.replies.push(reply(intent, FREEZE_REFUSED_TEXT, { actions: answer.actions ?? [] }));
    handOff(ctx, intent, "fraud_risk", false);
    return;
  }
  const actions = (answer.actions ?? []).filter((a) => a.label !== FREEZE_CARD.label);
  ctx.replies.push(reply(intent, answer.text, { actions }));
  handOff(ctx, intent, "fraud_risk", false);
  // wallet19: "my wallet got stolen, block them all" is every card, not "Which card?".
  startCardChange(ctx, { name: "freeze_card", confidence: intent.confidence }, "frozen", e, freezesEveryCard(text));
  // "I lost my visa, freeze it" asks; "don't freeze it yet", "should I freeze it?" get the offer.
  const asked = asksForFreeze(text);
  if (ctx.state.task?.kind === "card") {
    ctx.state.task.followsAnswer = true;
    if (!asked) ctx.state.task.confirmFreeze = true;
  }
}

/**
 * freeze_card as the model read it. wallet19: a question is not an instruction. "I lost my card,
 * should I freeze it?" (read as freeze_card) froze at once; it gets the lost-card answer, under
 * that intent (the hand-off says so), and the freeze as an offer. "should I freeze my card?" gets a
 * word on freezing and the same offer; "freeze all my cards" freezes every card.
 */
export function startFreeze(ctx: StepContext, intent: IntentTag, e: Entities, text: string): void {
  if (tellsCardAtRisk(text)) return startCardAtRisk(ctx, { name: "lost_or_stolen_card", confidence: intent.confidence }, e, text);
  // Session 27: "did you freeze my card?" froze it at once: a question whether it is, answered as one.
  if (readFreezeRequest(text) === "asked_if_done") return startFact(ctx, intent, "card_status", e, text);
  const every = freezesEveryCard(text);
  const wondered = readFreezeRequest(text) === "wondered";
  if (wondered) ctx.replies.push(reply(intent, every ? FREEZE_EVERY_WORD : FREEZE_WORD));
  startCardChange(ctx, intent, "frozen", e, every);
  if (wondered && ctx.state.task?.kind === "card") ctx.state.task.confirmFreeze = true;
}

const FREEZE_WORD =
  "If you can't find your card or think someone else could use it, freezing it is the safe thing to do: payments and withdrawals with it are declined straight away, and you can unfreeze it whenever you like.";
const FREEZE_EVERY_WORD =
  "If you can't find your cards or think someone else could use them, freezing them is the safe thing to do: payments and withdrawals with them are declined straight away, and you can unfreeze them whenever you like.";

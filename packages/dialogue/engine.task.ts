/**
 * The engine's turn on an open transfer or card task (engine.ts routes to it): what a message
 * fills, confirms or cancels, what it puts off ("Let's finish this one first."), and a message the
 * task cannot use.
 */
import { FALLBACKS_BEFORE_HANDOFF } from "./config.js";
import type { StepContext } from "./context.js";
import { chooseEveryCard, executeCardChange, repeatCardQuestion, startCardChange, updateCardChoice } from "./flows/cards.js";
import { fallback } from "./flows/conversation.js";
import { repeatDisputeQuestion } from "./flows/disputes.js";
import { busyExecuting } from "./flows/execution.js";
import { cancelText, endTask, offerSwitch } from "./flows/interruptions.js";
import { otherBillAsked } from "./flows/bill-switch.js";
import { isTransferIntent } from "./flows/pay-bill.js";
import { executeTransfer } from "./flows/transfer.js";
import { paysCardInFull } from "./flows/card-payment.js";
import { settle } from "./state.js";
import { answersAskedSlot, asksAnotherTransfer, hasTransferEntities, updateTransfer, withScaledAmount } from "./flows/transfer-answers.js";
import { answerBareYes, repeatQuestion } from "./flows/transfer-questions.js";
import type { CardTask, DisputeTask, Entities, IntentTag, TransferTask } from "./types.js";
import { ACTION_INTENTS as MODEL_ACTION_INTENTS } from "../contract/intents.js";
import { answersEveryCard, asksForFreeze, freezesEveryCard, readFreezeRequest } from "../nlu/freeze-request.js";

/**
 * Intents that start a task of their own, so one of them mid-task asks whether to switch: the
 * model's action intents (packages/contract/intents.ts) and three BANKING77 topics the engine
 * answers itself. Disputes are left out on purpose: asking about a dispute mid-transfer is
 * answered in passing, never offered as a switch.
 */
const NOT_SWITCHED_TO: readonly string[] = ["dispute", "list_disputes"];
const ACTION_INTENTS = new Set<string>([
  ...MODEL_ACTION_INTENTS.filter((intent) => !NOT_SWITCHED_TO.includes(intent)),
  "apple_pay_or_google_pay",
  "verify_my_identity",
  "country_support",
]);

export type TaskOutcome = "used" | "unclear" | "new_topic";

export function continueTransfer(
  ctx: StepContext,
  task: TransferTask,
  intent: IntentTag,
  e: Entities,
  unclear: boolean,
  text: string,
): TaskOutcome {
  e = withScaledAmount(task, e);
  if (asksAnotherTransfer(task, e, text)) {
    repeatQuestion(ctx, task, "Let's finish this one first, then tell me about the other one.");
    return "used";
  }
  // explore25: "pay my internet bill" while this goes to someone else: drop it first? (flows/bill-switch.ts)
  const otherBill = !unclear && isTransferIntent(intent.name) ? otherBillAsked(task, intent, e, text) : null;
  if (otherBill) {
    offerSwitch(ctx, task, otherBill.intent, otherBill.entities, otherBill.request);
    return "used";
  }
  const otherAction = !unclear && ACTION_INTENTS.has(intent.name) && !isTransferIntent(intent.name);
  // A bare "30" or "savings" is often classified as some unrelated question: its entities win,
  // and a short answer to the question just asked wins even over another action's intent.
  // A question never fills a slot, whatever account it names.
  // sweep19: "just the minimum" to a card payment's "How much?" answers it, though it names no figure.
  const figureNamed = task.asking === "amount" && answersAskedSlot(task, e, text);
  // "pay it off" / "the full balance" under a card payment's "How much?": what the card owes now.
  const inFull = paysCardInFull(task, e, text);
  if ((hasTransferEntities(e) || figureNamed || inFull) && !e.query?.question && (!otherAction || inFull || answersAskedSlot(task, e, text))) {
    if (inFull) task.payCurrent = true;
    updateTransfer(ctx, task, e);
    return "used";
  }
  if (task.confirmation && e.yes && !e.no) {
    if (!busyExecuting(ctx, task.intent)) executeTransfer(ctx, task);
    return "used";
  }
  if (e.yes && !e.no && task.asking !== null) {
    answerBareYes(ctx, task);
    return "used";
  }
  if (e.no && !e.yes) {
    endTask(ctx, cancelText(task));
    return "used";
  }
  if (!unclear && isTransferIntent(intent.name)) {
    repeatQuestion(ctx, task, "Let's finish this one first.");
    return "used";
  }
  return unclear ? "unclear" : "new_topic";
}

export function continueCard(ctx: StepContext, task: CardTask, intent: IntentTag, e: Entities, unclear: boolean, text = ""): TaskOutcome {
  // sweep23: "can you freeze my visa too" while a fraud report (or a lost card) asks which card to
  // freeze is that freeze, asked for in so many words: done once the card is known, no Yes asked.
  const sameFreeze = !unclear && task.target === "frozen" && intent.name === "freeze_card" && task.intent.name !== "freeze_card";
  if (sameFreeze && asksForFreeze(text)) task.confirmFreeze = false;
  const otherAction = !unclear && ACTION_INTENTS.has(intent.name) && intent.name !== task.intent.name && !sameFreeze;
  // "all of them" / "both" at "Which card would you like to freeze?" (a lost wallet).
  if (!otherAction && !task.every && answersEveryCard(text) && chooseEveryCard(ctx, task)) return "used";
  if (!otherAction && !e.query?.question && updateCardChoice(ctx, task, e)) return "used";
  // Session 27: "did you freeze it?" at the offer froze the card (read as "freeze it"): it is answered.
  if (!otherAction && task.target === "frozen" && readFreezeRequest(text) === "asked_if_done") {
    repeatCardQuestion(ctx, task, "Not yet — I haven't frozen anything.");
    return "used";
  }
  if (!otherAction && !e.no && asksFreezeNow(ctx, task, text)) return "used";
  if (task.confirmation && e.yes && !e.no) {
    if (!busyExecuting(ctx, task.intent)) executeCardChange(ctx, task, task.confirmation.id);
    return "used";
  }
  if (e.no && !e.yes) {
    endTask(ctx, cancelText(task));
    return "used";
  }
  // explore28: "yes" at "Which card would you like to freeze?" (a lost wallet) got "Sorry, I didn't
  // catch that." and counted towards a hand-off: a yes to go ahead, with the card still to be named.
  if (e.yes && !otherAction && !task.confirmation && !task.chosen && task.choices.length > 1) {
    repeatCardQuestion(ctx, task, "OK — which one?");
    return "used";
  }
  if (sameFreeze) {
    repeatCardQuestion(ctx, task, "Sure.");
    return "used";
  }
  if (!unclear && intent.name === task.intent.name) {
    repeatCardQuestion(ctx, task, "Let's finish this one first.");
    return "used";
  }
  return unclear ? "unclear" : "new_topic";
}

/**
 * wallet19: "block them all" / "freeze it" while a freeze is offered is the customer's instruction,
 * not another request ("Let's finish this one first."): every card at once, or the card offered.
 */
function asksFreezeNow(ctx: StepContext, task: CardTask, text: string): boolean {
  if (task.target !== "frozen" || !asksForFreeze(text)) return false;
  if (freezesEveryCard(text)) {
    // Every card, not only those the first request named ("I lost my visa"): loaded afresh.
    if (task.confirmation) settle(ctx.state, task.confirmation.id, "replaced", ctx.now);
    startCardChange(ctx, task.intent, "frozen", { accountRefs: [] }, true);
    return true;
  }
  if (!task.confirmation) return false;
  if (!busyExecuting(ctx, task.intent)) executeCardChange(ctx, task, task.confirmation.id);
  return true;
}

/** A message the open task cannot use: counts as a fallback and repeats the question. */
export function unclearDuringTask(ctx: StepContext, task: TransferTask | CardTask | DisputeTask, intent: IntentTag, otherLanguage: boolean): void {
  // Another language is no misunderstanding: said as such, the question stands, nothing is dropped.
  if (!otherLanguage && ctx.state.consecutiveFallbacks + 1 >= FALLBACKS_BEFORE_HANDOFF) {
    endTask(ctx, null);
    return fallback(ctx, intent);
  }
  if (!otherLanguage) ctx.state.consecutiveFallbacks += 1;
  const lead = otherLanguage ? "Sorry, I can only understand English for now." : "Sorry, I didn't catch that.";
  if (task.kind === "transfer") repeatQuestion(ctx, task, lead);
  else if (task.kind === "card") repeatCardQuestion(ctx, task, lead);
  else repeatDisputeQuestion(ctx, task, lead);
}

/**
 * Messages that arrive in the middle of a task (a transfer, a card change, a dispute) without
 * being an answer to its question:
 *   - "cancel" / "never mind" / "stop" ends the task;
 *   - another money action asks whether to drop the task first (nothing is dropped silently);
 *   - a question is answered, then the task resumes with its pending question ("Back to your
 *     transfer: …"). A question never fills a slot, even when it names an account.
 */
import type { StepContext } from "../context.js";
import { quickReply, reply } from "../render.js";
import { markContinuation } from "../continuation.js";
import { pendingConfirmation, settle } from "../state.js";
import { STALE_QUESTION_MS } from "../config.js";
import type { CardTask, DisputeTask, Entities, IntentTag, TransferTask } from "../types.js";
import { repeatCardQuestion } from "./cards.js";
import { ARRIVAL_INTENT, arrivalOfPendingText, asksWhenItArrives } from "./arrival-of-sent.js";
import { billAskedAbout, cardAskedAbout, startLastPaymentTo } from "./bill-amount-aside.js";
import { isTransferIntent } from "./pay-bill.js";
import { isPayment, paidCard } from "./card-payment.js";
import { isDisputeRequest, repeatDisputeQuestion } from "./disputes.js";
import { startInsight } from "./insights.js";
import { asksCardStatus, startFact } from "./bank-facts.js";
import { startPendingList } from "./pending-list.js";
import { askReadAgain, readFollowUp } from "./read-follow-up.js";
import { repeatQuestion } from "./transfer-questions.js";
import { loadSetAside } from "./two-requests.js";

export type ActionTask = TransferTask | CardTask | DisputeTask;
export type Router = (ctx: StepContext, intent: IntentTag, e: Entities, text: string) => void;

/** Requests that change something: one of them mid-task conflicts with the task. */
const MONEY_INTENTS = new Set(["transfer", "pay_bill", "freeze_card", "unfreeze_card", "report_fraud", "dispute"]);

const TASK_NAMES: Record<string, string> = {
  transfer: "transfer",
  pay_bill: "bill payment",
  freeze_card: "card freeze",
  unfreeze_card: "card unfreeze",
  report_fraud: "fraud report",
  dispute: "dispute",
};

const NEW_REQUESTS: Record<string, string> = {
  transfer: "make a new transfer",
  pay_bill: "pay a bill",
  freeze_card: "freeze a card",
  unfreeze_card: "unfreeze a card",
  report_fraud: "report fraud",
  dispute: "dispute a charge",
};

export function taskName(task: ActionTask): string {
  // Money to the customer's own card is a card payment, as its confirmation said, whether it was
  // asked as a bill ("make a payment on my credit card") or as a transfer; never a "bill payment".
  if (task.kind === "transfer" && paidCard(task)) return "card payment";
  return TASK_NAMES[task.intent.name] ?? (task.kind === "card" ? "card change" : task.kind);
}

export function cancelText(task: ActionTask): string {
  if (task.kind === "transfer") return `OK, I've cancelled that ${taskName(task)}.${nothingMoved(task)}`;
  if (task.kind === "dispute") return "OK, I haven't opened a dispute.";
  return "OK, I haven't changed anything.";
}

/** " Nothing was paid." for a bill payment, " Nothing was sent." for a transfer. */
function nothingMoved(task: ActionTask): string {
  if (task.kind !== "transfer") return "";
  return isPayment(task) ? " Nothing was paid." : " Nothing was sent.";
}

/** Ends the task, settling any confirmation it showed so a late Yes does nothing. */
export function endTask(ctx: StepContext, text: string | null): void {
  const task = ctx.state.task;
  if (!task) return;
  const confirmation = pendingConfirmation(task);
  if (confirmation) settle(ctx.state, confirmation.id, "cancelled", ctx.now);
  ctx.state.task = null;
  if (text) ctx.replies.push(reply(task.intent, text));
}

// explore27: the button "No, carry on" typed as it reads ("no, carry on", "no keep going") at "Do you want to
// drop it …?" got "Sorry, I didn't catch that.". Only there: elsewhere "carry on" is no answer.
const KEEP_GOING = /^(?:no+|nope|nah)[\s,.!]+(?:(?:let'?s|please)\s+)?(?:carry\s+on|continue|keep\s+going|go\s+on)(?:\s+(?:with\s+(?:it|that|the\s+\w+)|please))?[\s.!]*$/i;

/**
 * Handles what comes before the task's own slot logic: an answer to "drop the task?", a cancel,
 * a conflicting request, a question. True when the message was dealt with here.
 */
export function interrupt(
  ctx: StepContext,
  task: ActionTask,
  intent: IntentTag,
  e: Entities,
  unclear: boolean,
  isSlotAnswer: boolean,
  route: Router,
  text: string,
): boolean {
  const switchTo = task.switchTo;
  if (switchTo) {
    task.switchTo = null;
    if (e.yes && !e.no) {
      endTask(ctx, `OK, I've dropped the ${taskName(task)}.${nothingMoved(task)}`);
      route(ctx, switchTo.intent, switchTo.entities, text);
      return true;
    }
    if ((e.no && !e.yes) || KEEP_GOING.test(text.trim())) {
      resumeQuestion(ctx, task, "OK, let's carry on.");
      return true;
    }
    // Session 28: "actually make it 300" while asked whether to drop the task for "move 500 from savings
    // to checking": that request, corrected, and the question again (it replaced the request, and the
    // Yes asked "Who should I send it to?").
    const corrected = isTransferIntent(switchTo.intent.name) && !e.yes && !e.no && e.query?.correction ? correctedRequest(switchTo.entities, e) : null;
    if (corrected) {
      offerSwitch(ctx, task, switchTo.intent, corrected, NEW_REQUESTS[switchTo.intent.name] ?? "start something new");
      return true;
    }
  }
  if (e.query?.cancel) {
    endTask(ctx, cancelText(task));
    return true;
  }
  if (isSlotAnswer) return false;
  if (readAgainAside(ctx, task, intent, e, text, unclear)) return true;
  // "when will it arrive?" mid-transfer: "it" is this transfer, not a card in the post.
  if (task.kind === "transfer" && asksWhenItArrives(text)) {
    ctx.state.consecutiveFallbacks = 0;
    ctx.replies.push(reply(ARRIVAL_INTENT, arrivalOfPendingText(task)));
    resumeQuestion(ctx, task, "Back to your transfer:");
    return true;
  }
  // "how much is it" while a bill payment asks how much: that payee's last payment, then the question again
  // (a credit card's question already says what it owes).
  if (task.kind === "transfer" && cardAskedAbout(task, text)) {
    ctx.state.consecutiveFallbacks = 0;
    resumeQuestion(ctx, task, "Here's what the card owes.");
    return true;
  }
  const bill = task.kind === "transfer" ? billAskedAbout(task, text) : undefined;
  if (bill) {
    ctx.state.paused = task;
    ctx.state.task = null;
    startLastPaymentTo(ctx, bill);
    resumePaused(ctx);
    return true;
  }
  // A person asked for mid-task: the task ends with nothing done. Set aside, it came back with its
  // confirmation after the hand-off, and a "yes" meant for the agent's chat sent the money.
  if (!unclear && intent.name === "human_agent" && !e.query?.aboutTeller) {
    endTask(ctx, cancelText(task));
    route(ctx, intent, e, text);
    return true;
  }
  const dispute = task.kind !== "dispute" && isDisputeRequest(intent, e);
  const conflicting =
    dispute ||
    (!unclear &&
      MONEY_INTENTS.has(intent.name) &&
      intent.name !== task.intent.name &&
      // A bill payment is a transfer: "I want to make a transfer" meanwhile continues the same task.
      !(isTransferIntent(intent.name) && isTransferIntent(task.intent.name)) &&
      !(task.kind === "card" && intent.name === "report_fraud") &&
      // "can you freeze my visa too" while a fraud report asks which card to freeze: that freeze.
      !(task.kind === "card" && task.target === "frozen" && intent.name === "freeze_card"));
  if (conflicting && dropStale(ctx, task)) {
    route(ctx, intent, e, text);
    return true;
  }
  if (conflicting) {
    offerSwitch(ctx, task, intent, e, NEW_REQUESTS[dispute ? "dispute" : intent.name] ?? "start something new");
    return true;
  }
  if (e.query?.question && !(intent.name === task.intent.name && !unclear)) {
    answerAside(ctx, task, intent, e, unclear, route, text);
    return true;
  }
  return false;
}

/**
 * explore32: "what about last month", "and dining?" after a read answered while the task waited: that
 * read again, then the task's question (they got a list of 50 transactions, then "Sorry, I didn't catch
 * that."). What the task could use (an account, an amount) stays the task's (flows/read-follow-up.ts).
 */
function readAgainAside(ctx: StepContext, task: ActionTask, intent: IntentTag, e: Entities, text: string, unclear: boolean): boolean {
  if (ctx.state.paused || !readFollowUp(text)) return false;
  [ctx.state.paused, ctx.state.task] = [task, null];
  if (askReadAgain(ctx, intent, e, text, unclear)) {
    resumePaused(ctx);
    return true;
  }
  [ctx.state.paused, ctx.state.task] = [null, task];
  return false;
}

/** A transfer request with what a correction changed ("make it 300", "to jordan instead"); null when it changed nothing. */
function correctedRequest(request: Entities, correction: Entities): Entities | null {
  const out: Entities = { ...request };
  let changed = false;
  if (correction.amount) [out.amount, changed] = [correction.amount, true];
  if (correction.fromRef) [out.fromRef, changed] = [correction.fromRef, true];
  if (correction.toRef || correction.payeeName) {
    delete out.toRef;
    delete out.payeeName;
    delete out.unknownPayee;
    if (correction.toRef) out.toRef = correction.toRef;
    if (correction.payeeName) out.payeeName = correction.payeeName;
    changed = true;
  }
  if (correction.timing) [out.timing, changed] = [correction.timing, true];
  return changed ? out : null;
}

/** Asks whether to drop the task for another request; Yes or No comes back through interrupt(). */
export function offerSwitch(ctx: StepContext, task: ActionTask, intent: IntentTag, e: Entities, request: string): void {
  task.switchTo = { intent, entities: e };
  ctx.replies.push(
    reply(intent, `We're in the middle of a ${taskName(task)}. Do you want to drop it and ${request} instead?`, {
      actions: [quickReply("Yes, drop it", "yes"), quickReply("No, carry on", "no")],
    }),
  );
}

/**
 * A plain question of the task's left unanswered for STALE_QUESTION_MS: the customer has moved on,
 * so the task is dropped without a word (nothing was confirmed). True if dropped.
 */
function dropStale(ctx: StepContext, task: ActionTask): boolean {
  if (pendingConfirmation(task) || task.switchTo || ctx.quietMs === undefined || ctx.quietMs <= STALE_QUESTION_MS) return false;
  ctx.state.task = null;
  ctx.state.paused = null;
  return true;
}

/** Answers a question (or a new, non-conflicting request) with the task set aside, then resumes it. */
export function answerAside(
  ctx: StepContext,
  task: ActionTask,
  intent: IntentTag,
  e: Entities,
  unclear: boolean,
  route: Router,
  text: string,
): void {
  ctx.state.paused = dropStale(ctx, task) ? null : task;
  ctx.state.task = null;
  if (unclear) {
    // "where do I shop most often?" reads as out of scope to the model but is a question about the
    // customer's data, answered outside a task; in the middle of one it was refused.
    // "what about the month before?" after a spending aside: that read again (flows/read-follow-up.ts).
    // Session 30: "is my card frozen" while a freeze waits for its Yes got "Sorry, I can't answer that one here.".
    if (asksCardStatus(text)) startFact(ctx, intent, "card_status", e, text);
    else if (!askReadAgain(ctx, intent, e, text, true) && !startPendingList(ctx, intent, true, e, text) && !startInsight(ctx, intent, e, text, true)) {
      ctx.replies.push(reply(intent, "Sorry, I can't answer that one here. A member of our team can help with it later if you like."));
    }
  } else {
    route(ctx, intent, e, text);
  }
  resumePaused(ctx);
}

/** What a "thanks" or a "hi" in the middle of a task gets before its question again. */
const SMALL_TALK_LEADS: Record<string, string> = { thanks: "You're welcome!", greeting: "Hi!" };

/**
 * "thanks!" mid-task: a short acknowledgement and the task's question, as one reply. It got the
 * closing "Anything else I can help with?" and then "Back to your bill payment: …". True if handled.
 */
export function acknowledgeSmallTalk(ctx: StepContext, task: ActionTask, intent: IntentTag): boolean {
  const lead = SMALL_TALK_LEADS[intent.name];
  if (!lead) return false;
  ctx.state.consecutiveFallbacks = 0;
  resumeQuestion(ctx, task, lead);
  return true;
}

/**
 * "wait", "hmm, let me think": the task's question again, with time given. It counted as a
 * misunderstanding, and a second one dropped the task for a hand-off to staff.
 */
export function holdOn(ctx: StepContext, task: ActionTask): void {
  resumeQuestion(ctx, task, "Sure, take your time.");
}

/**
 * Brings the set-aside task back once the answer is complete (no load outstanding). If the
 * answer started a task of its own, the set-aside one is dropped and its confirmation settled.
 */
export function resumePaused(ctx: StepContext): void {
  const paused = ctx.state.paused;
  if (!paused) return;
  const current = ctx.state.task;
  // Still waiting for the answer's data (a list of scheduled payments loads like a lookup).
  if (current && (current.kind === "lookup" || (current.kind === "schedules" && current.waitingFor))) return;
  ctx.state.paused = null;
  const confirmation = pendingConfirmation(paused);
  if (current) {
    if (confirmation) settle(ctx.state, confirmation.id, "cancelled", ctx.now);
    // explore30: after "report fraud" offered a freeze, "someone stole my card number" offers the same
    // freeze again: "I haven't changed anything." before it read as if the freeze had been turned down.
    if (current.kind === "card" && paused.kind === "card" && current.target === paused.target) return;
    // "To do that, I've cancelled …" read as if the new request needed the cancelling; it is just said.
    ctx.replies.unshift(reply(paused.intent, cancelText(paused).replace(/^OK, /, "")));
    return;
  }
  const from = ctx.replies.length;
  if (confirmation && ctx.now > confirmation.expiresAt) {
    settle(ctx.state, confirmation.id, "expired", ctx.now);
    ctx.replies.push(reply(paused.intent, `The ${taskName(paused)} confirmation expired meanwhile, so nothing was done. You can start again whenever you like.`));
  } else {
    ctx.state.task = paused;
    // A transfer asked in the same message as the answer just given: set up now, as if asked next.
    if (!loadSetAside(ctx, paused)) resumeQuestion(ctx, paused, `Back to your ${taskName(paused)}:`);
  }
  markContinuation(ctx.replies.slice(from));
}

/**
 * At the start of a message: a task still set aside means its question's answer never came back
 * (the DO restarted mid-turn), so the task is simply current again.
 */
export function restoreAbandoned(ctx: StepContext): void {
  if (!ctx.state.paused) return;
  ctx.state.task = ctx.state.paused;
  ctx.state.paused = null;
  loadSetAside(ctx, ctx.state.task);
}

/** The task's open question (or its confirmation) again, after `lead`. */
export function resumeQuestion(ctx: StepContext, task: ActionTask, lead: string): void {
  if (task.kind === "transfer") repeatQuestion(ctx, task, lead);
  else if (task.kind === "card") repeatCardQuestion(ctx, task, lead);
  else repeatDisputeQuestion(ctx, task, lead);
}

/**
 * The conversation engine: (state, event) → (state, replies, effects), with no I/O of its own.
 *
 * Routing order for a customer message:
 *   1. a Yes/No button acts only on the confirmation whose id it carries (engine.buttons.ts);
 *   2. an open transfer/card/dispute task gets first look: "cancel" ends it, another money
 *      request asks whether to drop it, a question is answered with the task set aside and then
 *      resumed (flows/interruptions.ts); then slot answers, corrections, yes/no; a message it
 *      cannot use repeats its question (engine.task.ts);
 *   3. a bare yes/no, a "wait" or a "did it work?" with nothing pending is answered without acting;
 *   4. otherwise questions the customer's data answers (flows/insights.ts: counts, superlatives,
 *      comparisons, lookups; disputes), then the intent: actions, FAQ answers, small talk, fallback.
 * Only step 1 or 2 can start a transfer or an unfreeze, and only for a confirmation the server
 * rendered, that is still pending and not expired.
 */
import type { StepContext } from "./context.js";
import { onCardData, startCardChange } from "./flows/cards.js";
import { answerFaq, askWhatNext, englishOnly, fallback, giveTime, greet, handOff, introduce, isWithdrawResult, nothingToCancel, onHandoffWithdrawn, sayGoodbye, sayThanks, withdrawHandoff } from "./flows/conversation.js";
import { isLeadInNod, nothingPending } from "./flows/settled-answers.js";
import { isExecutionResult, reissue } from "./flows/execution.js";
import { continueDispute, describedCharge, onDisputeData } from "./flows/disputes.js";
import { chargeHints } from "./flows/charge-hints.js";
import { lookUpChargeByAmount } from "./flows/charge-by-amount.js";
import { startCardAfford } from "./flows/card-afford.js";
import { answerOffer, offerDispute } from "./flows/dispute-offer.js";
import { answerListPick, noteShownList } from "./flows/list-pick.js";
import { answerWhileFrozen } from "./flows/while-frozen.js";
import { answerAboutShownOne, noteShownOne } from "./flows/one-shown.js";
import { awaitsInsight, onInsightData, routeDataQuestion, startInsight } from "./flows/insights.js";
import { acknowledgeSmallTalk, answerAside, cancelText, endTask, holdOn, interrupt, restoreAbandoned, resumePaused } from "./flows/interruptions.js";
import { askDisputeStatus, onLookupData, startLookup } from "./flows/lookup.js";
import { startPendingList } from "./flows/pending-list.js";
import { unheldNotes } from "./flows/unheld-accounts.js";
import { answerIfItWorked, asksIfItWorked, noteAlreadyDone } from "./flows/follow-up.js";
import { balanceThenTransfer, finishThenBalance, freezeBeforePayment, takeSecondRequest, transferAfterBalance } from "./flows/two-requests.js";
import { isFactIntent, noteFrozenCards, startFact } from "./flows/bank-facts.js";
import { asksStatementOfPeriod } from "./flows/statement-month.js";
import { asksUnnamedLimitChange, startCardLimit, startWhichLimit } from "./flows/card-limit.js";
import { asksInterestEarned, asksInterestPaid, startInterestEarned, startInterestPaid } from "./flows/interest-earned.js";
import { CARD_AT_RISK_INTENTS, startCardAtRisk, startFraudReport, startFreeze } from "./flows/fraud.js";
import { answerDebitCardBill, asksToPayDebitCard, startPayBill, withBillKind, withBillSource } from "./flows/pay-bill.js";
import { changeJustScheduled, cancelJustScheduled, cancelsScheduled, continueSchedules, onCancelResult, onSchedulesData, startSchedules } from "./flows/schedules.js";
import { onTransferData, startTransfer } from "./flows/transfer.js";
import { withoutNegated } from "./flows/transfer-negation.js";
import { answerAfterSent, asksTakeBack } from "./flows/after-sent.js";
import { answerArrivalOfSent } from "./flows/arrival-of-sent.js";
import { answerGoalOrBudget } from "./flows/goals-and-budgets.js";
import { answerDirectDeposit, answerDirectDepositNeeds } from "./flows/direct-deposit.js";
import { answerTravel } from "./flows/travel.js";
import { answerBorrowing } from "./flows/borrowing.js";
import { answerSubscriptionCancel } from "./flows/subscription-cancel.js";
import { answerPaymentReminder } from "./flows/reminders.js";
import { answerLastPayday, answerNextPayday } from "./flows/next-payday.js";
import { answerWhatNow } from "./flows/what-now.js";
import { answerFeeForSent } from "./flows/fee-for-sent.js";
import { askReadAgain } from "./flows/read-follow-up.js";
import { answerCardFound } from "./flows/card-found.js";
import { showMoreTransactions } from "./flows/more-transactions.js";
import { answerRewardsUse, askFactAgain } from "./flows/fact-follow-up.js";
import { startBillAfford } from "./flows/bill-afford.js";
import { noteCardTrouble } from "./flows/new-card.js";
import { answerPrivacy } from "./flows/privacy.js";
import { answerByText } from "./flows/text-answers.js";
import { compareReadAgain } from "./flows/compare-follow-up.js";
import { payCardJustRead } from "./flows/pay-it-off.js";
import { payBillJustRead } from "./flows/bill-just-read.js";
import { asksFeesCharged, startFeesCharged } from "./flows/fees-charged.js";
import { answerNotSentYet } from "./flows/not-sent-yet.js";
import { answerGreetingFigure } from "./flows/greeting-figure.js";
import { reverseDirection } from "./flows/transfer-swap.js";
import { withChangedSource } from "./flows/change-to.js";
import { askIfYesMeant } from "./flows/near-yes.js";
import { onReplacedCancel } from "./flows/schedule-change.js";
import { unfreezesEveryCard } from "../nlu/freeze-request.js";
import { answersAskedSlot, hasTransferEntities, rejectsSource } from "./flows/transfer-answers.js";
import { onButton } from "./engine.buttons.js";
import { continueCard, continueTransfer, unclearDuringTask } from "./engine.task.js";
import { cloneState, expireStale, isFallback } from "./state.js";
import type { DialogueState, EffectResultEvent, Entities, EngineEvent, IntentTag, MessageEvent, StepResult } from "./types.js";

export function step(state: DialogueState, event: EngineEvent): StepResult {
  const ctx: StepContext = {
    state: cloneState(state),
    now: event.now,
    newId: event.newId,
    messageId: event.type === "message" ? event.messageId : null,
    replies: [],
    effects: [],
  };
  expireStale(ctx.state, event.now);
  if (event.type === "message" && ctx.state.lastMessageAt !== undefined) ctx.quietMs = event.now - ctx.state.lastMessageAt;
  if (event.type === "message") ctx.state.lastMessageAt = event.now;
  if (event.type === "message") onMessage(ctx, event);
  else onEffectResult(ctx, event);
  noteShownList(ctx);
  noteShownOne(ctx);
  return { state: ctx.state, replies: ctx.replies, effects: ctx.effects };
}

/**
 * After the DO restarts: re-emits the effect of a confirmed transfer/card change that has no result
 * yet, with the same idempotency key (the ledger applies it at most once). One effect per call.
 */
export function resume(state: DialogueState, now: number): StepResult {
  const next = cloneState(state);
  expireStale(next, now);
  const effect = reissue(next, now);
  return { state: next, replies: [], effects: effect ? [effect] : [] };
}

/** The agent side closed the hand-off; the assistant may escalate again later. */
export function clearHandoff(state: DialogueState): DialogueState {
  return { ...cloneState(state), handoff: null };
}

function onEffectResult(ctx: StepContext, event: EffectResultEvent): void {
  // "… and then show me my balance": read once the transfer is settled (flows/two-requests.ts).
  if (isExecutionResult(ctx.state, event.effectId)) return finishThenBalance(ctx, event.result);
  if (isWithdrawResult(event.effectId)) return onHandoffWithdrawn(ctx, event.result);
  const task = ctx.state.task;
  // Results nobody waits for (a cancelled task, a duplicate) are dropped.
  if (task?.kind === "transfer" && task.waitingFor.includes(event.effectId)) {
    onTransferData(ctx, task, event.effectId, event.result);
  } else if (task?.kind === "card" && task.waitingFor === event.effectId) {
    onCardData(ctx, task, event.result);
  } else if (task?.kind === "lookup" && awaitsInsight(task, event.effectId)) {
    onInsightData(ctx, task, event.effectId, event.result);
  } else if (task?.kind === "lookup" && task.waitingFor === event.effectId) {
    onLookupData(ctx, task, event.result);
  } else if (task?.kind === "schedules" && task.waitingFor === event.effectId) {
    if (event.effectId.endsWith(":cancel_schedule")) (task.replace ? onReplacedCancel : onCancelResult)(ctx, task, event.result);
    else onSchedulesData(ctx, task, event.result);
  } else if (task?.kind === "dispute" && task.waitingFor === event.effectId) {
    onDisputeData(ctx, task, event.effectId, event.result);
  }
  // A question answered in the middle of a task: once its answer is complete, the task resumes.
  resumePaused(ctx);
}

/** A message, then the second request it may hold ("yes, and also 30 to savings"; flows/two-requests.ts). */
function onMessage(ctx: StepContext, event: MessageEvent): void {
  const then = event.confirmation ? undefined : event.understanding.entities?.then;
  if (!then) return onFirstRequest(ctx, event);
  const { then: _second, ...entities } = event.understanding.entities;
  // The first request's own words, where the stored text still ends with the second's.
  const at = event.text.lastIndexOf(then.text);
  const text = at > 0 ? event.text.slice(0, at).trim() : event.text;
  // "ok and what did i spend yesterday" with nothing waiting: the nod leads in; the request is read as if said alone.
  if (entities.yes && isLeadInNod(ctx.state, ctx.now, text)) {
    return onFirstRequest(ctx, { ...event, text: then.text, understanding: { intent: then.intent, confidence: then.confidence, entities: then.entities } });
  }
  const executingBefore = ctx.state.executing?.id;
  onFirstRequest(ctx, { ...event, text, understanding: { ...event.understanding, entities } });
  const shown = ctx.replies.length;
  takeSecondRequest(ctx, then, route);
  // "yes and thanks": the yes started a money action whose receipt comes with its result; what the
  // rest of the message got waits for that receipt (the "You're welcome!" came before "Done").
  const executing = ctx.state.executing;
  if (executing && executing.id !== executingBefore && ctx.replies.length > shown) {
    ctx.state.afterExecution = [...(ctx.state.afterExecution ?? []), ...ctx.replies.splice(shown)];
  }
}

function onFirstRequest(ctx: StepContext, event: MessageEvent): void {
  const u = event.understanding;
  let entities: Entities = { ...u.entities, accountRefs: u.entities?.accountRefs ?? [] };
  const intent: IntentTag = { name: u.intent, confidence: u.confidence };
  const unclear = isFallback(u);

  restoreAbandoned(ctx);
  if (answerOffer(ctx, entities, !event.confirmation && unclear, event.confirmation ? "" : event.text)) return;
  if (event.confirmation) return onButton(ctx, event.confirmation);

  const task = ctx.state.task;
  // "oh wait found it" after a lost card: no freeze, nothing changed (flows/card-found.ts).
  if (answerCardFound(ctx, event.text)) return;
  if (task?.kind === "transfer") entities = withBillSource(task, withBillKind(task, entities, event.text));
  // "not jordan, my savings": savings takes Jordan's place as the destination, never the source.
  if (task?.kind === "transfer") entities = withoutNegated(task, task.payees, entities, event.text);
  // "and change it to checking" under a card to a payee: from checking (flows/change-to.ts).
  if (task?.kind === "transfer") entities = withChangedSource(task, entities, event.text);
  // "do it on friday instead": a correction the reading rules also take for a question ("do …") is
  // a correction. As a question it left the card for now, and the next yes sent the money at once.
  if (task?.kind === "transfer" && entities.query?.question && entities.query.correction && hasTransferEntities(entities)) {
    entities = { ...entities, query: { ...entities.query, question: false } };
  }
  if (task?.kind === "schedules" && task.confirmation) {
    if (entities.nearYes && askIfYesMeant(ctx, task)) return;
    if (continueSchedules(ctx, task, entities) === "used") return;
    endTask(ctx, "I've kept your scheduled payment as it is.");
  } else if (task && task.kind !== "lookup" && task.kind !== "schedules") {
    // "pay off my visa debit card" mid-task is answered, then the task goes on (it got "Let's
    // finish this one first." as if it were a second payment, or "Sorry, I didn't catch that.").
    if (asksToPayDebitCard(event.text)) {
      ctx.state.paused = task;
      ctx.state.task = null;
      answerDebitCardBill(ctx, intent, entities, event.text);
      return resumePaused(ctx);
    }
    if (entities.hold && !entities.yes && !entities.no) return holdOn(ctx, task);
    // "yse" / "ya" at a card: asked whether a yes was meant, the card again (flows/near-yes.ts).
    if (entities.nearYes && (task.kind === "transfer" || task.kind === "card") && askIfYesMeant(ctx, task)) return;
    // "hi 29" to "How much?": asked again, never put on a card (flows/greeting-figure.ts).
    if (task.kind === "transfer" && answerGreetingFigure(ctx, task, event.text)) return;
    // "did it go through" before the Yes: nothing was sent (flows/not-sent-yet.ts).
    if (task.kind === "transfer" && answerNotSentYet(ctx, task, event.text)) return;
    // "undo that", "take it back" before the Yes: the task is cancelled, nothing was done.
    if (asksTakeBack(event.text)) return endTask(ctx, cancelText(task));
    if (task.kind === "transfer" && (rejectsSource(ctx, task, event.text) || reverseDirection(ctx, task, event.text))) return;
    const question = entities.query?.question === true;
    // "the 42.10 one" while a charge is picked is that charge, not a new transfer nor a question.
    const slotAnswer =
      task.kind === "transfer"
        ? !question && answersAskedSlot(task, entities, event.text)
        : task.kind === "dispute" && describedCharge(task, entities, event.text) !== undefined;
    if (interrupt(ctx, task, intent, entities, unclear, slotAnswer, route, event.text)) return;
    const outcome =
      task.kind === "transfer"
        ? continueTransfer(ctx, task, intent, entities, unclear, event.text)
        : task.kind === "card"
          ? continueCard(ctx, task, intent, entities, unclear, event.text)
          : continueDispute(ctx, task, entities, event.text)
            ? "used"
            : unclear
              ? "unclear"
              : "new_topic";
    if (outcome === "used") {
      ctx.state.consecutiveFallbacks = 0;
      return;
    }
    if (outcome === "unclear") return unclearDuringTask(ctx, task, intent, entities.otherLanguage === true);
    if (acknowledgeSmallTalk(ctx, task, intent)) return;
    if (intent.name !== "goodbye") return answerAside(ctx, task, intent, entities, false, route, event.text);
    endTask(ctx, "I've stopped what we were setting up — nothing was done.");
  }

  // "same again", "undo that" right after a transfer was sent (flows/after-sent.ts).
  if (answerAfterSent(ctx, event.text, entities)) return;
  // "is this chat recorded", "delete my chat history": what is kept, how long, how to delete it (flows/privacy.ts).
  if (answerPrivacy(ctx, event.text, event.settings)) return;
  // "cancel my card", "why" after a decline…: answered by their words (flows/text-answers.ts).
  if (answerByText(ctx, event.text)) return;
  // "set a savings goal", "help me budget": none are kept; what Teller can do instead (flows/goals-and-budgets.ts).
  if (answerGoalOrBudget(ctx, event.text, entities)) return;
  // "how do i set up direct deposit", "im going to italy next week": out of scope, what to do instead.
  if (answerDirectDeposit(ctx, intent, unclear, event.text) || answerTravel(ctx, intent, unclear, event.text)) return;
  // "can i get a loan": none is made here; who can help (flows/borrowing.ts).
  if (answerBorrowing(ctx, intent, unclear, event.text)) return;
  // "cancel streamflix" after the subscriptions: cancelled with the company (flows/subscription-cancel.ts).
  if (answerSubscriptionCancel(ctx, event.text)) return;
  // "remind me to pay rent": no reminders, but the payment can be scheduled (flows/reminders.ts).
  if (answerPaymentReminder(ctx, event.text)) return;
  // "when is my next paycheck": not known; when money came in before (flows/next-payday.ts).
  if (answerNextPayday(ctx, event.text, entities)) return;
  // "what happens now" right after a card change, a transfer, a dispute or a hand-off (flows/what-now.ts).
  if (answerWhatNow(ctx, event.text)) return;
  // "will my direct debits still go out" right after a freeze: what a freeze stops (flows/while-frozen.ts).
  if (answerWhileFrozen(ctx, event.text)) return;
  // "do i have enough to pay my card off": what it owes against what the accounts hold (flows/card-afford.ts).
  if (startCardAfford(ctx, intent, event.text) || startBillAfford(ctx, intent, event.text)) return;
  // "when did i last get paid": the latest money in (flows/next-payday.ts).
  if (answerLastPayday(ctx, event.text, entities)) return;
  // "is there a fee for that?" right after a transfer: that transfer's fee (flows/fee-for-sent.ts).
  if (answerFeeForSent(ctx, event.text)) return;
  // "when will he get it?" right after a transfer: that transfer's arrival (flows/arrival-of-sent.ts).
  if (answerArrivalOfSent(ctx, event.text)) return;
  // "any update?" right after disputes were shown or one was opened (flows/dispute-follow-up.ts).
  if (askDisputeStatus(ctx, event.text)) return;
  // "what about checking?" right after a balance: that read again for checking (flows/read-follow-up.ts).
  // "and on my savings?" right after an interest rate: that rate of savings (flows/fact-follow-up.ts).
  if (askFactAgain(ctx, entities, event.text) || answerRewardsUse(ctx, event.text) || answerDirectDepositNeeds(ctx, event.text)) return;
  // "can i change that to 150?" right after a schedule was confirmed: cancel it first (flows/schedules.ts).
  if (changeJustScheduled(ctx, intent, entities)) return;
  // "how does that compare to last month" right after a spending answer (flows/compare-follow-up.ts).
  if (compareReadAgain(ctx, intent, entities, event.text)) return;
  // "more" / "older ones" right after a recent list: a longer one (flows/more-transactions.ts).
  if (showMoreTransactions(ctx, event.text)) return;
  // "the second one" right after a list: that row on its own (flows/list-pick.ts).
  if (answerListPick(ctx, event.text)) return;
  // "how much was it" right after one transaction was shown: that row's amount (flows/one-shown.ts).
  if (answerAboutShownOne(ctx, event.text)) return;
  if (askReadAgain(ctx, intent, entities, event.text, unclear)) return;
  // A bare "cancel" / "stop" with nothing in progress got the FAQ on cancelling a sent transfer,
  // or "Goodbye!"; "cancel the transfer" (no bare answer) still gets the FAQ.
  if (entities.no && !entities.yes && entities.query?.cancel) {
    // Waiting for a person: "never mind" withdraws that request (it stayed queued); "cancel it" is
    // about whichever came last, that request or a transfer just scheduled.
    const handoffAt = ctx.state.handoff?.at ?? -Infinity;
    const scheduleLast = (ctx.state.settled.at(-1)?.at ?? -Infinity) > handoffAt;
    const cancelled = scheduleLast
      ? cancelJustScheduled(ctx, intent, entities) || withdrawHandoff(ctx)
      : withdrawHandoff(ctx) || cancelJustScheduled(ctx, intent, entities);
    if (!cancelled) nothingToCancel(ctx, intent);
    return;
  }
  if ((entities.yes || entities.no) && unclear) return nothingPending(ctx, intent, entities, event.text);
  if (entities.hold) return giveTime(ctx, intent);
  // "did it work?" right after a freeze got "Sorry, I can't help with that."
  if (asksIfItWorked(event.text) && answerIfItWorked(ctx, intent)) return;
  // "what can you do?" / "are you a bot?" is no request for a person, nor a misunderstanding.
  if (entities.query?.aboutTeller && (unclear || intent.name === "human_agent" || intent.name === "greeting")) {
    return introduce(ctx, intent);
  }
  if (entities.otherLanguage) return englishOnly(ctx, intent);
  // "any fees this month": the fees on the accounts, whatever the model made of it (flows/fees-charged.ts).
  if (asksFeesCharged(event.text)) return startFeesCharged(ctx, intent, entities, event.text);
  // "is there any pending transactions": the list, whatever the model made of it (flows/pending-list.ts).
  if (startPendingList(ctx, intent, unclear, entities, event.text)) return;
  if (unclear && routeDataQuestion(ctx, intent, entities, event.text, true)) return;
  // "pay off my visa debit card" is read as a transfer only just above the fallback line: the
  // words say what it is, whatever the model's confidence.
  if (unclear && answerDebitCardBill(ctx, intent, entities, event.text)) return;
  // "can i pay it tomorrow" right after the card's statement (flows/pay-it-off.ts).
  if (unclear && payCardJustRead(ctx, intent, entities, event.text)) return;
  // explore23: a lone "?" is a customer not following, not a misunderstanding (two handed off).
  if (unclear && /^[\s?!.]*\?[\s?!.]*$/.test(event.text)) return askWhatNext(ctx, intent);
  if (unclear) return fallback(ctx, intent, event.text);
  noteAlreadyDone(ctx, intent, entities);
  route(ctx, intent, entities, event.text);
}

function route(ctx: StepContext, intent: IntentTag, e: Entities, text: string): void {
  ctx.state.consecutiveFallbacks = 0;
  noteCardTrouble(ctx, intent);
  // "pay it off" right after the card's balance or statement: a payment to that card (flows/pay-it-off.ts).
  if (payCardJustRead(ctx, intent, e, text)) return;
  if (payBillJustRead(ctx, intent, e, text)) return;
  if (transferAfterBalance(ctx, intent, e, text)) return;
  // …and when it comes aside, in the middle of a transfer (flows/pending-list.ts).
  if (startPendingList(ctx, intent, false, e, text)) return;
  if (intent.name === "interest_rate" && asksInterestEarned(text)) return startInterestEarned(ctx, intent, e);
  // "what was the 45 dollar charge": that charge, looked up (flows/charge-by-amount.ts).
  if (lookUpChargeByAmount(ctx, intent, e, text)) return;
  if (intent.name === "interest_rate" && asksInterestPaid(text)) return startInterestPaid(ctx, intent, e);
  // "how much is my rent": a bill's last payment (flows/insights.ts), before the card statement's fact.
  // "whats my biggest bill": the biggest of the household's bills, not the card's statement (session 30).
  if (intent.name === "credit_statement" && (e.query?.lookup?.kind === "last" || e.query?.lookup?.kind === "next" || e.query?.superlative) && startInsight(ctx, intent, e, text)) return;
  // "my october statement": the credit card's statement of that month (flows/statement-month.ts).
  if (asksStatementOfPeriod(intent, e, text)) return startFact(ctx, { ...intent, name: "credit_statement" }, "credit_statement", e, text);
  // "whats my card limit on the visa": a named card's limit, a debit card's none (flows/card-limit.ts).
  if (intent.name === "credit_limit" && startCardLimit(ctx, intent, e, text)) return;
  // "can i increase my limit": which one, when the customer holds a credit card.
  if (asksUnnamedLimitChange(intent, text) && startWhichLimit(ctx, intent)) return;
  if (isFactIntent(intent.name)) return startFact(ctx, intent, intent.name, e, text);
  if (routeDataQuestion(ctx, intent, e, text, false)) return;
  if (cancelsScheduled(intent, e)) return startSchedules(ctx, { ...intent, name: "scheduled_payments" }, e);
  if (CARD_AT_RISK_INTENTS.includes(intent.name)) return startCardAtRisk(ctx, intent, e, text);
  switch (intent.name) {
    case "balance":
    case "transactions":
    case "spending":
    case "payees":
      return startLookup(ctx, intent, intent.name, e, text);
    case "transfer":
      if (answerDebitCardBill(ctx, intent, e, text)) return;
      if (balanceThenTransfer(ctx, intent, e, text)) return;
      if (freezeBeforePayment(ctx, intent, e, text)) return;
      return startTransfer(ctx, intent, e, unheldNotes(text));
    case "pay_bill":
      if (answerDebitCardBill(ctx, intent, e, text)) return;
      if (freezeBeforePayment(ctx, intent, e, text)) return;
      return startPayBill(ctx, intent, e, text);
    case "report_fraud":
      return startFraudReport(ctx, intent, e, text);
    case "freeze_card":
      return startFreeze(ctx, intent, e, text);
    case "unfreeze_card":
      return startCardChange(ctx, intent, "active", e, unfreezesEveryCard(text));
    case "human_agent":
      return handOff(ctx, intent, "customer_request");
    case "greeting":
      return greet(ctx, intent);
    case "goodbye":
      return sayGoodbye(ctx, intent);
    case "thanks":
      return sayThanks(ctx, intent);
    case "scheduled_payments":
      return startSchedules(ctx, intent, e);
    default:
      if (!answerFaq(ctx, intent)) return fallback(ctx, intent);
      offerDispute(ctx, intent, chargeHints(e, text));
      noteFrozenCards(ctx, intent, e, text);
  }
}

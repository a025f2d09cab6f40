/**
 * Confirmed actions that change something (a transfer, a card status). The execution record is
 * written into the state in the same step that emits the effect, so the DO persists "executing" with
 * the idempotency key before it calls the ledger (the input gate opens during that call).
 */
import { EXECUTION_DEADLINE_MS } from "../config.js";
import type { StepContext } from "../context.js";
import { accountLabel, cardLabel, moneyText, quickReply, reply } from "../render.js";
import { settle } from "../state.js";
import type {
  CardOption,
  DialogueState,
  EffectErrorCode,
  EffectResult,
  Execution,
  IntentTag,
  MoneyEffect,
  ScheduleTransferEffect,
  SetCardStatusEffect,
  TransferEffect,
} from "../types.js";
import { parseView } from "../views.js";
import { scheduleDone, scheduleFailed } from "./schedules.js";
import { executionPaymentKind, isPaymentExecution } from "./card-payment.js";
import { advanceBatch, batchDone, batchEffectId, batchExecution } from "./card-batch.js";

type Unissued<T> = Omit<T, "effectId" | "idempotencyKey">;

export function transferKey(confirmationId: string): string {
  return `transfer:${confirmationId}`;
}

export function scheduleKey(confirmationId: string): string {
  return `schedule:${confirmationId}`;
}

export function cardKey(actionId: string): string {
  return `card:${actionId}`;
}

function attemptEffectId(executionId: string, attempt: number): string {
  return `${executionId}:exec:${attempt}`;
}

export function beginTransfer(
  ctx: StepContext,
  confirmationId: string,
  intent: IntentTag,
  effect: Unissued<TransferEffect>,
  receipt: Extract<Execution["receipt"], { kind: "transfer" }>,
  then: Pick<Execution, "balanceAfter"> = {},
): void {
  begin<TransferEffect>(ctx, confirmationId, intent, effect, transferKey(confirmationId), receipt, then);
}

export function beginSchedule(
  ctx: StepContext,
  confirmationId: string,
  intent: IntentTag,
  effect: Unissued<ScheduleTransferEffect>,
  receipt: Extract<Execution["receipt"], { kind: "transfer" }>,
  then: Pick<Execution, "balanceAfter"> = {},
): void {
  begin<ScheduleTransferEffect>(ctx, confirmationId, intent, effect, scheduleKey(confirmationId), receipt, then);
}

export function beginCardChange(
  ctx: StepContext,
  actionId: string,
  intent: IntentTag,
  effect: Unissued<SetCardStatusEffect>,
  receipt: Extract<Execution["receipt"], { kind: "card" }>,
): void {
  begin<SetCardStatusEffect>(ctx, actionId, intent, effect, cardKey(actionId), receipt);
}

/** Freezes every card in `cards`, one after another, each under its own key (flows/card-batch.ts). */
export function beginCardBatch(
  ctx: StepContext,
  actionId: string,
  intent: IntentTag,
  cards: CardOption[],
  already: CardOption[],
  status: SetCardStatusEffect["status"] = "frozen",
): void {
  const execution = batchExecution(actionId, intent, cards, already, ctx.now, status);
  ctx.state.executing = execution;
  ctx.effects.push(execution.effect);
}

/**
 * One change at a time: while an earlier one has no result, a new one waits (the customer is told
 * to try again), so two executions never share the state.
 */
export function busyExecuting(ctx: StepContext, intent: IntentTag): boolean {
  if (!ctx.state.executing) return false;
  ctx.replies.push(
    reply(intent, "I'm still finishing your previous request. Please try again in a moment — nothing new has been done."),
  );
  return true;
}

/** The first attempt, under its idempotency key: recorded in the state in the same step as its effect. */
function begin<T extends MoneyEffect>(
  ctx: StepContext,
  id: string,
  intent: IntentTag,
  effect: Unissued<T>,
  idempotencyKey: string,
  receipt: Execution["receipt"],
  then: Pick<Execution, "balanceAfter"> = {},
): void {
  const issued = { ...effect, effectId: attemptEffectId(id, 1), idempotencyKey } as T;
  ctx.state.executing = { id, intent, effect: issued, attempts: 1, startedAt: ctx.now, receipt, ...then };
  ctx.effects.push(issued);
}

/** True when the result belongs to any attempt of the execution in progress. */
export function isExecutionResult(state: DialogueState, effectId: string): boolean {
  return state.executing !== null && effectId.startsWith(`${state.executing.id}:exec:`);
}

/**
 * The same effect again with the same idempotency key, under a new effect id; past the deadline,
 * a lookup of that key instead, so a late resume never moves money.
 */
export function reissue(state: DialogueState, now: number): MoneyEffect | null {
  const execution = state.executing;
  if (!execution) return null;
  execution.attempts += 1;
  const lookupOnly = now - execution.startedAt >= EXECUTION_DEADLINE_MS;
  execution.effect = {
    ...execution.effect,
    effectId:
      execution.batch && execution.receipt.kind === "card"
        ? batchEffectId(execution.id, execution.receipt.card.id, execution.attempts)
        : attemptEffectId(execution.id, execution.attempts),
    ...(lookupOnly ? { lookupOnly: true as const } : {}),
  };
  return execution.effect;
}

export function finishExecution(ctx: StepContext, result: EffectResult): void {
  // A batch on to its next card: what was held waits for the receipt of the last.
  if (settleExecution(ctx, result) === "next_card") return;
  // Replies held for this receipt ("yes and thanks"), after it; after a first "couldn't reach"
  // too, so nothing waits across turns.
  const held = ctx.state.afterExecution;
  if (held && held.length > 0) ctx.replies.push(...held);
  if (held !== undefined) ctx.state.afterExecution = null;
}

function settleExecution(ctx: StepContext, result: EffectResult): "next_card" | undefined {
  const execution = ctx.state.executing;
  if (!execution) return;
  if (!result.ok && result.error.code === "unavailable") {
    // Never settled as unknown while the key may have been applied: it stays executing and the DO
    // resumes it (alarm) with the same key, or, past the deadline, looks the key up. Told once.
    if (execution.attempts === 1) {
      ctx.replies.push(
        reply(
          execution.intent,
          "I couldn't reach your accounts to finish this just now. I'll try again shortly — it will only go through once.",
        ),
      );
    }
    return;
  }
  if (execution.batch) return settleBatch(ctx, execution, result);
  ctx.state.executing = null;
  if (result.ok) {
    const kind = execution.effect.kind;
    const scheduled = kind === "schedule_transfer" ? parseView("scheduledTransfer", result.data)?.id : undefined;
    settle(ctx.state, execution.id, "done", ctx.now, scheduled);
    if (kind === "transfer") rememberSent(ctx.state, execution, ctx.now);
    if (execution.effect.kind === "set_card_status" && execution.receipt.kind === "card") {
      ctx.state.lastCard = { last4: execution.receipt.card.last4, at: ctx.now, status: execution.effect.status };
    }
    ctx.replies.push(
      kind === "transfer"
        ? transferDone(execution, result.data)
        : kind === "schedule_transfer"
          ? scheduleDone(execution, ctx.now)
          : cardDone(execution, result.data),
    );
    return;
  }
  const outcome = result.error.code === "conflict" ? "unknown" : result.error.code === "cancelled" ? "cancelled" : "failed";
  settle(ctx.state, execution.id, outcome, ctx.now);
  ctx.replies.push(execution.effect.kind === "schedule_transfer" ? scheduleFailed(execution, result.error.code) : failureReply(execution, result.error.code));
}

function settleBatch(ctx: StepContext, execution: Execution, result: EffectResult): "next_card" | undefined {
  if (advanceBatch(execution, result, ctx.now)) {
    ctx.effects.push(execution.effect);
    return "next_card";
  }
  ctx.state.executing = null;
  const done = execution.batch!.done;
  settle(ctx.state, execution.id, done.length > 0 ? "done" : "failed", ctx.now);
  // "is it frozen now?" is about the one card frozen; after several it is about them all.
  const status = execution.effect.kind === "set_card_status" ? execution.effect.status : undefined;
  ctx.state.lastCard = done.length === 1 ? { last4: done[0]!.last4, at: ctx.now, ...(status ? { status } : {}) } : null;
  ctx.replies.push(batchDone(execution));
  return;
}

/** What "same again" repeats and "undo that" is about (flows/after-sent.ts): the transfer just sent. */
export function rememberSent(state: DialogueState, execution: Execution, now: number): void {
  if (execution.effect.kind !== "transfer" || execution.receipt.kind !== "transfer") return;
  const { fromAccountId, to, amount } = execution.effect;
  const payment = execution.receipt.payment;
  state.lastSent = {
    id: execution.id,
    at: now,
    intent: execution.intent,
    fromAccountId,
    to,
    amount,
    toLabel: execution.receipt.toLabel,
    ...(payment !== undefined ? { payment } : {}),
  };
}

function transferDone(execution: Execution, data: unknown) {
  const effect = execution.effect as TransferEffect;
  const receipt = execution.receipt.kind === "transfer" ? execution.receipt : null;
  const outcome = parseView("transferOutcome", data);
  const toText = receipt ? receipt.toLabel : "the recipient";
  const pending = outcome?.status === "pending" ? " It's pending and should show as posted shortly." : "";
  const did = isPaymentExecution(execution) ? "paid" : "sent";
  return reply(execution.intent, `Done — I ${did} ${moneyText(effect.amount)} to ${toText}.${pending}`, {
    actions: [quickReply("Check my balance")],
    ...(outcome && receipt
      ? {
          data: {
            kind: "transfer_receipt" as const,
            transferId: outcome.transferId,
            status: outcome.status,
            amount: effect.amount,
            from: receipt.from,
            to: receipt.to,
          },
        }
      : {}),
  });
}

function cardDone(execution: Execution, data: unknown) {
  const effect = execution.effect as SetCardStatusEffect;
  const card = parseView("card", data);
  const label = execution.receipt.kind === "card" ? cardLabel(execution.receipt.card) : "your card";
  const text =
    effect.status === "frozen"
      ? `Done — ${label} is frozen. Payments and withdrawals with it will be declined until you unfreeze it.`
      : `Done — ${label} is active again.`;
  return reply(execution.intent, text, {
    actions: effect.status === "frozen" ? [quickReply("Unfreeze my card"), quickReply("Talk to a person")] : [],
    ...(card ? { data: { kind: "cards" as const, cards: [card] } } : {}),
  });
}

function failureReply(execution: Execution, code: EffectErrorCode) {
  const isTransfer = execution.effect.kind === "transfer";
  const paid = executionPaymentKind(execution);
  const bill = paid !== undefined;
  // The customer's own card is a card payment, never a "bill payment" (as its confirmation said).
  const what = !isTransfer ? "I couldn't change the card" : paid ? `The ${paid} payment didn't go through` : "The transfer didn't go through";
  const nothing = !isTransfer ? "" : bill ? " Nothing was paid." : " Nothing was sent.";
  const fromText =
    execution.receipt.kind === "transfer" ? accountLabel(execution.receipt.from) : "that account";
  const another = execution.receipt.kind === "transfer" && execution.receipt.otherSource ? " or another account" : "";
  const texts: Record<EffectErrorCode, string> = {
    insufficient_funds: `${what}: there isn't enough available in ${fromText}.${nothing} You can try a smaller amount${another}.`,
    limit_exceeded: `${what}: the amount is over the limit for a single transfer.${nothing} You can see your limits in the app.`,
    daily_limit_exceeded: `${what}: it would take you over your daily transfer limit.${nothing} You can try again tomorrow or check your limits in the app.`,
    not_found: `${what}: I couldn't find that account, payee or card any more.${nothing}`,
    invalid: `${what}: the bank couldn't accept those details.${nothing}`,
    conflict: `I couldn't confirm whether this went through. Please check your recent activity before trying again — this request won't be applied twice.`,
    unavailable: `I couldn't reach your accounts to confirm whether this went through. Please check your recent activity before trying again — this request won't be applied twice.`,
    cancelled: isTransfer
      ? `I couldn't reach your accounts in time to make that ${bill ? "payment" : "transfer"}, so I've cancelled it.${nothing.replace(/\.$/, "")} — you can ask again whenever you like.`
      : "I couldn't reach your cards in time to make that change, so I've cancelled it. Your card is as it was.",
  };
  const actions =
    code === "unavailable" || code === "conflict"
      ? [quickReply("Recent transactions", "Show my recent transactions")]
      : code === "insufficient_funds"
        ? [quickReply("Check my balance")]
        : [];
  return reply(execution.intent, texts[code], { actions });
}

/**
 * Transfer set-up: slots (amount, from, to) are filled one question at a time and resolved only
 * against the customer's own accounts and payees as loaded by the DO. Free text never becomes an
 * id. When every slot is valid the server renders the confirmation; only a "yes" to that
 * confirmation (see engine.ts) starts the transfer.
 *
 * This module starts the transfer, takes its loaded accounts and payees, and hands a confirmed one
 * to the DO; the customer's answers are read in transfer-answers.ts, the questions and the
 * confirmation are rendered in transfer-questions.ts.
 */
import { MAX_ACCOUNT_OPTIONS, MAX_PAYEE_OPTIONS } from "../config.js";
import { derivedId, type StepContext } from "../context.js";
import type { EffectResult, Entities, IntentTag, TransferTask } from "../types.js";
import { parseView } from "../views.js";
import { beginSchedule, beginTransfer } from "./execution.js";
import { explainLoadFailure } from "./wording.js";
import { payeeOption } from "./transfer-payees.js";
import { accountOption, coveringSources } from "./transfer-accounts.js";
import { applyEntities } from "./transfer-slots.js";
import { isStatementsLoad, onCardStatements, paymentKind } from "./card-payment.js";
import { advance, describeDestination, proposeSource } from "./transfer-questions.js";

export function startTransfer(ctx: StepContext, intent: IntentTag, entities: Entities, startNotes: string[] = []): void {
  const accountsId = derivedId(ctx, "accounts");
  const payeesId = derivedId(ctx, "payees");
  ctx.state.task = {
    kind: "transfer",
    intent,
    waitingFor: [accountsId, payeesId],
    unresolved: [entities],
    accounts: null,
    payees: null,
    asking: null,
    confirmation: null,
    ...(startNotes.length > 0 ? { startNotes } : {}),
  };
  ctx.effects.push(
    { kind: "load", effectId: accountsId, what: "accounts" },
    { kind: "load", effectId: payeesId, what: "payees" },
  );
}

/** A load result for the transfer being set up. */
export function onTransferData(ctx: StepContext, task: TransferTask, effectId: string, result: EffectResult): void {
  if (isStatementsLoad(effectId)) return advance(ctx, task, onCardStatements(task, effectId, result));
  task.waitingFor = task.waitingFor.filter((id) => id !== effectId);
  if (effectId.endsWith(":accounts")) {
    const accounts = result.ok ? parseView("accounts", result.data) : null;
    if (accounts) task.accounts = accounts.slice(0, MAX_ACCOUNT_OPTIONS).map(accountOption);
  } else {
    const payees = result.ok ? parseView("payees", result.data) : null;
    if (payees) task.payees = payees.slice(0, MAX_PAYEE_OPTIONS).map(payeeOption);
  }
  const loaded = effectId.endsWith(":accounts") ? task.accounts : task.payees;
  if (!loaded) {
    ctx.state.task = null;
    ctx.replies.push(explainLoadFailure(task.intent, result));
    return;
  }
  if (task.waitingFor.length > 0 || !task.accounts || !task.payees) return;
  const notes: string[] = [...(task.startNotes ?? [])];
  delete task.startNotes;
  for (const entities of task.unresolved) notes.push(...applyEntities(task, task.accounts, task.payees, entities));
  task.unresolved = [];
  if (notes.length === 0) proposeSource(task);
  advance(ctx, task, notes);
}

/** The customer said yes to the pending confirmation: hand the transfer to the DO. */
export function executeTransfer(ctx: StepContext, task: TransferTask): void {
  const confirmation = task.confirmation!;
  const from = task.accounts?.find((a) => a.id === task.from);
  if (!from || !task.amount || !task.to) return; // unreachable: a confirmation exists only for valid slots
  const to = describeDestination(task, task.to)!;
  // The result says "paid", not "sent", for a bill or the customer's own card.
  // Tagged by what is paid: the customer's own card is a card payment, whatever the intent.
  const kind = paymentKind(task);
  const payment = kind ? { payment: kind } : {};
  // Whether a refusal for want of funds can suggest another account: only if one could cover it.
  const other = coveringSources(task.accounts ?? [], task.to, task.amount).some((a) => a.id !== from.id) ? { otherSource: true as const } : {};
  ctx.state.task = null;
  const then = task.balanceAfter ? { balanceAfter: true as const } : {};
  if (task.schedule) {
    // A later date or a repeat: "yes" stores the schedule; the runner moves the money on the day.
    beginSchedule(
      ctx,
      confirmation.id,
      task.intent,
      { kind: "schedule_transfer", confirmationId: confirmation.id, fromAccountId: from.id, to: task.to, amount: task.amount, schedule: task.schedule },
      { kind: "transfer", from: { name: from.name, mask: from.mask }, to: to.view, toLabel: to.label, ...payment, ...other },
      then,
    );
    return;
  }
  beginTransfer(
    ctx,
    confirmation.id,
    task.intent,
    { kind: "transfer", fromAccountId: from.id, to: task.to, amount: task.amount },
    { kind: "transfer", from: { name: from.name, mask: from.mask }, to: to.view, toLabel: to.label, ...payment, ...other },
    then,
  );
}


/**
 * A payment to the customer's own credit card (flows/transfer.ts): it reads as a payment, never as
 * money sent, and "How much?" offers the amounts that make sense from the card's newest statement
 * (statement balance, current balance, minimum payment), loaded only when that question is asked.
 */
import { derivedId, type StepContext } from "../context.js";
import { moneyText, quickReply } from "../render.js";
import { dateText } from "../schedule-text.js";
import type { AccountOption, Action, EffectResult, Entities, Execution, Money, PaymentKind, TransferTask } from "../types.js";
import { parseView } from "../views.js";

const MAX_STATEMENTS = 3;

/** The customer's credit account the money goes to, if that is the destination. */
export function paidCard(task: TransferTask): AccountOption | undefined {
  const to = task.to;
  if (!to || !("accountId" in to)) return undefined;
  const account = task.accounts?.find((a) => a.id === to.accountId);
  return account?.type === "credit" ? account : undefined;
}

/** A bill payment, or a transfer to the customer's own card: worded as a payment. */
export function isPayment(task: TransferTask): boolean {
  return paymentKind(task) !== undefined;
}

/**
 * What kind of payment the task makes: "card" when the money goes to the customer's own credit
 * card, whether asked as a bill or as a transfer; "bill" for a bill paid to a payee; else none.
 */
export function paymentKind(task: TransferTask): PaymentKind | undefined {
  if (paidCard(task)) return "card";
  return task.intent.name === "pay_bill" ? "bill" : undefined;
}

/** The kind of payment a confirmed execution made (a receipt stored before the tag had `true`: a bill). */
export function executionPaymentKind(execution: Execution): PaymentKind | undefined {
  const tag = execution.receipt.kind === "transfer" ? execution.receipt.payment : undefined;
  if (tag === "card" || tag === "bill") return tag;
  return tag === true || execution.intent.name === "pay_bill" ? "bill" : undefined;
}

/** A bill payment, or a transfer to the customer's own card: said as paid, not sent. */
export function isPaymentExecution(execution: Execution): boolean {
  return executionPaymentKind(execution) !== undefined;
}

/** Starts the statement load; the amount question comes with its result (onCardStatements). */
export function loadCardStatements(ctx: StepContext, task: TransferTask, notes: string[]): void {
  const effectId = derivedId(ctx, "statements");
  task.waitingFor = [...task.waitingFor, effectId];
  task.heldNotes = notes;
  task.asking = "amount";
  ctx.effects.push({ kind: "load", effectId, what: "credit_statements" });
}

export function isStatementsLoad(effectId: string): boolean {
  return effectId.endsWith(":statements");
}

/** Keeps the statements; a failed load leaves none, and the question offers what is owed now. */
export function onCardStatements(task: TransferTask, effectId: string, result: EffectResult): string[] {
  task.waitingFor = task.waitingFor.filter((id) => id !== effectId);
  const statements = result.ok ? parseView("creditStatements", result.data) : null;
  task.cardStatements = (statements ?? []).slice(0, MAX_STATEMENTS).map((s) => ({
    accountId: s.accountId,
    currency: s.statementBalance.currency,
    statementMinor: s.statementBalance.minor,
    minimumMinor: s.minimumPayment.minor,
    currentMinor: s.currentBalance.minor,
    dueDate: s.dueDate,
  }));
  const notes = task.heldNotes ?? [];
  delete task.heldNotes;
  return notes;
}

/** The newest statement's minimum for `card`, when there is one to pay and it is no more than is owed now. */
export function minimumDue(task: TransferTask, card: AccountOption): Money | undefined {
  const statement = task.cardStatements?.find((s) => s.accountId === card.id && s.currency === card.currency);
  if (!statement || statement.minimumMinor <= 0 || statement.minimumMinor > statement.currentMinor) return undefined;
  return { minor: statement.minimumMinor, currency: card.currency };
}

/** The newest statement's balance for `card`, never more than is owed now (paid down since, the rest). */
export function statementDue(task: TransferTask, card: AccountOption): Money | undefined {
  const statement = task.cardStatements?.find((s) => s.accountId === card.id && s.currency === card.currency);
  if (!statement || statement.statementMinor <= 0 || statement.currentMinor <= 0) return undefined;
  return { minor: Math.min(statement.statementMinor, statement.currentMinor), currency: card.currency };
}

/** What is owed on `card` now (the newest statement's current balance, else the account's), when anything is. */
export function currentDue(task: TransferTask, card: AccountOption): Money | undefined {
  const statement = task.cardStatements?.find((s) => s.accountId === card.id && s.currency === card.currency);
  const current = statement?.currentMinor ?? card.owedMinor;
  return current !== undefined && current > 0 ? { minor: current, currency: card.currency } : undefined;
}

// Session 24, by hand: under a card payment's "How much?", "the full balance" was answered as a
// balance question, "pay it off" got "Let's finish this one first." and "everything" a greeting.
const IN_FULL = /\b(?:(?:current|full|whole|entire|total|outstanding)\s+(?:balance|amount)|in\s+full|everything|all\s+of\s+it|the\s+(?:whole|full)\s+thing|pay\s+(?:it\s+|that\s+|the\s+(?:card|balance)\s+)?off)\b/i;
const MAX_IN_FULL_WORDS = 8;

/** A card payment's "How much?" answered with the whole amount owed now (never a statement figure or a number). */
export function paysCardInFull(task: TransferTask, e: Entities, text: string): boolean {
  if (task.asking !== "amount" || !paidCard(task) || e.amount !== undefined || e.query?.minimumPayment || e.query?.statementBalance) return false;
  if (text.trim().split(/\s+/).length > MAX_IN_FULL_WORDS) return false;
  return e.query?.amountAll === true || IN_FULL.test(text);
}

/** " Your statement balance is … ; your current balance is …." and the amounts as quick replies. */
export function cardAmountOffer(task: TransferTask, card: AccountOption): { text: string; actions: Action[] } {
  const statement = task.cardStatements?.find((s) => s.accountId === card.id && s.currency === card.currency);
  const money = (minor: number) => moneyText({ minor, currency: card.currency });
  const current = statement?.currentMinor ?? card.owedMinor;
  if (current === undefined) return { text: "", actions: [] };
  const actions: Action[] = [];
  const offered = new Set<number>();
  const offer = (label: string, minor: number) => {
    // Never more than is owed now: paid down since the statement, its balance would overpay.
    if (minor <= 0 || minor > current || offered.has(minor)) return;
    offered.add(minor);
    actions.push(quickReply(`${label} ${money(minor)}`, money(minor)));
  };
  if (statement && statement.statementMinor > 0) {
    offer("Statement balance", statement.statementMinor);
    offer("Current balance", current);
    offer("Minimum payment", statement.minimumMinor);
    return {
      text:
        ` Your statement balance is ${money(statement.statementMinor)} (minimum payment ${money(statement.minimumMinor)}, due ${dateText(statement.dueDate)});` +
        ` your current balance is ${money(current)}.`,
      actions,
    };
  }
  if (current <= 0) return { text: " You don't owe anything on it right now.", actions: [] };
  offer("Current balance", current);
  return { text: ` Your current balance is ${money(current)}.`, actions };
}

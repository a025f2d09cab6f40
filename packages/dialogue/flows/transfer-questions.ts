/**
 * A transfer's questions and its confirmation: after each answer the slots are checked (same account
 * both ways, currency, chat limit, funds, timing) and either the next question is asked, one at a
 * time (how much, to whom, from which account), or the server renders the confirmation whose "yes"
 * alone starts the transfer.
 */
import { CONFIRMATION_TTL_MS, MAX_CHAT_TRANSFER_MINOR } from "../config.js";
import type { StepContext } from "../context.js";
import { accountLabel, cleanName, confirmActions, moneyText, payeeLabel, quickReply, reply } from "../render.js";
import type { AccountOption, Action, TransferSlot, TransferTask } from "../types.js";
import { dateText, scheduleText, timingProblemText } from "../schedule-text.js";
import { personAsBillToTransfer } from "./transfer-payees.js";
import { coveringSources, soleSource } from "./transfer-accounts.js";
import { confirmationSummary } from "./transfer-summary.js";
import { cardAmountOffer, currentDue, isPayment, loadCardStatements, minimumDue, paidCard, statementDue } from "./card-payment.js";
import { isoDay } from "./wording.js";

/**
 * No source named, and only one account can send to the destination: it goes in the confirmation
 * rather than a question with one answer. Not after a turn with something to say back (a source
 * that could not be used is never silently swapped for another).
 */
export function proposeSource(task: TransferTask): void {
  if (task.from !== undefined || !task.to || !task.accounts || !describeDestination(task, task.to)) return;
  task.from = soleSource(task.accounts, task.to)?.id;
}

export function confirmationReply(task: TransferTask) {
  const confirmation = task.confirmation!;
  return reply(task.intent, confirmation.summary, { actions: confirmActions(confirmation.id), confirmation });
}

/** The destination as the customer's own account or saved payee: its label and view; null if neither is loaded. */
export function describeDestination(task: TransferTask, to: NonNullable<TransferTask["to"]>) {
  if ("accountId" in to) {
    const account = task.accounts?.find((a) => a.id === to.accountId);
    return account ? { label: accountLabel(account), view: { name: account.name, mask: account.mask } } : null;
  }
  const payee = task.payees?.find((p) => p.id === to.payeeId);
  if (!payee) return null;
  return { label: payeeLabel(payee), view: { name: payee.name, ...(payee.mask ? { mask: payee.mask } : {}) } };
}

/** After any answer: checks the slots, then asks the next question or renders the confirmation. */
export function advance(ctx: StepContext, task: TransferTask, notes: string[], nameSources = false): void {
  const accounts = task.accounts ?? [];
  notes.push(...personAsBillToTransfer(task));
  const from = accounts.find((a) => a.id === task.from);
  if (from && task.to && "accountId" in task.to && task.to.accountId === from.id) {
    notes.push("The money needs to go to a different account from the one it leaves.");
    task.to = undefined;
  }
  if (task.amountAll && paidCard(task)) {
    // "Everything" to a credit card pays off what it owes, not the whole of the source account.
    task.amountAll = false;
    task.payCurrent = true;
    task.amount = undefined;
  }
  if (task.amountAll && from) {
    task.amount = from.availableMinor !== undefined && from.availableMinor > 0 ? { minor: from.availableMinor, currency: from.currency } : undefined;
    if (!task.amount) {
      task.amountAll = false;
      notes.push(`${accountLabel(from)} has nothing available to send.`);
    }
  }
  if ((task.amountHalf || task.amountPercent) && from) {
    // Down to the cent, never more than the share: the confirmation shows the figure before anything moves.
    const percent = task.amountHalf ? 50 : task.amountPercent!;
    const share = from.availableMinor !== undefined && from.availableMinor > 0 ? Math.floor((from.availableMinor * percent) / 100) : 0;
    task.amount = share > 0 ? { minor: share, currency: from.currency } : undefined;
    if (share > 0 && !task.confirmation) {
      notes.push(`${task.amountHalf ? "Half" : `${percent}%`} of the ${moneyText({ minor: from.availableMinor!, currency: from.currency })} available in ${accountLabel(from)} is ${moneyText(task.amount!)}.`);
    }
    if (!task.amount) {
      task.amountHalf = false;
      task.amountPercent = undefined;
      notes.push(`${accountLabel(from)} has nothing available to send.`);
    }
  }
  if (task.amount && from && task.amount.currency !== from.currency) {
    notes.push(`${accountLabel(from)} holds ${from.currency}, so the amount needs to be in ${from.currency}.`);
    task.amount = undefined;
  } else if (task.amount && !from) {
    // "send 50 quid to Jordan" with only dollar accounts: said now, not after "Which account…?".
    const currencies = new Set(accounts.filter((a) => a.type !== "credit").map((a) => a.currency));
    const only = currencies.size === 1 ? [...currencies][0]! : undefined;
    if (only && only !== task.amount.currency) {
      notes.push(`Your accounts hold ${only}, so the amount needs to be in ${only}.`);
      task.amount = undefined;
    }
  }
  if (task.amount && task.amount.minor > MAX_CHAT_TRANSFER_MINOR[task.amount.currency]) {
    const limit = { minor: MAX_CHAT_TRANSFER_MINOR[task.amount.currency], currency: task.amount.currency };
    notes.push(
      isPayment(task)
        ? `I can pay up to ${moneyText(limit)} at a time by chat; for more, please use the app.`
        : `I can send up to ${moneyText(limit)} in one transfer by chat; for more, please use the app.`,
    );
    task.amount = undefined;
  }

  if (task.timingProblems) {
    // Stays until the customer names a timing that works (or "now"): no confirmation before that.
    // A bare "yes" here answers nothing: the same words again left the customer going round.
    const problem = nameSources ? "I still need the day before I can set this up." : timingProblemText(task.timingProblems);
    return ask(ctx, task, "when", [...notes, problem], "When should it go: now, or on a date (like “tomorrow” or “every Friday”)?", [
      quickReply("Now", "now"),
      quickReply("Tomorrow", "tomorrow"),
    ]);
  }
  // A bill payment, or money to the customer's own card, reads as a payment ("Pay … to …?").
  const bill = isPayment(task);
  // A bill payment settles which bill first, so the amount question can name it; and "Who?" asked
  // (a payee named but not found) stays the question until someone is named: one thing at a time.
  const noDestination = !(task.to && describeDestination(task, task.to));
  if (noDestination && (task.intent.name === "pay_bill" || task.asking === "to")) return askDestination(ctx, task, from, notes);
  if (!task.amount && !task.amountAll && !task.amountHalf && !task.amountPercent) return askAmount(ctx, task, notes);
  // To whom before from where: the natural order, and a destination only one account can reach
  // then puts that account in the confirmation rather than asking for it.
  if (noDestination) return askDestination(ctx, task, from, notes);
  if (!from) {
    // The destination already named is never offered as the source (tapping it would drop it).
    const toAccount = task.to && "accountId" in task.to ? task.to.accountId : undefined;
    // Nor the one just turned down ("not that account"), as long as another is left to offer.
    const sources = accounts.filter((a) => a.type !== "credit" && a.id !== toAccount);
    const options = (sources.some((a) => a.id !== task.notFrom) ? sources.filter((a) => a.id !== task.notFrom) : sources).slice(0, 4);
    if (options.length === 0) {
      ctx.state.task = null;
      ctx.replies.push(reply(task.intent, [...notes, "You don't have an account I can send money from."].join(" ")));
      return;
    }
    const actions = options.map((a) => quickReply(accountLabel(a), `from account ending ${a.mask}`));
    const question = bill ? "Which account should I pay it from" : "Which account should I send it from";
    // After a bare "yes" the accounts are said in words, not only on the buttons.
    return ask(ctx, task, "from", notes, nameSources ? `${question}: ${orList(options.map(accountLabel))}?` : `${question}?`, actions);
  }
  if (!task.to || !describeDestination(task, task.to)) return askDestination(ctx, task, from, notes);
  if (!task.amount) return askAmount(ctx, task, notes);
  // A scheduled transfer is checked against the balance on its day, not today's.
  if (!task.schedule && from.availableMinor !== undefined && task.amount.minor > from.availableMinor) {
    const available = moneyText({ minor: Math.max(0, from.availableMinor), currency: from.currency });
    notes.push(
      `${accountLabel(from)} has ${available} available, which isn't enough to ${bill ? "pay" : "send"} ${moneyText(task.amount)}.`,
    );
    // "or another account" only when one could send it (not to a customer whose one other account is the destination).
    const another = coveringSources(accounts, task.to, task.amount).some((a) => a.id !== from.id);
    return ask(ctx, task, "amount", notes, another ? "You can choose a smaller amount or another account." : "You can choose a smaller amount.", []);
  }

  const to = describeDestination(task, task.to)!;
  const card = "accountId" in task.to ? accounts.find((a) => a.id === (task.to as { accountId: string }).accountId) : undefined;
  if (card?.owedMinor !== undefined && task.amount.minor > card.owedMinor && task.amount.currency === card.currency) {
    // Said, not refused: paying a card ahead is allowed, but rarely what a customer means.
    notes.push(
      card.owedMinor === 0
        ? `You don't owe anything on ${accountLabel(card)} right now.`
        : `That's more than the ${moneyText({ minor: card.owedMinor, currency: card.currency })} you owe on ${accountLabel(card)}.`,
    );
  }
  const today = isoDay(ctx.now);
  const when = task.schedule ? ` ${scheduleText(task.schedule, today)}` : task.sameDay ? ` now, today ${dateText(today)}` : "";
  const summary = confirmationSummary({
    bill,
    everything: task.amountAll === true,
    amount: moneyText(task.amount),
    from: accountLabel(from),
    to: to.label,
    when,
    ...(task.sameDay ? { today: true } : {}),
  });
  task.asking = null;
  task.confirmation = { id: ctx.newId, summary, expiresAt: ctx.now + CONFIRMATION_TTL_MS };
  const lead = notes.length > 0 ? `${notes.join(" ")} ` : "";
  ctx.replies.push(
    reply(task.intent, `${lead}${summary}`, { actions: confirmActions(ctx.newId), confirmation: task.confirmation }),
  );
}

function askDestination(ctx: StepContext, task: TransferTask, from: AccountOption | undefined, notes: string[]): void {
  const bill = task.intent.name === "pay_bill";
  // A bill is a biller or a card: a checking account is no bill.
  const own = (task.accounts ?? []).filter((a) => a.id !== from?.id && (!bill || a.type === "credit")).slice(0, 3);
  const actions = [
    ...own.map((a) => quickReply(accountLabel(a), `to account ending ${a.mask}`)),
    // "Which bill?" offers billers, never the people the customer pays.
    ...(task.payees ?? [])
      .filter((p) => !bill || p.biller === true)
      .slice(0, 4)
      .map((p) => quickReply(cleanName(p.name), `to ${cleanName(p.name)}`)),
  ];
  // A customer without a credit card is not offered one ("or your credit card" to Maria, who has none).
  const hasCard = (task.accounts ?? []).some((a) => a.type === "credit");
  const hasBiller = (task.payees ?? []).some((p) => p.biller === true);
  const question = !bill
    ? "Who should I send it to? It can be one of your accounts or a saved payee."
    : hasCard && hasBiller
      ? "Which bill would you like to pay? It can be a saved biller or your credit card."
      : hasBiller
        ? "Which bill would you like to pay? It can be one of your saved billers."
        : hasCard
          ? "Which bill would you like to pay? You have no saved billers, so it can be your credit card."
          : "Which bill would you like to pay? You have no saved billers yet.";
  ask(ctx, task, "to", notes, question, actions);
}

/** "How much would you like to pay to “Metro Water”?": a bill payment names the bill it asks about. */
function amountQuestion(task: TransferTask): string {
  const to = isPayment(task) && task.to ? describeDestination(task, task.to) : null;
  return to ? `How much would you like to pay to ${to.label}?` : "How much would you like to send?";
}

/** A card payment's question offers the statement's amounts, once they are loaded. */
function askAmount(ctx: StepContext, task: TransferTask, notes: string[]): void {
  const card = paidCard(task);
  if (card && task.cardStatements === undefined) return loadCardStatements(ctx, task, notes);
  if (card && (task.payMinimum || task.payStatement || task.payCurrent)) {
    // "Pay the minimum" / "the statement balance" / "pay it off": the statement's or the card's
    // figure, asked for only when there is none to pay.
    const due = task.payMinimum ? minimumDue(task, card) : task.payStatement ? statementDue(task, card) : currentDue(task, card);
    task.payMinimum = task.payStatement = task.payCurrent = false;
    if (due) {
      task.amount = due;
      return advance(ctx, task, notes);
    }
  }
  // A card payment offers the statement's figures; otherwise the sums the customer's words could mean, if any.
  const offer = card
    ? cardAmountOffer(task, card)
    : { text: "", actions: (task.amountOptions ?? []).map((m) => quickReply(moneyText(m))) };
  ask(ctx, task, "amount", notes, `${amountQuestion(task)}${offer.text}`, offer.actions);
}

function ask(ctx: StepContext, task: TransferTask, slot: TransferSlot, notes: string[], question: string, actions: Action[]): void {
  task.asking = slot;
  ctx.replies.push(reply(task.intent, [...notes, question].join(" "), { actions }));
}

/**
 * A bare "yes" to a question that is no confirmation ("Which account should I pay it from?"): not a
 * misunderstanding. The question again with its choices in words; with one account that can send,
 * that account goes in the confirmation, which still needs its own yes.
 */
export function answerBareYes(ctx: StepContext, task: TransferTask): void {
  if (!task.accounts || !task.payees) return;
  if (task.asking === "from" && task.to && task.from === undefined) {
    const sole = soleSource(task.accounts, task.to);
    if (sole) task.from = sole.id;
  }
  advance(ctx, task, [], true);
}

/** "A, B or C". */
function orList(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

/** Repeats the open question (after a message the transfer could not use). */
export function repeatQuestion(ctx: StepContext, task: TransferTask, lead: string): void {
  if (task.confirmation) {
    const again = confirmationReply(task);
    ctx.replies.push({ ...again, text: `${lead} ${again.text} Please answer Yes or No.` });
    return;
  }
  if (!task.accounts || !task.payees) return; // still loading: the question comes with the data
  advance(ctx, task, [lead]);
}


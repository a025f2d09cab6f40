/**
 * Freeze / unfreeze a card. Freezing is protective, so with exactly one matching card it happens at
 * once; unfreezing re-enables spending, so it always needs a confirmation. Cards are chosen only
 * among those the DO loaded.
 */
import { CONFIRMATION_TTL_MS, MAX_CARD_OPTIONS } from "../config.js";
import { derivedId, type StepContext } from "../context.js";
import { cardLabel, confirmActions, listText, quickReply, reply } from "../render.js";
import { settle } from "../state.js";
import type { AccountRef, CardOption, CardTask, EffectResult, Entities, IntentTag } from "../types.js";
import { parseView } from "../views.js";
import { brandKey, explainLoadFailure, namedLast4, withBrand } from "./wording.js";
import { beginCardBatch, beginCardChange, busyExecuting } from "./execution.js";
import { namedCards } from "./card-batch.js";
import { markContinuation } from "../continuation.js";

/** `every`: "freeze all my cards" — every card the customer has, none picked (flows/card-batch.ts). */
export function startCardChange(ctx: StepContext, intent: IntentTag, target: CardTask["target"], e: Entities, every = false): void {
  const effectId = derivedId(ctx, "cards");
  const last4 = namedLast4(e);
  ctx.state.task = {
    kind: "card",
    intent,
    target,
    waitingFor: effectId,
    ...(last4 ? { last4 } : {}),
    ...(e.cardBrand && !last4 ? { brand: e.cardBrand } : {}),
    ...(e.cardKind && !last4 ? { cardKind: e.cardKind } : {}),
    choices: [],
    chosen: null,
    confirmation: null,
    ...(every && target === "frozen" ? { every: true } : {}),
  };
  ctx.effects.push({ kind: "load", effectId, what: "cards" });
}

/** The last four digits the customer named, if any ("freeze the card ending 4242"). */
export function onCardData(ctx: StepContext, task: CardTask, result: EffectResult): void {
  const shown = ctx.replies.length;
  onCards(ctx, task, result);
  // wallet19: a lost card's offer follows its written answer; the turn stays that answer's
  // (lost_or_stolen_card), as a set-aside task's "Back to …" leaves a side answer's intent.
  if (task.followsAnswer) markContinuation(ctx.replies.slice(shown));
}

function onCards(ctx: StepContext, task: CardTask, result: EffectResult): void {
  task.waitingFor = null;
  const cards = result.ok ? parseView("cards", result.data) : null;
  if (!cards) {
    ctx.state.task = null;
    ctx.replies.push(explainLoadFailure(task.intent, result));
    return;
  }
  const options: CardOption[] = cards.map((c) => ({
    id: c.id,
    last4: c.last4,
    status: c.status,
    ...(c.brand ? { brand: c.brand } : {}),
    ...(c.kind ? { kind: c.kind } : {}),
  }));
  const named = task.last4 ? options.filter((c) => c.last4 === task.last4) : ofKind(withBrand(options, task.brand), task.cardKind);
  const candidates = named.filter((c) => c.status !== task.target);
  if (named.length === 0) {
    ctx.state.task = null;
    const text = task.last4 ? `I couldn't find a card ending ${task.last4} on your profile.` : "I couldn't find any cards on your profile.";
    ctx.replies.push(reply(task.intent, text));
    return;
  }
  if (candidates.length === 0) {
    ctx.state.task = null;
    const state = task.target === "frozen" ? "frozen" : "active";
    const which = named.length === 1 ? `${cardLabel(named[0]!)} is` : "Your cards are";
    ctx.replies.push(reply(task.intent, `${which} already ${state}.`));
    return;
  }
  task.choices = candidates.slice(0, MAX_CARD_OPTIONS);
  if (task.target === "frozen") task.already = named.filter((c) => c.status === "frozen");
  if (task.every) return chooseEvery(ctx, task);
  if (task.choices.length === 1) return choose(ctx, task, task.choices[0]!);
  const verb = task.target === "frozen" ? "freeze" : "unfreeze";
  ctx.replies.push(
    reply(task.intent, `Which card would you like to ${verb}? ${listText(task.choices.map(cardLabel))}.`, { actions: choiceActions(task) }),
  );
}

/** A button per card; a freeze may take them all ("All of them": a lost wallet). */
function choiceActions(task: CardTask) {
  const each = task.choices.map((c) => quickReply(cardLabel(c), `the card ending ${c.last4}`));
  return task.target === "frozen" && task.choices.length > 1 ? [...each, quickReply("All of them", "all of them")] : each;
}

/** "all of them" while the customer is choosing or confirming a card to freeze. Returns false if it is no freeze. */
export function chooseEveryCard(ctx: StepContext, task: CardTask): boolean {
  if (task.target !== "frozen" || task.choices.length === 0) return false;
  if (task.confirmation) {
    settle(ctx.state, task.confirmation.id, "replaced", ctx.now);
    task.confirmation = null;
  }
  task.every = true;
  chooseEvery(ctx, task);
  return true;
}

function chooseEvery(ctx: StepContext, task: CardTask): void {
  task.batch = task.choices;
  task.chosen = task.choices[0]!;
  if (!task.confirmFreeze) return freezeAtOnce(ctx, task);
  const many = task.batch.length > 1;
  const already = task.already?.length ? `${namedCards(task.already)} ${task.already.length > 1 ? "are" : "is"} already frozen. ` : "";
  const summary = `${already}Shall I freeze ${namedCards(task.batch)} now? Payments and withdrawals with ${many ? "them" : "it"} will be declined until you unfreeze ${many ? "them" : "it"}.`;
  task.confirmation = { id: ctx.newId, summary, expiresAt: ctx.now + CONFIRMATION_TTL_MS };
  ctx.replies.push(reply(task.intent, summary, { actions: confirmActions(ctx.newId), confirmation: task.confirmation }));
}

/** A message naming a card while the customer is choosing or confirming. Returns false if it names none. */
export function updateCardChoice(ctx: StepContext, task: CardTask, e: Entities): boolean {
  const last4 = namedLast4(e);
  const branded = !last4 && e.cardBrand ? task.choices.filter((c) => brandKey(c.brand) === e.cardBrand) : [];
  const card = last4 ? task.choices.find((c) => c.last4 === last4) : branded.length === 1 ? branded[0] : undefined;
  if (!card) return false;
  if (task.confirmation) {
    settle(ctx.state, task.confirmation.id, "replaced", ctx.now);
    task.confirmation = null;
  }
  choose(ctx, task, card);
  return true;
}

function choose(ctx: StepContext, task: CardTask, card: CardOption): void {
  task.chosen = card;
  if (task.target === "frozen" && !task.confirmFreeze) return freezeAtOnce(ctx, task);
  const summary =
    task.target === "frozen"
      ? `Shall I freeze ${cardLabel(card)} now? Payments and withdrawals with it will be declined until you unfreeze it.`
      : `Unfreeze ${cardLabel(card)}? It can be used for payments and withdrawals again straight away.`;
  task.confirmation = { id: ctx.newId, summary, expiresAt: ctx.now + CONFIRMATION_TTL_MS };
  ctx.replies.push(
    reply(task.intent, summary, { actions: confirmActions(ctx.newId), confirmation: task.confirmation }),
  );
}

export function cardConfirmationReply(task: CardTask) {
  const confirmation = task.confirmation!;
  return reply(task.intent, confirmation.summary, { actions: confirmActions(confirmation.id), confirmation });
}

/** A freeze asked for outright needs no Yes: started now, unless an earlier change has no result yet. */
function freezeAtOnce(ctx: StepContext, task: CardTask): void {
  if (busyExecuting(ctx, task.intent)) {
    ctx.state.task = null;
    return;
  }
  executeCardChange(ctx, task, ctx.newId);
}

/** Starts the status change; `actionId` is the confirmation id, or a fresh id for an immediate freeze. */
export function executeCardChange(ctx: StepContext, task: CardTask, actionId: string): void {
  const card = task.chosen;
  if (!card) return;
  ctx.state.task = null;
  if (task.every && task.batch) return beginCardBatch(ctx, actionId, task.intent, task.batch, task.already ?? []);
  beginCardChange(
    ctx,
    actionId,
    task.intent,
    { kind: "set_card_status", cardId: card.id, status: task.target },
    { kind: "card", card },
  );
}

/** Repeats the open question (after a message the card flow could not use). */
export function repeatCardQuestion(ctx: StepContext, task: CardTask, lead: string): void {
  if (task.confirmation) {
    const again = cardConfirmationReply(task);
    ctx.replies.push({ ...again, text: `${lead} ${again.text} Please answer Yes or No.` });
    return;
  }
  if (task.waitingFor) return;
  ctx.replies.push(reply(task.intent, `${lead} Which card do you mean? ${listText(task.choices.map(cardLabel))}.`, { actions: choiceActions(task) }));
}

/** The cards of the kind named ("my debit card"); all of them when none is named or none is of it. */
function ofKind(options: CardOption[], kind: CardTask["cardKind"]): CardOption[] {
  const ofIt = kind ? options.filter((c) => c.kind === kind) : [];
  return ofIt.length > 0 ? ofIt : options;
}

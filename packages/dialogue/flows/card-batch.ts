/**
 * Every card at once ("my wallet got stolen, block them all"): one execution carries the batch and
 * changes the cards one after another, each under its own idempotency key, so a retry or a resume
 * after a restart never writes a card twice; the receipt names the cards frozen, those that already
 * were, and any that could not be. Pure: flows/execution.ts emits the effects.
 */
import { cardLabel, listText, quickReply, reply } from "../render.js";
import type { CardBatch, CardOption, CardView, EffectResult, Execution, IntentTag, Reply, SetCardStatusEffect } from "../types.js";
import { parseView } from "../views.js";

export function cardBatchKey(actionId: string, cardId: string): string {
  return `card:${actionId}:${cardId}`;
}

/** Under the execution's own prefix (`${id}:exec:`), so its results are recognised as the rest are. */
export function batchEffectId(executionId: string, cardId: string, attempt: number): string {
  return `${executionId}:exec:${cardId}:${attempt}`;
}

/** The execution of a freeze (or an unfreeze) of `cards` (at least one), started on the first. */
export function batchExecution(
  actionId: string,
  intent: IntentTag,
  cards: CardOption[],
  already: CardOption[],
  now: number,
  status: SetCardStatusEffect["status"] = "frozen",
): Execution {
  const [first, ...rest] = cards;
  return {
    id: actionId,
    intent,
    effect: {
      kind: "set_card_status",
      effectId: batchEffectId(actionId, first!.id, 1),
      cardId: first!.id,
      status,
      idempotencyKey: cardBatchKey(actionId, first!.id),
    },
    attempts: 1,
    startedAt: now,
    receipt: { kind: "card", card: first! },
    batch: { rest, done: [], failed: [], already, views: [] },
  };
}

/**
 * The current card's result (never "unavailable": that one is retried under the same key). Moves
 * the execution on to the next card and returns true, or returns false when the batch is over.
 * A card cancelled past the deadline ends the batch: the cards after it are left as they are.
 */
export function advanceBatch(execution: Execution, result: EffectResult, now: number): boolean {
  const batch = execution.batch;
  if (!batch || execution.receipt.kind !== "card" || execution.effect.kind !== "set_card_status") return false;
  const card = execution.receipt.card;
  if (result.ok) {
    batch.done.push(card);
    const view = parseView("card", result.data);
    if (view) batch.views.push(view);
  } else {
    batch.failed.push(card);
    if (result.error.code === "cancelled") batch.failed.push(...batch.rest.splice(0));
  }
  const next = batch.rest.shift();
  if (!next) return false;
  const { lookupOnly: _late, ...effect } = execution.effect;
  execution.effect = { ...effect, effectId: batchEffectId(execution.id, next.id, 1), cardId: next.id, idempotencyKey: cardBatchKey(execution.id, next.id) };
  execution.receipt = { kind: "card", card: next };
  execution.attempts = 1;
  execution.startedAt = now;
  return true;
}

/** "Visa ••4242 and Mastercard ••5151", in the same order every time (the cards load in any order). */
export function namedCards(cards: CardOption[]): string {
  return listText([...cards].sort((a, b) => a.last4.localeCompare(b.last4)).map(cardLabel));
}

/** The receipt once every card of the batch has a result. */
export function batchDone(execution: Execution): Reply {
  const batch = execution.batch!;
  const parts: string[] = [];
  const many = batch.done.length > 1;
  if (execution.effect.kind === "set_card_status" && execution.effect.status === "active") return unfrozenDone(execution, batch);
  if (batch.done.length > 0) {
    parts.push(
      `Done — ${namedCards(batch.done)} ${many ? "are" : "is"} frozen. Payments and withdrawals with ${many ? "them" : "it"} will be declined until you unfreeze ${many ? "them" : "it"}.`,
    );
  }
  if (batch.already.length > 0) parts.push(`${namedCards(batch.already)} ${batch.already.length > 1 ? "were" : "was"} already frozen.`);
  if (batch.failed.length > 0) {
    parts.push(`I couldn't freeze ${namedCards(batch.failed)} just now — please try again in a moment, or talk to a person.`);
  }
  return reply(execution.intent, parts.join(" "), {
    actions: [quickReply("Unfreeze my card"), quickReply("Talk to a person")],
    ...(batch.views.length > 0 ? { data: { kind: "cards" as const, cards: batch.views } } : {}),
  });
}

/** explore23: every frozen card unfrozen under one Yes ("unfreeze all my cards"). */
function unfrozenDone(execution: Execution, batch: CardBatch): Reply {
  const parts: string[] = [];
  const many = batch.done.length > 1;
  if (batch.done.length > 0) parts.push(`Done — ${namedCards(batch.done)} ${many ? "are" : "is"} unfrozen and can be used again.`);
  if (batch.already.length > 0) parts.push(`${namedCards(batch.already)} ${batch.already.length > 1 ? "were" : "was"} already active.`);
  if (batch.failed.length > 0) parts.push(`I couldn't unfreeze ${namedCards(batch.failed)} just now — please try again in a moment, or talk to a person.`);
  return reply(execution.intent, parts.join(" "), batch.views.length > 0 ? { data: { kind: "cards" as const, cards: batch.views } } : {});
}

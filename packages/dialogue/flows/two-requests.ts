/**
 * "what's my balance and send 10 to Jordan Lee": two requests in one message. The model reads one
 * intent (the transfer) and the balance question was dropped. The balance is answered first, with
 * the transfer set aside; then the transfer is set up as if asked next, and still needs its own
 * confirmation before any money moves.
 */
import { derivedId, type StepContext } from "../context.js";
import { reply } from "../render.js";
import { startCardChange } from "./cards.js";
import type { Entities, IntentTag, TransferTask } from "../types.js";
import { startLookup } from "./lookup.js";
import { startTransfer } from "./transfer.js";
import { namesPayee } from "./transfer-answers.js";

// A question about the balance, not a balance as the amount ("send my whole balance").
const BALANCE_QUESTION =
  /\b(?:what(?:'|’)?s|what\s+is|what\s+are|check|show(?:\s+me)?|tell\s+me|see|give\s+me|get)\s+(?:my|the|our)\s+(?:[a-z]+\s+){0,2}?balances?\b|\bbalances?\s*\?/i;

/** Does a transfer request also ask for the balance? */
export function asksBalanceToo(text: string): boolean {
  return BALANCE_QUESTION.test(text);
}

/** Starts the balance answer with the transfer set aside, its data not loaded yet. True if the message asked both. */
export function balanceThenTransfer(ctx: StepContext, intent: IntentTag, e: Entities, text: string): boolean {
  // Only from a standing start: a task already set aside (a question asked during a bill payment) keeps its place.
  if (!asksBalanceToo(text) || ctx.state.paused) return false;
  startTransfer(ctx, intent, e);
  const transfer = ctx.state.task as TransferTask;
  // Its loads wait until the balance is answered: a result arriving for a set-aside task is dropped.
  const deferred = new Set(transfer.waitingFor);
  ctx.effects = ctx.effects.filter((effect) => !("effectId" in effect && deferred.has(effect.effectId)));
  transfer.waitingFor = [];
  ctx.state.paused = transfer;
  startLookup(ctx, { name: "balance", confidence: intent.confidence }, "balance", { accountRefs: [] });
  return true;
}

// A transfer asked after the balance question, as an instruction: "… and send 10 to Jordan",
// "…, then move 200 to checking" (not "what's my balance after I pay rent").
const TRANSFER_TOO = /(?:^|\band\s+|\bthen\s+|,\s*|\balso\s+|\bplease\s+)(?:send|move|transfer|pay|wire)\b/i;

/** A balance question that also instructs a transfer: its saved payees are needed to read the recipient. */
export function asksTransferToo(intent: string, text: string): boolean {
  return intent === "balance" && TRANSFER_TOO.test(text);
}

/**
 * "what's my balance and send 10 to Jordan Lee" read as the balance (the first of two requests,
 * nlu8): the transfer is set aside and set up after the answer, as when it is read as the transfer.
 * It was dropped. True if the message asked both.
 */
export function transferAfterBalance(ctx: StepContext, intent: IntentTag, e: Entities, text: string): boolean {
  if (!asksTransferToo(intent.name, text) || !e.amount || "invalid" in e.amount) return false;
  if (e.toRef === undefined && !namesPayee(e)) return false;
  return balanceThenTransfer(ctx, { name: "transfer", confidence: intent.confidence }, e, text);
}

// "… and freeze my card", "lock the visa too": a freeze asked beside a payment.
const FREEZE_TOO = /\b(?:freeze|lock|block)\s+(?:my|the|our)\s+(?:[a-z]+\s+)?(?:cards?|visa|mastercard|amex)\b/i;

/**
 * "send Jordan 40 and freeze my card": the freeze is done first (it protects the customer and needs
 * no confirmation), and the payment is left to be asked again, never set up beside a card that
 * may be in someone else's hands. It was set up, and the freeze dropped. True if the message asked both.
 */
export function freezeBeforePayment(ctx: StepContext, intent: IntentTag, e: Entities, text: string): boolean {
  if (!FREEZE_TOO.test(text)) return false;
  const what = intent.name === "pay_bill" ? "payment" : "transfer";
  ctx.replies.push(reply(intent, `Your card comes first, so I haven't set up the ${what}: ask me for it again once you're ready.`));
  const cardRefs = e.accountRefs.filter((ref) => typeof ref !== "string");
  startCardChange(ctx, { name: "freeze_card", confidence: intent.confidence }, "frozen", {
    accountRefs: cardRefs,
    ...(e.cardBrand ? { cardBrand: e.cardBrand } : {}),
  });
  return true;
}

/**
 * A transfer set aside before its accounts and payees were loaded: loads them now, and its first
 * question comes with them. False if it has its data (its question can be asked at once).
 */
export function loadSetAsideTransfer(ctx: StepContext, task: TransferTask): boolean {
  if (task.accounts && task.payees) return false;
  if (task.waitingFor.length > 0) return true;
  const accountsId = derivedId(ctx, "accounts");
  const payeesId = derivedId(ctx, "payees");
  task.waitingFor = [accountsId, payeesId];
  ctx.effects.push({ kind: "load", effectId: accountsId, what: "accounts" }, { kind: "load", effectId: payeesId, what: "payees" });
  return true;
}

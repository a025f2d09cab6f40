/**
 * Paying a bill is a transfer to a saved biller (a payee) or to the customer's own credit card,
 * set up by the transfer flow: the same questions, the same server-rendered confirmation and the
 * same exactly-once execution. Only the reading of the request differs: "pay my credit card bill"
 * names the card as where the money goes, never where it comes from.
 */
import type { StepContext } from "../context.js";
import { quickReply, reply } from "../render.js";
import type { AccountRef, Entities, IntentTag, TransferTask } from "../types.js";
import { billerWordsIn } from "./payee-kinds.js";
import { startTransfer } from "./transfer.js";

export function startPayBill(ctx: StepContext, intent: IntentTag, e: Entities, text: string): void {
  const entities = withCardPaid(billEntities(e), text);
  const billerWords = entities.payeeName === undefined && entities.toRef === undefined ? billerWordsIn(text) : [];
  startTransfer(ctx, intent, billerWords.length > 0 ? { ...entities, billerWords } : entities);
}

/**
 * "pay off my visa debit card": a debit card owes nothing, so there is no bill to pay (it asked
 * "How much would you like to send?"). Said, with no card payment offered; true when answered.
 */
export function answerDebitCardBill(ctx: StepContext, intent: IntentTag, e: Entities, text: string): boolean {
  if (!asksToPayDebitCard(text)) return false;
  const brand = e.cardBrand ? BRAND_LABELS[e.cardBrand] : undefined;
  ctx.replies.push(
    reply(intent, `${brand ? `That ${brand} card` : "That card"} is a debit card, so there's no bill to pay: what you spend with it comes straight out of your account.`, {
      actions: [quickReply("Check my balance")],
    }),
  );
  return true;
}

/** The words ask to pay off a debit card ("pay off my visa debit card", "pay my debit card bill"). */
export function asksToPayDebitCard(text: string): boolean {
  return DEBIT_CARD_PAID.test(text);
}

const DEBIT_CARD_PAID =
  /\b(?:pay(?:\s+(?:off|down))?|clear|settle)\s+(?:(?:the\s+)?(?:balance|bill|amount)\s+(?:on|of|for)\s+)?(?:my|the)\s+(?:[a-z]+\s+)?debit\s+card\b/i;
const BRAND_LABELS: Record<string, string> = { visa: "Visa", mastercard: "Mastercard", americanexpress: "American Express", discover: "Discover" };

/**
 * "electric" or "the water bill" in answer to "Which bill would you like to pay?": the kind of bill
 * is the hint, as in "pay my electric bill" (it got "I couldn't find a saved payee called “electric”").
 */
export function withBillKind(task: TransferTask, e: Entities, text: string): Entities {
  if (task.intent.name !== "pay_bill" || task.asking !== "to" || e.payeeName !== undefined || e.toRef !== undefined) return e;
  const billerWords = billerWordsIn(text);
  if (billerWords.length === 0) return e;
  const { unknownPayee: _named, ...rest } = e;
  return { ...rest, billerWords };
}

/**
 * "checking" in answer to "Which bill would you like to pay?": the customer's own checking or
 * savings account is no bill, so it is where the money comes from (defects18: it read "Pay $50.00 to
 * Everyday Checking from Savings?" and moved money between her own accounts as a bill payment).
 */
export function withBillSource(task: TransferTask, e: Entities): Entities {
  if (task.intent.name !== "pay_bill" || task.asking !== "to" || e.toRef !== undefined || e.fromRef !== undefined) return e;
  if (e.payeeName !== undefined || e.unknownPayee !== undefined || e.payeeChoices !== undefined) return e;
  const own = e.accountRefs.filter((ref) => ref !== "credit");
  if (own.length !== 1 || e.accountRefs.length !== 1) return e;
  return { ...e, fromRef: own[0]! };
}

/** The transfer intents: a bill payment continues or corrects a transfer being set up, and back. */
export function isTransferIntent(name: string): boolean {
  return name === "transfer" || name === "pay_bill";
}

/** A credit account named without a role is the bill being paid. */
export function billEntities(e: Entities): Entities {
  if (e.toRef !== undefined || e.payeeName !== undefined) return e;
  const isCredit = (ref: AccountRef) => ref === "credit";
  const card = e.accountRefs.find(isCredit) ?? (e.fromRef && isCredit(e.fromRef) ? e.fromRef : undefined);
  if (!card) return e;
  const { fromRef, ...rest } = e;
  return {
    ...rest,
    ...(fromRef && !isCredit(fromRef) ? { fromRef } : {}),
    toRef: card,
    accountRefs: e.accountRefs.filter((ref) => !isCredit(ref)),
  };
}

/**
 * "pay off my card", "pay $50 toward my visa": a card a bill payment names is the credit card being
 * paid (the NLU names no account for a bare "card"). Not a card paid with ("… with my card"), a
 * debit card (no bill), nor a bill of another kind ("my electric bill").
 */
function withCardPaid(e: Entities, text: string): Entities {
  if (e.toRef !== undefined || e.payeeName !== undefined || e.unknownPayee !== undefined || billerWordsIn(text).length > 0) return e;
  // explore27: "pay the minimum from checking" asked "Which bill?": only a credit card has a minimum.
  const cardsFigure = e.query?.minimumPayment === true || e.query?.statementBalance === true;
  if (!(NAMES_CARD.test(text) || cardsFigure) || /\bdebit\b/i.test(text) || PAID_WITH_CARD.test(text)) return e;
  return { ...e, toRef: "credit" };
}

// sweep19: only a credit card has a statement ("pay off my full statement balance").
const NAMES_CARD = /\b(?:card|visa|master\s?card|amex|statement)\b/i;
const PAID_WITH_CARD = /\b(?:with|using|by)\s+(?:my|the|a)\s+(?:[a-z]+\s+)?(?:card|visa|master\s?card|amex)\b/i;

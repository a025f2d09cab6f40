/**
 * Session 32, found by hand: "pay my rent", then "how much is it" at "How much would you like to pay
 * to “Harbor View Apartments”?" listed every balance. It asks what the bill comes to: the last payment
 * to that payee is read (flows/insight-lookup.ts answers it), and the amount is asked again after.
 * Paying a credit card, the question itself says what it owes: it is asked again.
 */
import type { StepContext } from "../context.js";
import { cleanName } from "../render.js";
import type { TransferTask } from "../types.js";
import { begin } from "./insight-begin.js";
import { LOOKUP_DAYS } from "./insight-lookup.js";
import { isoDay } from "./wording.js";

const DAY_MS = 86_400_000;
const LEAD = String.raw`(?:(?:um+|uh+|hm+|ok(?:ay)?|so|wait|and|sorry)[,!.\s]+)*`;
const THEM = String.raw`(?:\s+(?:them|him|her|it))?`;
const USUALLY = String.raw`(?:\s+(?:usually|normally|again|each\s+month|every\s+month|a\s+month|last\s+(?:time|month)))?`;
const WHAT_IT_COMES_TO = new RegExp(
  String.raw`^${LEAD}(?:how\s+much\s+(?:is|was)\s+(?:it|that|the\s+(?:bill|rent|payment)|my\s+(?:bill|rent))` +
    String.raw`|how\s+much\s+do\s+i\s+(?:usually\s+|normally\s+)?(?:owe|pay)${THEM}` +
    String.raw`|what\s+(?:do|did)\s+i\s+(?:usually\s+|normally\s+)?pay${THEM}` +
    String.raw`|what(?:'s|s|\s+is|\s+was)\s+(?:the\s+)?(?:amount|bill)|how\s+much\s+did\s+i\s+pay${THEM})${USUALLY}\s*[?.!]*$`,
  "i",
);

/** The payee whose bill "how much is it" asks about, while a payment to them waits for its amount. */
export function billAskedAbout(task: TransferTask, text: string): { name: string } | undefined {
  const to = task.to;
  if (task.asking !== "amount" || !to || !("payeeId" in to) || !WHAT_IT_COMES_TO.test(text.trim())) return undefined;
  const payee = task.payees?.find((p) => p.id === to.payeeId);
  return payee ? { name: payee.name } : undefined;
}

/** "how much is it" while a payment to the customer's own credit card waits for its amount. */
export function cardAskedAbout(task: TransferTask, text: string): boolean {
  const to = task.to;
  if (task.asking !== "amount" || !to || !("accountId" in to) || !WHAT_IT_COMES_TO.test(text.trim())) return false;
  return task.accounts?.some((a) => a.id === to.accountId && a.type === "credit") ?? false;
}

/** Starts the lookup of the last payment to that payee (the task is set aside by the caller). */
export function startLastPaymentTo(ctx: StepContext, payee: { name: string }): void {
  ctx.state.consecutiveFallbacks = 0;
  const query = { merchant: cleanName(payee.name, 40), from: isoDay(ctx.now - (LOOKUP_DAYS - 1) * DAY_MS), to: isoDay(ctx.now), limit: 20 };
  begin(ctx, { name: "transactions", confidence: 1 }, { kind: "lookup", lookup: "last", target: payee.name }, [{ what: "transactions", query }]);
}

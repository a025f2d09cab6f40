/**
 * explore28: "how much was my last water bill", then "pay it": "it" is that bill, so the biller whose
 * name says the kind is the one paid ("Which bill would you like to pay?" asked again, as if nothing
 * had been said). Only while the bill's answer is the latest read and recent (READ_FOLLOW_UP_MS); a
 * payee or account named goes its own way, and nothing moves before the confirmation's Yes.
 */
import { READ_FOLLOW_UP_MS } from "../config.js";
import type { StepContext } from "../context.js";
import type { Entities, IntentTag } from "../types.js";
import { billerWordsIn } from "./payee-kinds.js";
import { billEntities } from "./pay-bill.js";
import { paysIt } from "./pay-it-off.js";
import { startTransfer } from "./transfer.js";

/** Records a bill asked about by kind ("water", "electric"): what "pay it" pays next. */
export function rememberBill(ctx: StepContext, target: string): void {
  ctx.state.lastBill = billerWordsIn(target).length > 0 ? { target, at: ctx.now } : null;
}

/** Starts a payment of the bill just read for "pay it"; false when the message is none. */
export function payBillJustRead(ctx: StepContext, intent: IntentTag, e: Entities, text: string): boolean {
  const bill = ctx.state.lastBill;
  if (!bill || ctx.now - bill.at > READ_FOLLOW_UP_MS) return false;
  if (intent.name !== "transfer" && intent.name !== "pay_bill") return false;
  if (e.toRef !== undefined || e.payeeName || e.unknownPayee || e.then || !paysIt(text)) return false;
  // An answer read since (a balance, a card fact) makes "it" that answer's.
  if ((ctx.state.lastRead?.at ?? -Infinity) > bill.at || (ctx.state.lastFact?.at ?? -Infinity) > bill.at) return false;
  const billerWords = billerWordsIn(bill.target);
  startTransfer(ctx, { ...intent, name: "pay_bill" }, { ...billEntities(e), billerWords });
  return true;
}

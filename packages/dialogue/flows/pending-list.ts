/**
 * Session 30, found by hand: "is there any pending transactions" got "Sorry, I can't help with that."
 * (out of scope), or, in the middle of a transfer, "Sorry, I can't answer that one here."; read as the
 * FAQ on a pending card payment it got how one clears. Asked for as a list, the pending transactions
 * are the answer; "why is my card payment still pending" keeps the written answer.
 */
import type { StepContext } from "../context.js";
import type { Entities, IntentTag } from "../types.js";
import { startLookup } from "./lookup.js";

const PENDING_LIST =
  /^(?:(?:so|and|hey|hi|ok(?:ay)?|um+)[,\s]+)?(?:(?:is|are)\s+there|do\s+i\s+have|any|(?:can\s+(?:you|u|i)\s+)?(?:show|list|see|view|check)(?:\s+me)?|what\s+(?:are|is))\s+(?:any\s+|my\s+|all\s+(?:of\s+)?(?:my\s+)?|the\s+)?pending\s+(?:transactions?|payments?|purchases?|charges?|card\s+payments?|debits?)(?:\s+(?:on|in)\s+(?:my\s+)?(?:account|accounts|card|checking|savings))?(?:\s+(?:right\s+now|now|today|please))?\s*[?.!]*$/i;
/** FAQ answers about one payment pending, which a request for the list of them is not. */
const PENDING_FAQS = new Set(["pending_card_payment", "pending_transfer", "pending_cash_withdrawal", "pending_top_up"]);

/** Starts the list of pending transactions when asked for as one; false (nothing done) otherwise. */
export function startPendingList(ctx: StepContext, intent: IntentTag, unclear: boolean, e: Entities, text: string): boolean {
  if (!(unclear || PENDING_FAQS.has(intent.name)) || !PENDING_LIST.test(text.trim())) return false;
  ctx.state.consecutiveFallbacks = 0;
  startLookup(ctx, { name: "transactions", confidence: 1 }, "transactions", { ...e, query: { ...e.query, pending: true } }, text);
  return true;
}


/**
 * explore28: "any fees this month", "have i been charged any fees" got "Sorry, I can't help with
 * that." (spending 0.42) or the answer on a card payment's fee: the fees booked on the customer's
 * accounts over the period (this month so far when none is named), from the transactions. The bank
 * files a fee under the category "Fees"; the transactions query matches that text ("fee" alone would
 * match "Coffee"). A question about the plan's fees ("what are the fees") stays account_fees.
 */
import { FEES_CATEGORY } from "../config.js";
import type { StepContext } from "../context.js";
import type { Entities, IntentTag } from "../types.js";
import { startLookup } from "./lookup.js";
import { isoDay } from "./wording.js";

const CHARGED =
  /^(?:(?:so|and|hey|hi|ok(?:ay)?)[\s,]+)?(?:(?:have|did|was|were|am)\s+i\s+(?:been\s+|get\s+|got\s+)?(?:charged|pay|paid|hit\s+with)\s+|were\s+there\s+|(?:show|list|give)\s+(?:me\s+)?|)(?:any\s+|my\s+|all\s+(?:my|the)\s+|the\s+)?(?:bank\s+|account\s+)?fees?(?:\s+(?:charged|taken|on\s+my\s+accounts?))?(?:\s+(?:this|last)\s+(?:week|month|year)|\s+(?:recently|lately|so\s+far))?\s*[?.!]*$/i;

const WHICH =
  /^(?:what|which)\s+fees\s+(?:have|did|was|were)\s+i\s+(?:been\s+)?(?:charged|pay|paid)(?:\s+(?:this|last)\s+(?:week|month|year)|\s+(?:recently|lately|so\s+far))?\s*[?.!]*$/i;

// Session 30, found by hand: "how much did i pay in fees this year" got "I couldn't find any spending at
// “fees”" (fees read as a merchant's name): the total of the fees booked, as a spending figure.
const HOW_MUCH =
  /^(?:(?:so|and|hey|hi|ok(?:ay)?)[\s,]+)?how\s+much\s+(?:(?:have|did)\s+i\s+(?:been\s+)?(?:pay|paid|spend|spent|been\s+charged|get\s+charged|lose|lost)\s+(?:in|on|for)\s+|(?:in\s+)?)(?:bank\s+|account\s+)?fees(?:\s+(?:have|did)\s+i\s+(?:pay|paid|been\s+charged))?(?:\s+(?:this|last)\s+(?:week|month|year)|\s+(?:in\s+total|so\s+far|recently|lately))?\s*[?.!]*$/i;

export function asksFeesCharged(text: string): boolean {
  const t = text.trim();
  return WHICH.test(t) || HOW_MUCH.test(t) || (CHARGED.test(t) && !/^fees?\s*[?.!]*$/i.test(t));
}

export function startFeesCharged(ctx: StepContext, intent: IntentTag, e: Entities, text = ""): void {
  ctx.state.consecutiveFallbacks = 0;
  const today = isoDay(ctx.now);
  if (HOW_MUCH.test(text.trim())) {
    startLookup(ctx, { ...intent, name: "spending" }, "spending", {
      accountRefs: e.accountRefs.length === 1 ? e.accountRefs : [],
      category: FEES_CATEGORY,
      dateRange: e.dateRange ?? { from: `${today.slice(0, 8)}01`, to: today },
    });
    return;
  }
  startLookup(ctx, { ...intent, name: "transactions" }, "transactions", {
    accountRefs: e.accountRefs.length === 1 ? e.accountRefs : [],
    category: FEES_CATEGORY,
    dateRange: e.dateRange ?? { from: `${today.slice(0, 8)}01`, to: today },
  });
}

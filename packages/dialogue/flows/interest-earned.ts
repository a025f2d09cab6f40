/**
 * "how much interest did i earn this year": the interest paid into the customer's accounts over a
 * period, which the bank core books as money in at the merchant "Interest" (scripts/db/demo-data.ts),
 * not the rates the model's interest_rate reads (it listed the APYs). This year so far when no period
 * is named. explore28: interest charged ("how much interest did i pay last month", which listed the
 * rates) is the same merchant's money out, over the period named.
 */
import { INTEREST_MERCHANT } from "../config.js";
import type { StepContext } from "../context.js";
import type { Entities, IntentTag } from "../types.js";
import { startLookup } from "./lookup.js";
import { isoDay } from "./wording.js";

const EARNED =
  /\b(?:how\s+much|what)\s+(?:in\s+)?interest\s+(?:did|have|has)\s+(?:i|we|my\s+(?:savings|checking|account|money)(?:\s+account)?)\s+(?:earn(?:ed)?|made?|g[eo]t(?:ten)?|receive[d]?|accrue[d]?|collect(?:ed)?)\b|\binterest\s+(?:i(?:'ve|\s+have)?\s+|we\s+)?(?:earned|received|accrued|made)\b|\b(?:earned|received|accrued)\s+(?:in\s+)?interest\b/i;

export function asksInterestEarned(text: string): boolean {
  return EARNED.test(text);
}

export function startInterestEarned(ctx: StepContext, intent: IntentTag, e: Entities): void {
  const today = isoDay(ctx.now);
  startLookup(ctx, intent, "transactions", {
    accountRefs: e.accountRefs.length === 1 ? e.accountRefs : [],
    merchant: INTEREST_MERCHANT,
    dateRange: e.dateRange ?? { from: `${today.slice(0, 4)}-01-01`, to: today },
    query: { incoming: true },
  });
}

const PAID =
  /\b(?:how\s+much|what)\s+(?:in\s+)?interest\s+(?:did|have|has)\s+(?:i|we)\s+(?:(?:been\s+)?(?:paid|pay|charged|get\s+charged|got\s+charged))\b|\binterest\s+(?:i(?:'ve|\s+have)?\s+|we\s+)?(?:paid|been\s+charged)\b|\b(?:was|were|am|have)\s+i\s+(?:been\s+)?charged\s+(?:any\s+)?interest\b/i;

export function asksInterestPaid(text: string): boolean {
  return PAID.test(text);
}

export function startInterestPaid(ctx: StepContext, intent: IntentTag, e: Entities): void {
  const today = isoDay(ctx.now);
  startLookup(ctx, { ...intent, name: "transactions" }, "transactions", {
    accountRefs: e.accountRefs.length === 1 ? e.accountRefs : [],
    merchant: INTEREST_MERCHANT,
    dateRange: e.dateRange ?? { from: `${today.slice(0, 4)}-01-01`, to: today },
    query: { outgoing: true },
  });
}

/**
 * Session 29, found by hand: "what was the 45 dollar charge" is read as BANKING77's
 * extra_charge_on_statement, whose written answer says to open the transaction in the app. A reading
 * rule cannot take it ("what is this $1 charge on my account?" is that label's row), so here, after
 * the model: with an amount said, the customer's own charges of that amount are looked up and shown.
 */
import type { StepContext } from "../context.js";
import type { Entities, IntentTag } from "../types.js";
import { startLookup } from "./lookup.js";

/** True when the charge was looked up instead of the written answer. */
export function lookUpChargeByAmount(ctx: StepContext, intent: IntentTag, e: Entities, text: string): boolean {
  if (intent.name !== "extra_charge_on_statement" || !e.amount || !("minor" in e.amount) || e.amount.minor <= 0) return false;
  startLookup(ctx, { ...intent, name: "transactions" }, "transactions", { ...e, query: { ...e.query, amountBound: "exactly" } }, text);
  return true;
}

/**
 * explore26: "what was my biggest purchase this month" → "… $17.64 at “RideNow” on 1 Dec", then
 * "dispute it": the dispute listed the five latest charges, none of them that one. An answer that
 * names one charge on its own is remembered for READ_FOLLOW_UP_MS (as state.lastOne, flows/one-shown.ts); "dispute it" / "dispute that
 * charge" / "i want to dispute this one" then looks for that charge alone (its merchant, amount and
 * day), and the customer is asked "Is this the charge you mean?" before anything is opened.
 */
import { READ_FOLLOW_UP_MS } from "../config.js";
import type { StepContext } from "../context.js";
import type { ChargeHints, Entities } from "../types.js";

// The charge is pointed at, not described: "dispute it", "dispute that charge", "i want to dispute this one".
const POINTS_AT_IT = /\b(?:dispute|contest|challenge|report)\s+(?:it|that|this|that\s+one|this\s+one|(?:that|this|the)\s+(?:charge|purchase|payment|transaction)(?:\s+(?:then|too|please))?)\s*[.!?]*$/i;

/** The charge a dispute request points at ("dispute it"), as the merchant and hints that find it; undefined if none. */
export function shownChargeHints(ctx: StepContext, e: Entities, text: string): { merchant: string; hints: ChargeHints } | undefined {
  // The one transaction shown last (flows/one-shown.ts), if it was money out.
  const last = ctx.state.lastOne;
  if (!last || ctx.now - last.at > READ_FOLLOW_UP_MS || last.row.amount.minor >= 0) return undefined;
  const shown = last.row;
  if (e.query?.chargeMerchant || e.merchant || e.amount || e.dateRange || !POINTS_AT_IT.test(text.trim())) return undefined;
  const day = shown.postedAt.slice(0, 10);
  const words = shown.merchant.toLowerCase().match(/[a-z]{3,}/g) ?? [];
  return {
    merchant: shown.merchant,
    hints: { amounts: [Math.abs(shown.amount.minor)], range: { from: day, to: day }, ...(words.length > 0 ? { words } : {}) },
  };
}

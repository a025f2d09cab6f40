/**
 * "when is my next paycheck" (session 26, found by explore26): "Sorry, I can't help with that." Teller
 * can't know when an employer pays (CLINC150's payday stays out of scope for the model), but it can
 * show when money came in before, which is what the customer can go by.
 */
import type { StepContext } from "../context.js";
import type { Entities } from "../types.js";
import { startLookup } from "./lookup.js";

const NEXT_PAY =
  /\b(?:next\s+(?:pay\s*check|pay\s*cheque|pay\s*day|salary|wages?|direct\s+deposit)|when(?:'s|\s+is|\s+will\s+be)\s+(?:my\s+)?(?:next\s+)?pay\s*day|when\s+(?:do|will)\s+i\s+(?:next\s+)?get\s+paid|when\s+(?:does|will)\s+my\s+(?:next\s+)?(?:pay\s*check|pay\s*cheque|salary|wages?|pay)\s+(?:come|arrive|land|hit|go\s+in))\b/i;

export function answerNextPayday(ctx: StepContext, text: string, entities: Entities): boolean {
  if (!NEXT_PAY.test(text)) return false;
  const { dateRange: _range, ...rest } = entities;
  startLookup(
    ctx,
    { name: "transactions", confidence: 1 },
    "transactions",
    { ...rest, query: { ...(entities.query ?? {}), incoming: true } },
    text,
    "I can't see when your next paycheck is due: your employer decides that.",
  );
  return true;
}

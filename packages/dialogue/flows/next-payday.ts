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

// Session 27: "when did i last get paid", "when was my last paycheck" ("Sorry, I can't help with that.";
// CLINC150's payday, out of scope for the model): the latest money in, said.
const PAY = String.raw`(?:pay\s*check|pay\s*cheque|salary|wages?|pay|direct\s+deposit)`;
const LAST_PAY = new RegExp(
  String.raw`\b(?:when\s+(?:did|was)\s+i\s+(?:last\s+(?:get\s+|got\s+|been\s+)?paid|(?:get|got|receive|received)\s+(?:paid\s+(?:the\s+)?last(?:\s+time)?|my\s+(?:last|latest|most\s+recent)\s+${PAY}))|when(?:'s|\s+was|\s+is)\s+(?:my|the)\s+(?:last|latest|most\s+recent|previous)\s+(?:${PAY}|pay\s*day)|the\s+last\s+(?:time|date|day)\s+(?:that\s+)?i\s+(?:was|got|get|received)\s+(?:paid|a\s+pay\s*check|my\s+pay\s*check)|(?:what|which)\s+(?:date|day)\s+did\s+i\s+(?:get|receive)\s+my\s+(?:last|latest)\s+${PAY}|when\s+i\s+(?:was\s+)?last\s+(?:got\s+)?paid|when\s+i\s+was\s+paid\s+last)\b`,
  "i",
);

// Session 30, found by hand: "did my paycheck come in" and "have i been paid yet" listed the ten latest
// payments in, leaving the question unanswered; "has my salary arrived" and "is my pay in yet" looked for
// a merchant called "salary" or "yet"; "how much was my last paycheck" got "Sorry". The latest pay
// answers each. Never "how much did i get paid last month" (a total) nor "since i got paid" (a period).
// Session 32: asked to be checked too ("can u check if my paycheck hit yet").
const PAY_ARRIVED = new RegExp(
  String.raw`\b(?:did|has|have|is|(?:check|see|find\s+out|tell\s+me|know)\s+(?:if|whether))\s+(?:my|the)\s+(?:last\s+|latest\s+)?${PAY}\s+(?:(?:has|had|is)\s+)?(?:(?:come|came|gone|go|went)\s+(?:in|through|thru)|arrived?|land(?:ed)?|hit|clear(?:ed)?|post(?:ed)?|been\s+(?:paid(?:\s+in)?|deposited)|show(?:n|ed)?\s+up|in)\b|(?<!\bmuch\s+(?:money\s+)?)\b(?:have|has)\s+i\s+(?:been|got|gotten)\s+paid\b|(?<!\bmuch\s+(?:money\s+)?)\bdid\s+i\s+get\s+paid\b(?!\s+(?:for|by|back))|\b(?:did|have)\s+i\s+(?:get|got|gotten|receive[d]?)\s+(?:my|the)\s+(?:last\s+)?${PAY}\b|\b(?:how\s+much|what)\s+(?:was|is)\s+(?:my|the)\s+(?:last\s+|latest\s+|most\s+recent\s+|recent\s+)?(?:pay\s*check|pay\s*cheque|salary|wages|direct\s+deposit)\b(?!\s+(?:since|between|from))`,
  "i",
);

/** "did my paycheck come in" said of today or no day: the latest pay answers it; "… last month" is a period's. */
function asksPayArrived(text: string, entities: Entities): boolean {
  return PAY_ARRIVED.test(text) && !/\bsince\b/i.test(text) && (!entities.dateRange || /\b(?:today|this\s+(?:week|month))\b/i.test(text));
}

export function answerLastPayday(ctx: StepContext, text: string, entities: Entities): boolean {
  if (!LAST_PAY.test(text) && !asksPayArrived(text, entities)) return false;
  // "is my pay in yet": no merchant "yet", no category "salary"; the money in is searched as a whole.
  const { dateRange: _range, merchant: _merchant, category: _category, ...rest } = entities;
  startLookup(ctx, { name: "transactions", confidence: 1 }, "transactions", { ...rest, query: { ...(entities.query ?? {}), incoming: true, count: 1 } }, text);
  if (ctx.state.task?.kind === "lookup") ctx.state.task.pay = true;
  return true;
}

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

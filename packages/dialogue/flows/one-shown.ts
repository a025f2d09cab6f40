/**
 * Session 30, found by hand: "did my paycheck come in" → the pay, then "how much was it" got "Sorry,
 * I can't help with that."; so did "how much was that" after "your biggest purchase was …". An answer
 * that shows one transaction on its own is remembered for READ_FOLLOW_UP_MS, and a short question
 * about "it" (how much, when, who from or at) is answered from that row.
 */
import { READ_FOLLOW_UP_MS } from "../config.js";
import type { StepContext } from "../context.js";
import { reply } from "../render.js";
import { oneRowText } from "./lookup-text.js";
import { startInsight } from "./insights.js";

const IT = String.raw`(?:it|that|this|that\s+one|this\s+one|the\s+(?:payment|deposit|charge|purchase|transaction|pay(?:\s*check)?))`;
const LEAD = String.raw`^(?:(?:ok(?:ay)?|so|and|hmm+|oh|wait|great|thanks?)[,\s]+)*`;
const HOW_MUCH = new RegExp(String.raw`${LEAD}(?:how\s+much\s+(?:was|is|were)\s+${IT}|how\s+much\s+did\s+(?:i\s+(?:get|receive|pay|spend)|${IT}\s+(?:come\s+to|cost))|what\s+(?:was|is)\s+the\s+amount)(?:\s+(?:for|again|exactly))?\s*[?.!]*$`, "i");
const WHEN = new RegExp(String.raw`${LEAD}(?:when\s+(?:was|is)\s+${IT}|when\s+did\s+${IT}\s+(?:come\s+in|arrive|land|go\s+out|happen|post|clear))(?:\s+again)?\s*[?.!]*$`, "i");
const WHO = new RegExp(String.raw`${LEAD}(?:who\s+(?:was|is)\s+${IT}\s+(?:from|to|with)|where\s+(?:was|is|did)\s+${IT}(?:\s+(?:from|at|made|spent))?|who\s+(?:paid|sent)\s+(?:it|that|me))\s*[?.!]*$`, "i");

// explore31: "how much is my rent" → its last payment, then "when is it due" got "You don't have a
// credit card with us." (read as the card's statement). Of a payment out: when the next one is due,
// read from the ones before it (flows/insights.ts, as "when is my rent due").
const DUE = new RegExp(
  String.raw`${LEAD}(?:when(?:\s+is|'s|s)?\s+(?:it|that|the\s+next\s+one)\s+(?:due|coming\s+out|going\s+out|taken)(?:\s+next)?|when\s+is\s+the\s+next\s+one|when\s+will\s+(?:it|that|the\s+next\s+one)\s+be\s+(?:due|taken)|when\s+does\s+(?:it|that|the\s+next\s+one)\s+(?:come|go)\s+out(?:\s+next)?|when\s+do\s+i\s+(?:have\s+to\s+)?pay\s+(?:it|that)(?:\s+(?:next|again))?)\s*[?.!]*$`,
  "i",
);

/** After a step: the one transaction its replies showed on its own; a reply listing several forgets it. */
export function noteShownOne(ctx: StepContext): void {
  for (const r of ctx.replies) {
    if (r.data?.kind !== "transactions") continue;
    const rows = r.data.transactions;
    ctx.state.lastOne = rows.length === 1 ? { at: ctx.now, row: rows[0]! } : null;
  }
}

/** "how much was it" right after one transaction was shown: its amount, day and who; false when the message is none. */
export function answerAboutShownOne(ctx: StepContext, text: string): boolean {
  const shown = ctx.state.lastOne;
  if (!shown || ctx.now - shown.at > READ_FOLLOW_UP_MS) return false;
  const t = text.trim();
  if (shown.row.amount.minor < 0 && DUE.test(t)) {
    ctx.state.consecutiveFallbacks = 0;
    return startInsight(ctx, { name: "credit_statement", confidence: 1 }, { accountRefs: [], query: { lookup: { kind: "next", target: shown.row.merchant } } }, t);
  }
  if (!HOW_MUCH.test(t) && !WHEN.test(t) && !WHO.test(t)) return false;
  ctx.state.consecutiveFallbacks = 0;
  ctx.replies.push(reply({ name: "transactions", confidence: 1 }, `It was ${oneRowText(shown.row)}.`, { data: { kind: "transactions", transactions: [shown.row], query: { limit: 1 } } }));
  return true;
}

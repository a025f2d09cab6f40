/**
 * "is there a fee for that?" / "how much does that cost me?" right after a transfer was sent: "that"
 * is the transfer, whose written answer is transfer_fee_charged (no fee, true to the ledger).
 * defects18: by hand it got the card payment fee answer ("Some card payments carry a fee …"), and
 * "how much does that cost me" a spending summary. Older than the window "that" points nowhere.
 */
import type { StepContext } from "../context.js";
import { faqAnswer } from "../faq/index.js";
import { reply } from "../render.js";
import { recentlySent } from "../state.js";

const IT = String.raw`(?:it|that|this)`;
// The whole message asks what "it" cost: a fee or charge for it, whether it cost anything, whether one is charged for it.
const FEE_FOR_IT = new RegExp(
  String.raw`^(?:so\s+|and\s+|ok\s+|btw\s+)?(?:` +
    String.raw`(?:is|was|will)\s+there\s+(?:be\s+)?(?:a|any)\s+(?:fee|charge|cost)s?\s+(?:for|on)\s+${IT}` +
    String.raw`|(?:how\s+much\s+)?(?:does|did|will)\s+${IT}\s+cost(?:\s+me)?(?:\s+anything)?` +
    String.raw`|(?:do|did|will)\s+you\s+charge\s+(?:me\s+)?(?:anything\s+)?(?:for\s+)?${IT}` +
    String.raw`|(?:am|was|will)\s+i\s+(?:be\s+)?charged\s+(?:a\s+fee\s+|anything\s+)?(?:for\s+)?${IT}` +
    String.raw`)\s*[?.!]*$`,
  "i",
);

/** True for a question what "it" cost, naming nothing else. */
export function asksFeeForIt(text: string): boolean {
  return FEE_FOR_IT.test(text.trim());
}

const FEE_INTENT = { name: "transfer_fee_charged", confidence: 1 };

/** With nothing open, within minutes of a transfer sent: its fee answer. True when answered. */
export function answerFeeForSent(ctx: StepContext, text: string): boolean {
  const sent = recentlySent(ctx.state, ctx.now);
  if (ctx.state.task || !sent || !asksFeeForIt(text)) return false;
  const answer = faqAnswer(FEE_INTENT.name);
  if (!answer) return false;
  ctx.state.consecutiveFallbacks = 0;
  ctx.replies.push(reply(FEE_INTENT, answer.text, { actions: answer.actions ?? [] }));
  return true;
}

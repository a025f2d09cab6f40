/**
 * Session 32, found by hand: "block all charges from uber" and "can you block amazon charges" froze
 * the customer's card at once (every card payment declined), and "stop netflix from charging me" got
 * "Sorry". Teller can't block one company: the customer cancels with the company, a charge they never
 * agreed to can be disputed here, and a freeze (which stops every card payment) is offered, not done.
 */
import type { StepContext } from "../context.js";
import { FREEZE_CARD } from "../faq/answer.js";
import { quickReply, reply } from "../render.js";

const LEAD = String.raw`(?:(?:ok(?:ay)?|so|please|pls|can\s+(?:you|u|i)|could\s+(?:you|u|i)|i\s+(?:want|need|would\s+like)\s+to|i'?d\s+like\s+to|how\s+(?:do|can)\s+i|is\s+there\s+a\s+way\s+to|help\s+me)\s+)*`;
const NOT_A_NAME = String.raw`(?!(?:a|an|my|the|your|this|that|all|any|it|me|card|cards|account|accounts|them|payments?|charges?|transactions?|transfers?)\b)`;
const NAME = String.raw`${NOT_A_NAME}[a-z0-9][a-z0-9&'.\-]*(?:\s+${NOT_A_NAME}[a-z0-9&'.\-]+){0,2}`;
const CHARGES = String.raw`(?:charges?|payments?|transactions?|purchases?|debits?|billing)`;
const BLOCK = new RegExp(
  String.raw`^${LEAD}(?:block|stop|prevent|ban|bar|disallow)\s+(?:all\s+|any\s+|future\s+|further\s+|more\s+)*(?:${CHARGES}\s+(?:from|by|at)\s+${NAME}|${NAME}\s+(?:from\s+(?:charging|billing|taking\s+money\s+from|debiting)(?:\s+(?:me|my\s+(?:card|account)))?|${CHARGES}))(?:\s+(?:on|to)\s+my\s+(?:card|account))?\s*[?.!]*$`,
  "i",
);

export function asksMerchantBlock(text: string): boolean {
  return BLOCK.test(text.trim());
}

/** Says one company can't be blocked and what can be done; false when the message asks something else. */
export function answerMerchantBlock(ctx: StepContext, text: string): boolean {
  if (ctx.state.task || !asksMerchantBlock(text)) return false;
  ctx.state.consecutiveFallbacks = 0;
  ctx.replies.push(
    reply(
      { name: "merchant_block", confidence: 1 },
      "I can't block one company's charges on their own. If it's a subscription, cancel it with the company; a charge after you've cancelled, or one you never agreed to, can be disputed here. Freezing your card stops every card payment, not only theirs — I can do that if you want.",
      { actions: [quickReply("Dispute a charge", "I want to dispute a charge"), FREEZE_CARD] },
    ),
  );
  return true;
}

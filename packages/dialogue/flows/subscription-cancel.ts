/**
 * explore29: "what are my subscriptions", then "cancel streamflix" got "Sorry, I can't help with
 * that." Teller can't cancel a company's subscription: the customer cancels with the company, and a
 * charge after that can be disputed here. Said only when the words name a subscription, or a merchant
 * of the subscriptions just listed ("cancel my transfer" and "cancel my card" go their own ways).
 */
import { READ_FOLLOW_UP_MS } from "../config.js";
import type { StepContext } from "../context.js";
import { quickReply, quoted, reply } from "../render.js";
import { normalizeMerchant } from "../../nlu/entities/spending.js";

const CANCEL =
  /^(?:(?:ok(?:ay)?|so|and|then|please|pls|can\s+(?:you|u|i)|could\s+(?:you|u|i)|i\s+(?:want|need|would\s+like)\s+to|i'?d\s+like\s+to|how\s+(?:do|can)\s+i|help\s+me)\s+)*(?:cancel|stop|end|unsubscribe(?:\s+from)?)\s+(?:my\s+|the\s+|that\s+)?(.+?)\s*[?.!]*$/i;
const SUBSCRIPTION = /\s*\b(?:subscriptions?|memberships?|plan)$/i;

/** The subscription a message asks to cancel ("streamflix"), or null when it names none. */
function subscriptionNamed(ctx: StepContext, text: string): { name: string | null } | null {
  const m = CANCEL.exec(text.trim());
  if (!m) return null;
  const said = m[1]!;
  const name = said.replace(SUBSCRIPTION, "").trim();
  if (SUBSCRIPTION.test(said)) return { name: name && !/^(?:a|an|this|that|it|one)$/i.test(name) ? name : null };
  const list = ctx.state.lastList;
  if (!list || ctx.now - list.at > READ_FOLLOW_UP_MS) return null;
  const row = list.rows.find((r) => /subscri/i.test(r.category) && normalizeMerchant(r.merchant) === normalizeMerchant(name));
  return row ? { name: row.merchant } : null;
}

/** Answers a request to cancel a subscription; false when the message is none. */
export function answerSubscriptionCancel(ctx: StepContext, text: string): boolean {
  const named = subscriptionNamed(ctx, text);
  if (!named) return false;
  const company = named.name ? quoted(named.name) : "the company";
  ctx.replies.push(
    reply(
      { name: "cancel_subscription", confidence: 1 },
      `I can't cancel a subscription here: ${company} stops charging you once you cancel with them, in their app or on their website. If they charge you after you've cancelled, I can help you dispute that charge.`,
      { actions: [quickReply("My subscriptions", "What subscriptions am I paying for?"), quickReply("Dispute a charge", "I want to dispute a charge")] },
    ),
  );
  return true;
}

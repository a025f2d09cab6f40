/**
 * "when will he get it?" / "how long will it take?" right after a transfer was sent: "it" is that
 * transfer, made at once on the Yes (sweep19: out of scope, "Sorry, I can't help with that.").
 * Answered of the transfer itself; older than the window "it" points nowhere.
 */
import type { StepContext } from "../context.js";
import { moneyText, reply } from "../render.js";
import { recentlySent } from "../state.js";
import type { TransferTask } from "../types.js";

const WHO = String.raw`(?:he|she|they|it|the\s+money|the\s+transfer|the\s+payment|that|[a-z]+)`;
const IT = String.raw`(?:\s+(?:it|that|the\s+money|the\s+transfer|the\s+payment|my\s+money))?`;
// The whole message asks when "it" arrives or how long it takes (nothing else named).
const WHEN_IT_ARRIVES = new RegExp(
  String.raw`^(?:(?:so|and|ok(?:ay)?|great|thanks|cool|perfect)[,!.]?\s+)*(?:` +
    String.raw`(?:when|how\s+soon)\s+(?:will|does|would|do|can)\s+${WHO}\s+(?:get|receive|see|have)${IT}` +
    String.raw`|(?:when|how\s+soon)\s+(?:will|does|would)\s+${WHO}\s+(?:arrive|land|show\s+up|get\s+there|go\s+through|reach\s+(?:him|her|them))` +
    String.raw`|how\s+long\s+(?:will|does|would)\s+(?:it|that)\s+take(?:\s+to\s+(?:arrive|get\s+there|reach\s+(?:him|her|them)|go\s+through))?` +
    String.raw`|(?:has|did)\s+(?:he|she|they)\s+(?:got|get|received|receive)\s+(?:it|the\s+money)(?:\s+yet)?` +
    String.raw`)\s*[?.!]*$`,
  "i",
);

/** True for a question when "it" arrives, naming nothing else. */
export function asksWhenItArrives(text: string): boolean {
  return WHEN_IT_ARRIVES.test(text.trim());
}

const TIMING_INTENT = { name: "transfer_timing", confidence: 1 };

/** With nothing open, within minutes of a transfer sent: when it arrived. True when answered. */
export function answerArrivalOfSent(ctx: StepContext, text: string): boolean {
  const sent = recentlySent(ctx.state, ctx.now);
  if (ctx.state.task || !sent || !asksWhenItArrives(text)) return false;
  const what = `${moneyText(sent.amount)} to ${sent.toLabel}`;
  const answer =
    "accountId" in sent.to
      ? `It's already there: the ${what} was made as soon as you said Yes.`
      : `It has already left your account: the ${what} was sent as soon as you said Yes. When it shows in their own bank account depends on their bank.`;
  ctx.state.consecutiveFallbacks = 0;
  ctx.replies.push(reply(TIMING_INTENT, answer));
  return true;
}

/**
 * "when will it arrive?" while a transfer is being set up (session 23: the card-delivery FAQ, then
 * the transfer's question again): when that transfer will arrive once confirmed. The caller asks the
 * transfer's question again after it.
 */
export function arrivalOfPendingText(task: TransferTask): string {
  const later = task.schedule ? "on the date it's scheduled for" : "as soon as you confirm it";
  if (task.to && "accountId" in task.to) return `A transfer between your own accounts arrives at once: it's made ${later}.`;
  const leaves = `It leaves your account ${later}; when it shows in their own bank account depends on their bank.`;
  return task.to ? leaves : `Between your own accounts it's there at once. To a saved payee: ${leaves.charAt(0).toLowerCase()}${leaves.slice(1)}`;
}

export const ARRIVAL_INTENT = TIMING_INTENT;

/**
 * "what did i just send" (facts24, found as seeded customers): with nothing sent in the
 * conversation it got "Sorry, I can't answer that one here" (the model read it as spending, 0.43).
 * The words are read here. A transfer the engine itself sent (state.lastSent) is named; otherwise
 * the answer says nothing was sent in this conversation and shows the latest transfers out of the
 * customer's accounts, read from the ledger (never guessed).
 */
import type { StepContext } from "../context.js";
import { moneyText, quickReply, quoted, reply } from "../render.js";
import { REPEAT_YES_WINDOW_MS } from "../config.js";
import type { IntentTag, Reply } from "../types.js";
import { parseView } from "../views.js";
import { begin } from "./insight-begin.js";
import { dateText } from "./wording.js";

const SENT = String.raw`(?:send|sent|transfer(?:red)?|pay|paid)`;
// "what did i just send", "who did i just pay", "how much did i just transfer", "what was the last
// transfer i made", "what have i sent": nothing else said (a period or a name is a transactions question).
const WHAT_SENT = new RegExp(
  String.raw`^(?:(?:so|and|wait|um+|hmm+|sorry)[,\s]+)*(?:(?:what|who|how\s+much)\s+(?:did|have)\s+(?:i|you)\s+(?:just\s+)?${SENT}(?:\s+(?:money|it))?(?:\s+to)?(?:\s+(?:just\s+now|earlier|for\s+me))?|what\s+was\s+(?:the|my)\s+last\s+(?:transfer|payment|thing)\s+(?:i|you)\s+(?:made|sent|did))\s*[?.!]*$`,
  "i",
);
/** Transfers shown when none was made in the conversation. */
const SHOWN = 5;
const INTENT: IntentTag = { name: "transactions", confidence: 1 };

export function asksWhatSent(text: string): boolean {
  return WHAT_SENT.test(text.trim());
}

/** Answers "what did i just send"; true when the message was that question. */
export function answerWhatSent(ctx: StepContext, text: string): boolean {
  if (!asksWhatSent(text)) return false;
  const sent = ctx.state.lastSent;
  if (sent) {
    const when = ctx.now - sent.at <= REPEAT_YES_WINDOW_MS ? "just now" : `on ${dateText(new Date(sent.at).toISOString())}`;
    ctx.replies.push(reply(INTENT, `The last money I sent for you was ${moneyText(sent.amount)} to ${sent.toLabel}, ${when}.`, { actions: [quickReply("Check my balance")] }));
    return true;
  }
  return begin(ctx, INTENT, { kind: "latest_sent" }, [{ what: "transactions", query: { category: "Transfers", direction: "out", limit: SHOWN } }]);
}

export function latestSentAnswer(intent: IntentTag, data: unknown): Reply | null {
  const rows = parseView("transactions", data);
  if (!rows) return null;
  const out = rows.filter((t) => t.transferId !== null && t.amount.minor < 0);
  const lead = "I haven't sent any money for you in this conversation.";
  if (out.length === 0) return reply(intent, `${lead} I don't see any transfers out of your accounts either.`, { actions: [quickReply("Recent transactions", "Show my recent transactions")] });
  const last = out[0]!;
  const amount = moneyText({ minor: -last.amount.minor, currency: last.amount.currency });
  const more = out.length > 1 ? ` Here are your ${out.length} latest transfers out.` : "";
  return reply(intent, `${lead} The latest transfer out of your accounts was ${amount}, ${quoted(last.merchant)}, on ${dateText(last.postedAt)}.${more}`, {
    data: { kind: "transactions", transactions: out, query: { category: "Transfers", direction: "out", limit: SHOWN } },
    actions: [quickReply("Recent transactions", "Show my recent transactions")],
  });
}

/**
 * explore25: "more", "show more", "older ones" right after "Here are your 10 most recent
 * transactions." got the FAQ on ordering checks ("more" read as order_checks 0.76) or "Sorry, I
 * can't help with that." and, the second time, a hand-off. Now the list again, longer (10, then
 * 30, then 50, the most one list holds); past that, how to see older ones (a month at a time).
 */
import { READ_FOLLOW_UP_MS } from "../config.js";
import type { StepContext } from "../context.js";
import { reply } from "../render.js";
import { startLookup } from "./lookup.js";

const MORE =
  /^(?:(?:ok(?:ay)?|and|so|now|can\s+you|could\s+you|can\s+i|please|pls|plz)[\s,]+)*(?:(?:show|see|give|list|load|get)\s+(?:me\s+)?)?(?:(?:some\s+|a\s+few\s+|even\s+)?(?:more|older)(?:\s+(?:ones|transactions|of\s+them|than\s+that|please|pls))*|the\s+(?:next|older|previous)\s+(?:ones|page|10|ten|transactions)|(?:the\s+)?rest(?:\s+of\s+them)?|keep\s+going|go\s+(?:back\s+)?further(?:\s+back)?)[\s.!?]*$/i;
const STEP = 20;
const MAX_LISTED = 50;

export function asksForMore(text: string): boolean {
  return MORE.test(text.trim());
}

/** True when "more" after a recent list was answered here (a longer list, or where the older ones are). */
export function showMoreTransactions(ctx: StepContext, text: string): boolean {
  const last = ctx.state.lastRead;
  if (ctx.state.task || !last || last.what !== "transactions" || last.shown === undefined || ctx.now - last.at > READ_FOLLOW_UP_MS) return false;
  if (!asksForMore(text)) return false;
  ctx.state.consecutiveFallbacks = 0;
  const intent = { name: "transactions", confidence: 1 };
  if (last.shown >= MAX_LISTED) {
    ctx.replies.push(reply(intent, `That's as many as I can list at once. For older ones, ask me for a month, like “transactions in ${monthBefore(ctx.now)}”.`));
    return true;
  }
  startLookup(ctx, intent, "transactions", {
    accountRefs: last.accountRefs,
    ...(last.category ? { category: last.category } : {}),
    ...(last.merchant ? { merchant: last.merchant } : {}),
    query: { ...last.query, count: Math.min(last.shown + STEP, MAX_LISTED) },
  });
  return true;
}

function monthBefore(now: number): string {
  const d = new Date(now);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1)).toLocaleString("en-US", { month: "long", timeZone: "UTC" });
}

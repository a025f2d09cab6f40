/**
 * sweep23: "and on my savings?" right after an interest rate, "and for savings?" after an account
 * number, "and my mastercard?" after a card's expiry date: the same fact asked of the account or
 * card named. Read on their own these got "Sorry, I can't help with that.", a transfer's "How much
 * would you like to send?" ("and for savings?") or the written answer on card networks ("and my
 * mastercard?"). Only while the fact is the last thing answered, and recent (READ_FOLLOW_UP_MS).
 */
import { READ_FOLLOW_UP_MS } from "../config.js";
import type { StepContext } from "../context.js";
import { faqAnswer } from "../faq/index.js";
import { reply } from "../render.js";
import type { Entities } from "../types.js";
import { asksForFullNumber, startFact } from "./bank-facts.js";
import { readFollowUp } from "./read-follow-up.js";
import { namedLast4 } from "./wording.js";

/** Asks the last fact again of what the message names; false (nothing done) when it is no such follow-up. */
export function askFactAgain(ctx: StepContext, e: Entities, text: string): boolean {
  const last = ctx.state.lastFact;
  if (!last || ctx.state.task || ctx.now - last.at > READ_FOLLOW_UP_MS) return false;
  if (last.what === "credit_statement" || last.what === "credit_limit" || last.what === "rewards_balance" || last.what === "direct_deposit") return false;
  // A balance or spending answer given since is what "and savings?" follows (flows/read-follow-up.ts).
  if ((ctx.state.lastRead?.at ?? -Infinity) >= last.at) return false;
  if (e.amount || e.payeeName || e.unknownPayee || e.then || !readFollowUp(text)) return false;
  const ofCard = last.what === "card_expiry";
  const named = ofCard ? Boolean(namedLast4(e) || e.cardBrand) : e.accountRefs.length > 0;
  if (!named) return false;
  ctx.state.consecutiveFallbacks = 0;
  // A reveal only when asked for in so many words: explore27's "and the full account number for
  // checking" got the masked one again.
  const reveal = last.what === "account_numbers" && asksForFullNumber(text);
  startFact(ctx, last.intent, last.what, ofCard ? e : { accountRefs: e.accountRefs }, reveal ? text : "");
  return true;
}

// Session 31: "how many points do i have", then "what can i use them for" got "Sorry": how to redeem.
const USE_THEM =
  /^(?:(?:ok(?:ay)?|so|and|cool|great|nice|thanks?)[,!.\s]+)*(?:what\s+(?:can|do|could|should)\s+i\s+(?:use|spend|do\s+with|get\s+(?:with|for))\s+(?:them|those|it|my\s+points)|how\s+(?:do|can)\s+i\s+(?:use|spend|redeem|cash\s+in|cash\s+out)\s+(?:them|those|it|my\s+points)|what\s+are\s+(?:they|those|my\s+points)\s+(?:worth|good\s+for)|(?:can|could)\s+i\s+(?:(?:redeem|use|spend|cash\s+(?:in|out))\s+(?:them|those|it)|cash\s+(?:them|those|it)\s+(?:in|out))(?:\s+\w+){0,3})(?:\s+(?:for|on))?\s*[?.!]*$/i;

/** "what can i use them for" right after the points balance: how to redeem; false otherwise. */
export function answerRewardsUse(ctx: StepContext, text: string): boolean {
  const last = ctx.state.lastFact;
  if (!last || last.what !== "rewards_balance" || ctx.state.task || ctx.now - last.at > READ_FOLLOW_UP_MS || !USE_THEM.test(text.trim())) return false;
  const answer = faqAnswer("redeem_rewards");
  if (!answer) return false;
  ctx.state.consecutiveFallbacks = 0;
  ctx.replies.push(reply({ name: "redeem_rewards", confidence: 1 }, answer.text, { actions: answer.actions ?? [] }));
  return true;
}

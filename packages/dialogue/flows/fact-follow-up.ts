/**
 * sweep23: "and on my savings?" right after an interest rate, "and for savings?" after an account
 * number, "and my mastercard?" after a card's expiry date: the same fact asked of the account or
 * card named. Read on their own these got "Sorry, I can't help with that.", a transfer's "How much
 * would you like to send?" ("and for savings?") or the written answer on card networks ("and my
 * mastercard?"). Only while the fact is the last thing answered, and recent (READ_FOLLOW_UP_MS).
 */
import { READ_FOLLOW_UP_MS } from "../config.js";
import type { StepContext } from "../context.js";
import type { Entities } from "../types.js";
import { asksForFullNumber, startFact } from "./bank-facts.js";
import { readFollowUp } from "./read-follow-up.js";
import { namedLast4 } from "./wording.js";

/** Asks the last fact again of what the message names; false (nothing done) when it is no such follow-up. */
export function askFactAgain(ctx: StepContext, e: Entities, text: string): boolean {
  const last = ctx.state.lastFact;
  if (!last || ctx.state.task || ctx.now - last.at > READ_FOLLOW_UP_MS) return false;
  if (last.what === "credit_statement" || last.what === "credit_limit") return false;
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

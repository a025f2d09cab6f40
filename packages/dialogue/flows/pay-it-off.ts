/**
 * sweep23: "ok pay it off from savings" right after "how much do i owe on my cc": "it" is the
 * credit card just read, so this is a card payment ("How much would you like to pay?" with the
 * statement's figures), as "pay off my card" is. It started a transfer to nobody ("How much would
 * you like to send?", then "Who should I send it to?"). Only while that answer is the last one and
 * recent (READ_FOLLOW_UP_MS); a payee or account named as the destination goes its own way.
 */
import { READ_FOLLOW_UP_MS } from "../config.js";
import type { StepContext } from "../context.js";
import type { Entities, IntentTag } from "../types.js";
import { startPayBill } from "./pay-bill.js";

// "pay it off", "pay that off", "pay it", "clear it", "pay the whole thing off", "pay it down".
const PAY_IT = /\b(?:pay(?:ing)?|clear|settle)\s+(?:(?:it|that|this)(?:\s+(?:off|down|in\s+full|now))?|off\s+(?:it|that)|the\s+(?:whole|full)\s+(?:thing|amount|balance)(?:\s+off)?)\b(?!\s+(?:to|for)\b)/i;

// "pay it", "can i pay it tomorrow", "ok i'll pay it friday", "let me pay that now".
const OPENS_WITH_PAY_IT = /^\W*(?:(?:ok(?:ay)?|so|then|and|alright|great|can|could|may|i'?ll|i\s+will|i\s+want\s+to|i'?d\s+like\s+to|i\s+would\s+like\s+to|let\s+me|please|just|i)[,!.]?\s+)*pay\s+(?:it|that|this)\b/i;

/** True when the words pay "it" without saying what it is. */
export function paysIt(text: string): boolean {
  return PAY_IT.test(text);
}

/** The credit card was what the last answer was about, recently: a balance of it, or its statement or limit. */
function creditCardJustRead(ctx: StepContext): boolean {
  const read = ctx.state.lastRead;
  const fact = ctx.state.lastFact;
  const readAt = read?.what === "balance" && read.accountRefs.length > 0 && read.accountRefs.every((r) => r === "credit") ? read.at : -Infinity;
  const factAt = fact && (fact.what === "credit_statement" || fact.what === "credit_limit") ? fact.at : -Infinity;
  // Whichever came last must be about the card: an answer about savings since makes "it" savings.
  const latest = Math.max(read?.at ?? -Infinity, fact?.at ?? -Infinity);
  const at = Math.max(readAt, factAt);
  return at !== -Infinity && at === latest && ctx.now - at <= READ_FOLLOW_UP_MS;
}

// Session 27: "pay the minimum" right after the statement (its figures said again, as credit_statement:
// CLINC150's min_payment) and then "from checking" began a transfer to nobody. An order to pay one of
// the statement's figures is a card payment of it, confirmed first like any other.
const PAYS_FIGURE = /^\W*(?:(?:ok(?:ay)?|so|then|just|yes|yeah|please|alright|great)[,!.\s]+)*(?:please\s+)?(?:(?:go\s+ahead\s+and|can\s+you|could\s+you|i(?:'d|\s+would)\s+like\s+to|i\s+want\s+to|let'?s)\s+)?(?:just\s+)?(?:pay|make)\b/i;

/** True when the words order a payment of the statement's minimum or balance ("pay the minimum"). */
export function paysStatementFigure(e: Entities, text: string): boolean {
  return (e.query?.minimumPayment === true || e.query?.statementBalance === true) && PAYS_FIGURE.test(text);
}

/** Starts a payment to the credit card for "pay it off" after the card was read; false when the message is none. */
export function payCardJustRead(ctx: StepContext, intent: IntentTag, e: Entities, text: string): boolean {
  if (e.toRef === undefined && !e.payeeName && !e.unknownPayee && !e.then && (intent.name === "credit_statement" || intent.name === "pay_bill") && paysStatementFigure(e, text)) {
    startPayBill(ctx, { ...intent, name: "pay_bill" }, { ...e, accountRefs: e.accountRefs.filter((r) => r !== "credit"), toRef: "credit" }, text);
    return true;
  }
  // Session 29: "can i pay it tomorrow" after the statement got "Sorry" (the model: payees 0.25). An
  // order or offer to pay "it" that opens the message is the card's payment whatever the model read.
  if (intent.name !== "transfer" && intent.name !== "pay_bill" && !OPENS_WITH_PAY_IT.test(text)) return false;
  if (e.toRef !== undefined || e.payeeName || e.unknownPayee || e.then || !paysIt(text) || !creditCardJustRead(ctx)) return false;
  const refs = e.accountRefs.filter((r) => r !== "credit");
  startPayBill(ctx, { ...intent, name: "pay_bill" }, { ...e, accountRefs: refs, toRef: "credit" }, text);
  return true;
}

/**
 * Answers to a lookup of one named payment (flows/insights.ts starts them): "did my rent go through?",
 * "when did I last pay Netflix?", "when is my rent due?", "did my refund from amazon come through?".
 * Split from insights.ts, which had grown past 400 lines.
 */
import { faqAnswer } from "../faq/index.js";
import { moneyText, quickReply, quoted, reply, sizeText } from "../render.js";
import type { Insight, IntentTag, Reply, TransactionView } from "../types.js";
import { categoryOf, normalizeMerchant } from "../../nlu/entities/spending.js";
import { nextPaymentAnswer } from "./next-payment.js";
import { utilityPayments } from "./utility-kind.js";
import { dateText } from "./wording.js";
import { filedUnderNote } from "./lookup-text.js";

/** How far back a lookup by name looks ("did my rent go through?"). */
export const LOOKUP_DAYS = 120;

export function lookupAnswer(intent: IntentTag, insight: Extract<Insight, { kind: "lookup" }>, rows: TransactionView[]): Reply {
  if (insight.lookup === "refund") return refundLookup(intent, insight, rows);
  // Session 28: "how much was the water bill" named the electricity company's payment (both are Utilities).
  const { payments, otherUtility } = utilityPayments(insight.target, rows.filter((t) => t.amount.minor < 0));
  if (insight.lookup === "next") return nextPaymentAnswer(intent, insight.target, payments, insight.today ?? "", LOOKUP_DAYS);
  const latest = payments[0] ?? (otherUtility ? undefined : rows[0]);
  // Session 28: "did streamflix charge me": named as booked ("Streamflix"), as the statement shows it.
  const target = quoted(latest && sameName(latest.merchant, insight.target) ? latest.merchant : insight.target);
  if (!latest) {
    const faq = insight.faqIntent ? faqAnswer(insight.faqIntent) : null;
    const more = faq ? ` ${faq.text}` : "";
    const when = insight.period ?? `from the last ${LOOKUP_DAYS} days`;
    const other = otherUtility ? ` The latest utility payment I see is ${sizeText(otherUtility.amount)} to ${quoted(otherUtility.merchant)} on ${dateText(otherUtility.postedAt)}.` : "";
    return reply(intent, `I can't find a payment for ${target} in your transactions ${when}.${other}${more}`, {
      actions: [quickReply("Recent transactions", "Show my recent transactions")],
    });
  }
  const amount = sizeText(latest.amount);
  const to = latest.amount.minor < 0 ? `to ${quoted(latest.merchant)}` : `from ${quoted(latest.merchant)}`;
  const data = { kind: "transactions" as const, transactions: [latest], query: { merchant: insight.target, limit: 1 } };
  if (insight.lookup === "last") {
    const pending = latest.status === "pending" ? " It's still pending." : "";
    // explore30: "when did i last pay for parking" named the last transport payment (a ride) as parking's.
    const filed = sameName(latest.merchant, insight.target) ? undefined : filedUnderNote(insight.target, categoryOf(insight.target));
    if (filed) return reply(intent, `${filed} Your last ${categoryOf(insight.target)} payment was ${amount} ${to} on ${dateText(latest.postedAt)}.${pending}`, { data });
    return reply(intent, `Your last payment ${to} was ${amount} on ${dateText(latest.postedAt)}.${pending}`, { data });
  }
  if (latest.status === "pending") {
    return reply(intent, `Your ${target} payment of ${amount} ${to} is still pending (since ${dateText(latest.postedAt)}). It should post shortly.`, { data });
  }
  return reply(intent, `Yes — your ${target} payment went through: ${amount} ${to} on ${dateText(latest.postedAt)}.`, { data });
}

/** The merchant's booked name is the one asked about, whatever its case or spacing. */
function sameName(booked: string, asked: string): boolean {
  return normalizeMerchant(booked) === normalizeMerchant(asked);
}

/**
 * "did my refund from amazon come through": money back from that merchant in the window, else the
 * written answer on refunds (the merchant sends it; it can take working days). Never a payment out.
 */
function refundLookup(intent: IntentTag, insight: Extract<Insight, { kind: "lookup" }>, rows: TransactionView[]): Reply {
  const back = rows.filter((t) => t.amount.minor > 0);
  const latest = back[0];
  const target = quoted(insight.target);
  if (!latest) {
    const faq = faqAnswer(insight.faqIntent ?? "Refund_not_showing_up");
    const more = faq ? ` ${faq.text}` : "";
    return reply(intent, `I don't see any money back from ${target} in your transactions ${insight.period ?? `from the last ${LOOKUP_DAYS} days`}.${more}`, {
      actions: [quickReply("Recent transactions", "Show my recent transactions")],
    });
  }
  const pending = latest.status === "pending" ? " It's still pending." : "";
  return reply(intent, `Yes — ${moneyText(latest.amount)} came back from ${quoted(latest.merchant)} on ${dateText(latest.postedAt)}.${pending}`, {
    data: { kind: "transactions", transactions: back.slice(0, 5), query: { merchant: insight.target, limit: 5 } },
  });
}

/**
 * "my biggest purchase", "where do I shop most often", "my largest deposit": one payment picked out of
 * the rows of a period, computed here on what the bank returned (split from insights.ts).
 */
import { cleanName, moneyText, quoted, reply, sizeText } from "../render.js";
import type { Insight, IntentTag, Money, Reply, TransactionView } from "../types.js";
import { dateText } from "./wording.js";

/** Categories that are not purchases: "my biggest purchase" is never the rent or a transfer. */
const NOT_PURCHASES = new Set(["transfers", "rent", "income"]);

export function superlative(intent: IntentTag, insight: Extract<Insight, { kind: "superlative" }>, rows: TransactionView[]): Reply {
  if (insight.incoming) return superlativeIn(intent, insight, rows);
  const out = rows.filter(
    (t) => t.amount.minor < 0 && !(insight.purchasesOnly && NOT_PURCHASES.has(t.category.toLowerCase())) && !/^transfer (?:to|from) /i.test(t.merchant),
  );
  const noun = insight.purchasesOnly ? "purchase" : "payment";
  if (out.length === 0) return reply(intent, `I couldn't find any ${noun}s ${insight.period}.`);
  if (insight.which === "most_frequent_merchant") {
    const byMerchant = new Map<string, { count: number; minor: number; currency: Money["currency"] }>();
    for (const t of out) {
      const key = cleanName(t.merchant);
      const entry = byMerchant.get(key) ?? { count: 0, minor: 0, currency: t.amount.currency };
      entry.count += 1;
      entry.minor -= t.amount.minor;
      byMerchant.set(key, entry);
    }
    const [name, top] = [...byMerchant].sort((a, b) => b[1].count - a[1].count || b[1].minor - a[1].minor)[0]!;
    const times = top.count === 1 ? "once" : `${top.count} times`;
    return reply(intent, `You paid ${quoted(name)} most often ${insight.period}: ${times}, ${moneyText({ minor: top.minor, currency: top.currency })} in total.`, {
      data: { kind: "transactions", transactions: out.filter((t) => cleanName(t.merchant) === name).slice(0, 10), query: { merchant: name, limit: 10 } },
    });
  }
  // Money out is negative: the biggest purchase has the smallest amount.
  const pick = [...out].sort((a, b) => (insight.which === "largest" ? a.amount.minor - b.amount.minor : b.amount.minor - a.amount.minor))[0]!;
  const word = insight.which === "largest" ? "biggest" : "smallest";
  const pending = pick.status === "pending" ? " (still pending)" : "";
  return reply(
    intent,
    `Your ${word} ${noun} ${insight.period} was ${sizeText(pick.amount)} at ${quoted(pick.merchant)} on ${dateText(pick.postedAt)}${pending}.`,
    { data: { kind: "transactions", transactions: [pick], query: { limit: 1 } } },
  );
}

/** The biggest or smallest money in from outside (the customer's own transfers left out). */
function superlativeIn(intent: IntentTag, insight: Extract<Insight, { kind: "superlative" }>, rows: TransactionView[]): Reply {
  const inflows = rows.filter((t) => t.amount.minor > 0 && !t.transferId && !/^transfer (?:to|from) /i.test(t.merchant));
  if (inflows.length === 0) return reply(intent, `I don't see any money coming into your accounts ${insight.period}.`);
  const pick = [...inflows].sort((a, b) => (insight.which === "smallest" ? a.amount.minor - b.amount.minor : b.amount.minor - a.amount.minor))[0]!;
  const word = insight.which === "smallest" ? "smallest" : "biggest";
  const pending = pick.status === "pending" ? " (still pending)" : "";
  return reply(
    intent,
    `The ${word} payment into your accounts ${insight.period} was ${moneyText(pick.amount)} from ${quoted(pick.merchant)} on ${dateText(pick.postedAt)}${pending} (your own transfers left out).`,
    { data: { kind: "transactions", transactions: [pick], query: { direction: "in", limit: 1 } } },
  );
}

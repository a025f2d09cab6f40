/**
 * "my biggest purchase", "where do I shop most often", "my largest deposit": one payment picked out of
 * the rows of a period, computed here on what the bank returned (split from insights.ts).
 */
import { cleanName, moneyText, quoted, reply, sizeText } from "../render.js";
import type { Insight, IntentTag, Money, Reply, TransactionView } from "../types.js";
import { dateText } from "./wording.js";

const COUNT_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const N = String.raw`(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)`;
// Session 30, found by hand: "what are my biggest expenses" and "my 3 biggest purchases this week"
// named one payment. A plural asks for several (five unless a number is said).
const SEVERAL = new RegExp(
  String.raw`\b(?:${N}\s+)?(?:biggest|largest|most\s+expensive|highest|priciest|costliest|top)\s+(?:${N}\s+)?(?:expenses|purchases|payments|charges|transactions|costs|bills|buys|spends)\b|\btop\s+${N}\s+(?:expenses|purchases|payments|charges|transactions)\b`,
  "i",
);
const DEFAULT_SEVERAL = 5;
const MAX_SEVERAL = 10;

/** How many of the biggest a plural asks for ("my biggest expenses": 5; "my 3 biggest purchases": 3); undefined for one. */
export function severalAsked(text: string): number | undefined {
  const m = SEVERAL.exec(text);
  if (!m) return undefined;
  const said = m[1] ?? m[2] ?? m[3];
  const n = said === undefined ? DEFAULT_SEVERAL : /^\d+$/.test(said) ? Number(said) : COUNT_WORDS[said.toLowerCase()]!;
  return n >= 2 ? Math.min(n, MAX_SEVERAL) : undefined;
}

/** The household's bills, as the bank core groups them for "bills" (banking/spending-categories.ts). */
const BILL_CATEGORIES = new Set(["bills", "rent", "utilities", "phone", "internet", "electricity", "water"]);
/** Categories that are not purchases: "my biggest purchase" is never the rent or a transfer. */
const NOT_PURCHASES = new Set(["transfers", "rent", "income"]);

export function superlative(intent: IntentTag, insight: Extract<Insight, { kind: "superlative" }>, rows: TransactionView[]): Reply {
  if (insight.incoming) return superlativeIn(intent, insight, rows);
  const out = rows.filter(
    (t) =>
      t.amount.minor < 0 &&
      !(insight.purchasesOnly && NOT_PURCHASES.has(t.category.toLowerCase())) &&
      !(insight.bills && !BILL_CATEGORIES.has(t.category.toLowerCase())) &&
      !/^transfer (?:to|from) /i.test(t.merchant),
  );
  const noun = insight.bills ? "bill" : insight.purchasesOnly ? "purchase" : "payment";
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
  const sorted = [...out].sort((a, b) => (insight.which === "largest" ? a.amount.minor - b.amount.minor : b.amount.minor - a.amount.minor));
  const pick = sorted[0]!;
  const word = insight.which === "largest" ? "biggest" : "smallest";
  if (insight.several && sorted.length > 1) {
    const picked = sorted.slice(0, insight.several);
    const items = picked.map((t) => `${sizeText(t.amount)} at ${quoted(t.merchant)} (${dateText(t.postedAt).replace(/ \d{4}$/, "")})`);
    const fewer = picked.length < insight.several ? ` (only ${picked.length} ${noun}s)` : "";
    return reply(intent, `Your ${picked.length} ${word} ${noun}s ${insight.period}${fewer}: ${items.join(", ")}.`, {
      data: { kind: "transactions", transactions: picked, query: { limit: picked.length } },
    });
  }
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

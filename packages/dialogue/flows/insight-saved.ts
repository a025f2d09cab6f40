/**
 * "how much did i save last month", "did i save any money in october": what came in from outside less
 * what was spent, over the period said. Moves between the customer's own accounts are neither (they
 * would count a transfer to savings as money in and out at once).
 */
import { moneyText, reply } from "../render.js";
import type { IntentTag, Reply, SpendingView, TransactionView } from "../types.js";

const SAVED = /\b(?:how\s+much\s+(?:money\s+)?(?:did|have|had)\s+i\s+(?:manage(?:d)?\s+to\s+)?(?:save|saved|put\s+(?:aside|away))|(?:did|have)\s+i\s+(?:save|saved)\s+(?:any(?:thing)?|much|some)(?:\s+money)?|what\s+did\s+i\s+save|how\s+much\s+(?:money\s+)?(?:did|have)\s+i\s+(?:kept|keep)|am\s+i\s+saving\s+(?:any\s+)?money)\b/i;

/** Does the message ask what was saved over a period? (A period must be said: "how much have i saved" alone is the savings balance.) */
export function asksSaved(text: string): boolean {
  return SAVED.test(text);
}

/**
 * `rows`: the period's transactions (at most `limit` read). With more than could be added up exactly,
 * the spending alone is said: no figure is made up.
 */
export function savedAnswer(intent: IntentTag, period: string, spending: SpendingView, rows: TransactionView[], limit: number): Reply {
  const label = period.charAt(0).toUpperCase() + period.slice(1);
  if (rows.length >= limit) {
    return reply(intent, `${label}, you spent ${moneyText(spending.total)}. There were too many payments in to add up here: your transactions show what came in.`, {
      data: { kind: "spending", spending },
    });
  }
  const currency = spending.total.currency;
  const incoming = rows.filter((t) => t.amount.minor > 0 && !t.transferId && t.amount.currency === currency);
  const cameIn = { minor: incoming.reduce((sum, t) => sum + t.amount.minor, 0), currency };
  const kept = cameIn.minor - spending.total.minor;
  const outcome =
    kept > 0
      ? `so you kept ${moneyText({ minor: kept, currency })}`
      : kept === 0
        ? "so you spent exactly what came in"
        : `so you spent ${moneyText({ minor: -kept, currency })} more than came in`;
  return reply(intent, `${label}, ${moneyText(cameIn)} came into your accounts (your own transfers left out) and you spent ${moneyText(spending.total)}, ${outcome}.`, {
    data: { kind: "spending", spending },
  });
}

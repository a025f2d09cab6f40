// A plain JSON view of the entities of one message, for `npm run nlu:classify` (no saved payees or
// merchants to resolve against, so names are reported as written).

import * as chrono from "chrono-node";
import type { Currency } from "../../money/money";
import { extractAccountRefs, type AccountReference } from "./accounts";
import { amountsMeant, isInvalidAmount } from "./amount";
import { extractDateRange } from "./dates";
import { extractRecipientName } from "./recipient";
import { extractSpendingTarget } from "./spending";
import { spellOutTexting } from "../texting";

export interface EntitySummary {
  amount?: { minor: number; currency: Currency };
  /** Account references in order of mention: "checking" | "savings" | "credit" | { last4 }. */
  accounts: AccountReference[];
  from_account?: AccountReference;
  to_account?: AccountReference;
  recipient?: string;
  /** A past period the message asks about, inclusive ISO dates. */
  dates?: { from: string; to: string };
  /** A day ahead the message names for a payment ("tomorrow", "next friday"), ISO date. */
  date?: string;
  merchant?: string;
  category?: string;
}

const AHEAD = /\b(?:tomorrow|next|every|each|this coming|on (?:the )?\d{1,2}(?:st|nd|rd|th)|on (?:mon|tues|wednes|thurs|fri|satur|sun)day|in \d+ days?)\b/i;

// A question about what already happened ("what did i buy on monday", "transactions on the 5th"):
// its weekday or day of the month is the past one (session 14; both were read as the day ahead).
const PAST = /\b(?:did|was|were|bought|spent|paid|purchased|charged|went|came|transactions?|purchases?|charges?|history|activity|spending|withdr[ae]w\w*)\b/i;
const FUTURE = /\b(?:tomorrow|next|every|each|this coming|schedule\w*|in \d+ days?|will|going to)\b/i;

function dayAhead(text: string, today: string): string | undefined {
  if (!AHEAD.test(text)) return undefined;
  if (PAST.test(text) && !FUTURE.test(text)) return undefined;
  const reference = new Date(`${today}T12:00:00Z`);
  for (const result of chrono.parse(text, { instant: reference, timezone: 0 }, { forwardDate: true })) {
    if (!/[a-z]/i.test(result.text)) continue; // a bare number is an amount, not a date
    const iso = result.start.date().toISOString().slice(0, 10);
    if (iso > today) return iso;
  }
  // "on the 20th": the next such day of a month.
  const nth = /\bon the (\d{1,2})(?:st|nd|rd|th)\b/i.exec(text);
  if (nth && Number(nth[1]) >= 1 && Number(nth[1]) <= 31) {
    const [y, m, d] = today.split("-").map(Number) as [number, number, number];
    const day = Number(nth[1]);
    const when = day > d ? new Date(Date.UTC(y, m - 1, day)) : new Date(Date.UTC(y, m, day));
    return when.toISOString().slice(0, 10);
  }
  // "every friday": the next one.
  const weekday = /\bevery\s+(mon|tues|wednes|thurs|fri|satur|sun)day\b/i.exec(text);
  if (weekday) {
    const target = ["sun", "mon", "tues", "wednes", "thurs", "fri", "satur"].indexOf(weekday[1]!.toLowerCase());
    const d = new Date(`${today}T00:00:00Z`);
    const step = ((target - d.getUTCDay() + 7) % 7) || 7;
    return new Date(d.getTime() + step * 86_400_000).toISOString().slice(0, 10);
  }
  return undefined;
}

export function summarizeEntities(message: string, today: string): EntitySummary {
  // Texting shorthand spelled out, as classify() reads it ("send 20 2 mom").
  const text = spellOutTexting(message);
  const accounts = extractAccountRefs(text);
  const out: EntitySummary = { accounts: accounts.refs };
  if (accounts.from !== undefined) out.from_account = accounts.from;
  if (accounts.to !== undefined) out.to_account = accounts.to;
  const recipient = extractRecipientName(text);
  if (recipient) out.recipient = recipient;
  // A day ahead ("tomorrow", "every friday") first: the past-range reader would take "friday" as last Friday.
  const ahead = dayAhead(text, today);
  const range = ahead ? null : extractDateRange(text, today);
  if (ahead) out.date = ahead;
  if (range) out.dates = { from: range.from, to: range.to };
  // A bare number inside the date phrase ("march 1") is a day, not an amount.
  const amount = amountsMeant(text).find(
    (a) => isInvalidAmount(a) || a.currencySpecified || !(range?.text ?? "").includes(a.text),
  );
  if (amount && !isInvalidAmount(amount)) out.amount = { minor: amount.minor, currency: amount.currency };
  const target = extractSpendingTarget(text);
  if (target?.kind === "merchant") out.merchant = target.merchant;
  if (target?.kind === "category") out.category = target.category;
  return out;
}

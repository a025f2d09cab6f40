// All entities of one message at once, in the shape the dialogue's `Entities` expects.

import type { Currency } from "../../money/money";
import { extractAccountRefs, type AccountReference } from "./accounts";
import { readAmount, type Amount, type InvalidAmount } from "./amount";
import { extractDateRange, type DateRange } from "./dates";
import { matchPayee, secondPayeeNamed, type PayeeLike, type PayeeMatch } from "./payees";
import { extractSchedule, greetingSpans, measureSpans, type ScheduleExtraction } from "./schedule";
import { extractQueryModifiers, type QueryModifiers } from "./query";
import { extractSpendingTarget } from "./spending";
import { spellOutTexting } from "../texting";

export interface EntityContext {
  /** The customer's local calendar date, YYYY-MM-DD. */
  today: string;
  /** Saved payees: the only names a payee can resolve to. */
  payees?: readonly PayeeLike[];
  /** Merchant names seen on the customer's transactions (for canonical spelling). */
  merchants?: readonly string[];
  defaultCurrency?: Currency;
}

export interface ExtractedEntities {
  amount?: Amount | InvalidAmount;
  /** Two different sums said side by side for one request ("send 10 and 20 to Jordan"): the customer must pick one. */
  amountChoices?: [Amount, Amount];
  accountRefs: AccountReference[];
  fromRef?: AccountReference;
  toRef?: AccountReference;
  payee: PayeeMatch<PayeeLike>;
  /** A second saved payee named beside the matched one ("pay Mom 20 and Jake 30"). */
  otherPayee?: PayeeLike;
  dateRange?: DateRange;
  merchant?: string;
  category?: string;
  /** When a money action should happen, and what about its timing cannot be honoured. */
  timing?: Omit<ScheduleExtraction, "spans">;
  /** Counts, superlatives, comparisons, lookups and the message's shape (see query.ts). */
  query: QueryModifiers;
}

export function extractEntities(message: string, context: EntityContext): ExtractedEntities {
  // Texting shorthand spelled out, as classify() reads it ("send 20 2 mom").
  const text = spellOutTexting(message);
  const accounts = extractAccountRefs(text);
  const out: ExtractedEntities = {
    accountRefs: accounts.refs,
    payee: matchPayee(text, context.payees ?? []),
    query: extractQueryModifiers(text, context.today),
  };
  // A greeting ("good morning") is blanked out of what is read for a time or a date.
  const timed = blank(text, greetingSpans(text));
  const timing = extractSchedule(timed, context.today);
  // The 2 of "every 2 weeks" or the 6 of "6 times" is never the amount, nor the two of "two weeks of groceries".
  const amountText = blank(timed, [...(timing?.spans ?? []), ...measureSpans(text)]);
  const amount = readAmount(amountText, context.defaultCurrency ? { defaultCurrency: context.defaultCurrency } : {});
  if (out.payee.status === "matched") {
    const other = secondPayeeNamed(text, context.payees ?? [], out.payee.payee);
    if (other) out.otherPayee = other;
  }
  // explore28: "send 20 to jordan and 30 to sam" read the two names as one ambiguous payee ("More than
  // one of your saved payees fits"): two payees each named as a recipient are two recipients.
  if (out.payee.status === "ambiguous") {
    const { candidates, how } = out.payee;
    for (const first of candidates) {
      const other = secondPayeeNamed(text, context.payees ?? [], first);
      if (other && candidates.some((c) => c.id === other.id)) {
        out.payee = { status: "matched", payee: first, how, needsConfirmation: false };
        out.otherPayee = other;
        break;
      }
    }
  }
  if (amount.amount) out.amount = amount.amount;
  if (amount.choices) out.amountChoices = amount.choices;
  if (accounts.from !== undefined) out.fromRef = accounts.from;
  if (accounts.to !== undefined) out.toRef = accounts.to;
  const dates = extractDateRange(timed, context.today);
  if (dates) out.dateRange = dates;
  const target = extractSpendingTarget(text, context.merchants ?? []);
  if (target?.kind === "category") out.category = target.category;
  if (target?.kind === "merchant") out.merchant = target.merchant;
  if (timing) {
    const { spans: _spans, ...rest } = timing;
    out.timing = rest;
  }
  return out;
}

function blank(text: string, spans: ReadonlyArray<readonly [number, number]>): string {
  let out = text;
  for (const [s, e] of spans) out = out.slice(0, s) + " ".repeat(e - s) + out.slice(e);
  return out;
}

/**
 * The engine's contract for answers from data, questions mid-task and disputes (issue #19):
 * query modifiers the NLU extracts, dispute effects and insights. The dispute task is in types.tasks.ts.
 * Kept beside types.ts so that file stays readable; types.ts re-exports everything here.
 */
import type { DisputeReason, DisputeView } from "../contract/views.js";
import type { TransactionFilter } from "../contract/reply.js";

/** An account named by kind or last four digits (types.understood's AccountRef, declared in the contract). */
type AccountRef = NonNullable<TransactionFilter["account"]>;

/** Declared once in the contract (the NLU extracts them, the dialogue acts on them). */
export type { QueryModifiers } from "../contract/understood.js";

/** What an `open_dispute` effect returns: the case, and whether this call created it. */
export interface DisputeOutcome {
  dispute: DisputeView;
  created: boolean;
}
/** Records a dispute case (unique per customer and transaction). Expected `data`: DisputeOutcome. */
export interface OpenDisputeEffect {
  kind: "open_dispute";
  effectId: string;
  transactionId: string;
  reason: DisputeReason;
}

/** A question answered from the customer's data rather than shown as a list. */
export type Insight =
  | { kind: "superlative"; which: "largest" | "smallest" | "most_frequent_merchant"; purchasesOnly: boolean; period: string; /** Money that came in ("my largest deposit"), not out. */ incoming?: true; /** "my biggest expenses": this many, biggest first. */ several?: number; /** "my biggest bill": among the household's bills only. */ bills?: true }
  /** Loads: the two months, then (with `sameDays`) the whole month's same days as this month so far (flows/compare-months.ts). */
  | { kind: "compare_months"; labels: [string, string]; category?: string; merchant?: string; account?: AccountRef; sameDays?: { current: 0 | 1; label: string } }
  /** The last full months' spending averaged, with this month so far beside it (loads: those months, then this one). */
  | { kind: "average_months"; labels: string[]; category?: string; merchant?: string; account?: AccountRef }
  | { kind: "compare_categories"; categories: [string, string]; period: string }
  | { kind: "lookup"; lookup: "status" | "last" | "next" | "refund"; target: string; faqIntent?: string; /** "next": today on the customer's calendar (YYYY-MM-DD). */ today?: string; /** The period said ("between 1 Nov and 30 Nov"); else the last LOOKUP_DAYS. */ period?: string }
  | { kind: "credit"; fact: "available_credit" | "credit_limit" }
  /** "how much did i save last month": money in less money spent over `period` (its words). */
  | { kind: "saved"; period: string }
  /** A limit asked of a named card (loads: cards, then accounts): a debit card has none (flows/card-limit.ts). */
  | { kind: "card_limit"; last4?: string; brand?: string; debit: boolean }
  /** "do i have enough to pay my card off" (loads: accounts; flows/card-afford.ts). */
  | { kind: "card_afford"; from?: "checking" | "savings" }
  /** Loads: accounts, then the bill's payments (flows/bill-afford.ts). */
  | { kind: "bill_afford"; bill: string }
  /** "can i increase my limit" (loads: accounts): with a credit card, which limit is asked (flows/card-limit.ts). */
  | { kind: "which_limit" }
  /** "what did i just send" with nothing sent here (loads: the latest transfers out; flows/what-sent.ts). */
  | { kind: "latest_sent" };

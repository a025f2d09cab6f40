/**
 * The engine's contract for answers from data, questions mid-task and disputes (issue #19):
 * query modifiers the NLU extracts, dispute views and effects, insight and dispute task state.
 * Kept beside types.ts so that file stays readable; types.ts re-exports everything here.
 */
import type { Money } from "../common/money.js";
import type { Entities, IntentTag } from "./types.js";

/** Mirrors packages/nlu/entities/query.ts (the DO maps one into the other). */
export interface QueryModifiers {
  count?: number;
  superlative?: "largest" | "smallest" | "most_frequent_merchant";
  compare?: {
    months?: [{ from: string; to: string; label: string }, { from: string; to: string; label: string }];
    categories?: [string, string];
  };
  lookup?: { kind: "status" | "last"; target: string };
  amountAll?: boolean;
  creditFact?: "available_credit" | "credit_limit";
  question?: boolean;
  cancel?: boolean;
  correction?: boolean;
  choice?: number;
  dispute?: "open" | "list";
  disputeReason?: DisputeReason;
  chargeRef?: boolean;
  chargeMerchant?: string;
}

export type DisputeReason = "unrecognised" | "duplicate" | "other";

export interface DisputeView {
  id: string;
  reference: string;
  transactionId: string;
  reason: DisputeReason;
  status: "open" | "under_review" | "resolved" | "rejected";
  createdAt: string;
  merchant: string;
  amount: Money;
  postedAt: string;
}

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
  | { kind: "superlative"; which: "largest" | "smallest" | "most_frequent_merchant"; purchasesOnly: boolean; period: string }
  | { kind: "compare_months"; labels: [string, string]; category?: string }
  | { kind: "compare_categories"; categories: [string, string]; period: string }
  | { kind: "lookup"; lookup: "status" | "last"; target: string; faqIntent?: string }
  | { kind: "credit"; fact: "available_credit" | "credit_limit" };

/** A charge being disputed: candidates are found, one is picked, the case is recorded. */
export interface DisputeTask {
  kind: "dispute";
  intent: IntentTag;
  reason: DisputeReason;
  merchant?: string;
  waitingFor: string | null;
  candidates: Array<{ id: string; merchant: string; amount: Money; postedAt: string; status: "posted" | "pending"; accountId?: string }>;
  /** Disputes never need a confirmation (nothing moves); kept so every action task has the field. */
  confirmation: null;
  switchTo?: { intent: IntentTag; entities: Entities } | null;
}

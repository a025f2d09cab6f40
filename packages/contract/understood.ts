// What the NLU reads from a message beyond its intent and the dialogue acts on: query modifiers
// (packages/nlu/entities/query.ts extracts them) and why said timing cannot be honoured
// (entities/schedule.ts). Declared once here since they cross from the NLU to the dialogue, which
// import neither each other (nlu8; each side declared its own copy before).

import type { DisputeReason } from "./views";

export type Superlative = "largest" | "smallest" | "most_frequent_merchant";

export interface MonthRange {
  from: string;
  to: string;
  /** "September 2026", for the answer. */
  label: string;
}

export interface QueryModifiers {
  /** "last 3 transactions" → 3. */
  count?: number;
  superlative?: Superlative;
  /** Two periods or two categories to set side by side. */
  compare?: { months?: [MonthRange, MonthRange]; categories?: [string, string] };
  /** A payment looked up by name: did it go through / when was it last paid / did its refund come in. */
  lookup?: { kind: "status" | "last" | "next" | "refund"; target: string };
  /** "everything", "all of it", "all my savings" as a transfer amount. */
  amountAll?: boolean;
  /** "half my savings", "half of what's in checking": half the source account's available balance. */
  amountHalf?: boolean;
  /** "20% of my savings": that share (1–100) of the source account's available balance. */
  amountPercent?: number;
  /** "half that", "double it": the amount given so far, halved or doubled (a correction). */
  amountScale?: 0.5 | 2;
  /** "pay the minimum (payment)": a card payment of its newest statement's minimum. */
  minimumPayment?: boolean;
  /** "pay off my full statement balance", "the statement balance": a card payment of its newest statement's balance. */
  statementBalance?: boolean;
  /** "available credit", "credit limit". */
  creditFact?: "available_credit" | "credit_limit";
  /** The message asks something (rather than answering or instructing). */
  question?: boolean;
  /** "cancel", "never mind", "stop", "forget it". */
  cancel?: boolean;
  /** "actually …", "make it …", "change it to …". */
  correction?: boolean;
  /** A pick from a numbered list: "2", "the second one", "charge 3". 1-based. */
  choice?: number;
  /** "dispute …" / "my disputes". */
  dispute?: "open" | "list";
  /** Why a charge is questioned. */
  disputeReason?: DisputeReason;
  /** The message points at a particular charge ("this charge", "the Amazon payment", "charged twice"), not at charges in general ("a payment"). */
  chargeRef?: boolean;
  /** The merchant a questioned charge names: "the Amazon charge", "a charge from Amazon". */
  chargeMerchant?: string;
  /** The whole message asks about Teller itself: "what can you do?", "who are you?", "help". */
  aboutTeller?: boolean;
  /** "my pending transactions", "what's still pending": only transactions not yet posted. */
  pending?: boolean;
  /** "my deposits", "did my paycheck come in": only money that came in. */
  incoming?: boolean;
  /** "money out", "outgoing payments", or a spending total narrowed ("only the ones over 50"): only money that went out. */
  outgoing?: boolean;
  /** "my average monthly spending", "how much do i spend a month", "more than usual": a month's typical spending. */
  average?: boolean;
  /** "transactions over $50", "the ones under 20": how the amount said bounds a transaction's size. */
  amountBound?: AmountBoundOp;
}

/** `exactly`: one charge's own figure ("whats that 61.63 from tuesday", explore25). */
export type AmountBoundOp = "over" | "at_least" | "under" | "at_most" | "exactly";

export type TimingProblemReason =
  | "time_of_day"
  | "past_date"
  | "too_far"
  | "unsupported_repeat"
  | "unclear_date"
  | "bad_end";

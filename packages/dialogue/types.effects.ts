/**
 * The engine's effects: what the ChatSession DO executes for the dialogue, in order, feeding each
 * result back, and what those results hold. Kept beside types.ts so that file stays readable;
 * types.ts re-exports everything here.
 */
import type { Money } from "../money/money.js";
import type { ScheduleSpec } from "../money/schedule.js";
import type { TransactionFilter } from "../contract/reply.js";
import type { OpenDisputeEffect } from "./types.answers.js";

// ─── Views of the customer's data (what load effects return as `data`) ─────────────────────────

/** What a successful `transfer` effect returns. */
export interface TransferOutcome {
  transferId: string;
  status: "posted" | "pending";
}

// ─── Effects (the DO executes them in order and feeds each result back) ───────────────────────

export interface SpendingQuery {
  from: string;
  to: string;
  category?: string;
  /** "how much did I spend at Sakura Sushi": merchants whose name contains it. */
  merchant?: string;
  /** "what did I spend from checking": money out of that account only. */
  account?: TransactionFilter["account"];
}

/** Expected `data`: accounts → AccountView[], payees → PayeeView[], cards → CardView[]. */
export type LoadEffect =
  | { kind: "load"; effectId: string; what: "accounts" | "payees" | "cards" }
  /** Expected `data`: TransactionView[], newest first. */
  | { kind: "load"; effectId: string; what: "transactions"; query: TransactionFilter }
  /** Expected `data`: SpendingView. */
  | { kind: "load"; effectId: string; what: "spending"; query: SpendingQuery }
  /** Expected `data`: AccountNumbersView[]; full numbers only when `reveal`. */
  | { kind: "load"; effectId: string; what: "account_numbers"; reveal: boolean }
  /** Expected `data`: InterestRateView[], RewardsView[], CreditStatementView[] or TransferLimitsView[]. */
  | { kind: "load"; effectId: string; what: "interest_rates" | "rewards" | "transfer_limits" }
  /** The newest statement per credit card; with `history`, past ones too ("my october statement"). */
  | { kind: "load"; effectId: string; what: "credit_statements"; history?: boolean }
  /** Expected `data`: ScheduledTransferView[] (active ones). */
  | { kind: "load"; effectId: string; what: "schedules" }
  /** Expected `data`: DisputeView[], newest first. */
  | { kind: "load"; effectId: string; what: "disputes" };

/** Expected `data`: TransferOutcome. The ledger must dedupe on (customer, idempotencyKey). */
export interface TransferEffect {
  kind: "transfer";
  effectId: string;
  idempotencyKey: string;
  fromAccountId: string;
  to: { accountId: string } | { payeeId: string };
  amount: Money;
  memo?: string;
  /**
   * Past the execution deadline: only look the idempotency key up (posted → the transfer; not
   * posted → `cancelled`), never move money.
   */
  lookupOnly?: true;
}

/**
 * Stores a scheduled/recurring transfer (no money moves now). Expected `data`: ScheduledTransferView.
 * The store must dedupe on (customer, idempotencyKey).
 */
export interface ScheduleTransferEffect {
  kind: "schedule_transfer";
  effectId: string;
  idempotencyKey: string;
  /** The confirmation the customer accepted, kept with the schedule. */
  confirmationId: string;
  fromAccountId: string;
  to: { accountId: string } | { payeeId: string };
  amount: Money;
  schedule: ScheduleSpec;
}

/** Expected `data`: the cancelled ScheduledTransferView. Cancelling twice is harmless. */
export interface CancelScheduleEffect {
  kind: "cancel_schedule";
  effectId: string;
  scheduleId: string;
}

/** Expected `data`: the updated CardView. */
export interface SetCardStatusEffect {
  kind: "set_card_status";
  effectId: string;
  cardId: string;
  status: "active" | "frozen";
  idempotencyKey: string;
  /** Past the execution deadline: only read the card (already in `status` → done, else `cancelled`). */
  lookupOnly?: true;
}

export type HandoffReason = "customer_request" | "repeated_fallback" | "fraud_risk" | "fraud";

/** Fire and forget: the DO puts it on the queue; its result is not needed. */
export interface HandoffEffect {
  kind: "handoff";
  effectId: string;
  reason: HandoffReason;
  /** The intent that triggered it, for the agent's context. */
  intent: string;
  messageId: string;
}

/**
 * "never mind" while waiting for a person: the hand-off leaves the staff queue, unless someone from
 * the bank already took it. Expected `data`: { status: "withdrawn" | "taken" | "none" }.
 */
export interface WithdrawHandoffEffect {
  kind: "withdraw_handoff";
  effectId: string;
}

export type MoneyEffect = TransferEffect | SetCardStatusEffect | ScheduleTransferEffect;
export type Effect = LoadEffect | MoneyEffect | HandoffEffect | WithdrawHandoffEffect | CancelScheduleEffect | OpenDisputeEffect;

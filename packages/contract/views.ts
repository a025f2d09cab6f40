import type { Currency, Money } from "../money/money.js";
import type { ScheduleSpec } from "../money/schedule.js";

/**
 * The views of a customer's data, declared once: what the banking domain returns (plain,
 * serialisable data that crosses Workers RPC, money in integer minor units), what the REST
 * layer renders (Money as decimal strings) and what a chat reply carries (./reply.ts).
 */

export type AccountType = "checking" | "savings" | "credit";

export interface AccountView {
  id: string;
  name: string;
  type: AccountType;
  /** Last four digits of the account number. */
  mask: string;
  currency: Currency;
  /** Negative only for a credit card: what is owed. */
  balance: Money;
  /** What can be spent or moved now: the balance, plus the credit limit for a credit card. */
  available: Money;
  /** Credit cards only; null otherwise. */
  creditLimit: Money | null;
}

export type CardStatus = "active" | "frozen";

export interface CardView {
  id: string;
  accountId: string;
  /** The only part of the card number that is ever stored or shown. */
  last4: string;
  brand: string;
  status: CardStatus;
  /** Printed expiry; null when the bank has none on record for the card. */
  expiry: { month: number; year: number } | null;
  /** What it draws on: a credit account (credit) or the customer's own money (debit); absent when not read. */
  kind?: "debit" | "credit";
}

export interface PayeeView {
  id: string;
  name: string;
  /** Last four digits of the payee's account. */
  mask: string;
  currency: Currency;
  /** A person one pays, or a biller (a utility, a landlord): only billers are offered as bills. */
  kind: PayeeKind;
}

export type PayeeKind = "person" | "biller";

export interface TransactionView {
  id: string;
  accountId: string;
  /** ISO 8601, millisecond precision. */
  postedAt: string;
  merchant: string;
  category: string;
  /** Negative for money out. */
  amount: Money;
  status: "posted" | "pending";
  /** Set when the transaction is one side of a customer transfer. */
  transferId: string | null;
}

export interface Page<T> {
  items: T[];
  /** Opaque; pass it back for the next (older) page. Null on the last page. */
  nextCursor: string | null;
}

export interface TransactionQuery {
  /** One account (the REST route) or all of the customer's accounts (the dialogue). */
  accountId?: string;
  cursor?: string;
  /** 1–100, default 20. */
  limit?: number;
  /** Matches merchant or category, case-insensitively. */
  q?: string;
  /** ISO date ("2026-01-31", from the start of that day, UTC) or date-time; inclusive. */
  from?: string;
  /** ISO date (to the end of that day, UTC) or date-time; inclusive. */
  to?: string;
  /** Only the customer's accounts of this kind (the dialogue's "my savings transactions"). */
  accountType?: "checking" | "savings" | "credit";
  /** Only the customer's account whose number ends in these four digits. */
  accountMask?: string;
  /** Only transactions at least this large, in or out (minor units, inclusive). */
  minAmount?: number;
  /** Only transactions at most this large, in or out (minor units, inclusive). */
  maxAmount?: number;
  /** Only money in (amount above 0) or only money out (below 0). */
  direction?: "in" | "out";
}

export type TransferDestination = { accountId: string } | { payeeId: string };

export interface TransferRequest {
  /** 8–128 visible ASCII characters, unique per customer: the same key never moves money twice. */
  idempotencyKey: string;
  fromAccountId: string;
  to: TransferDestination;
  amount: Money;
  /** Up to 140 characters; shown to the customer, never interpreted. */
  memo?: string | null;
}

export interface TransferView {
  id: string;
  status: "posted";
  fromAccountId: string;
  to: TransferDestination;
  amount: Money;
  memo: string | null;
  createdAt: string;
}

export interface TransferResult {
  transfer: TransferView;
  /** True when this answer is the stored result of an earlier request with the same key. */
  replayed: boolean;
}

export interface SpendingQuery {
  from: string;
  to: string;
  category?: string;
  /** Only money out at merchants whose name contains this (case-insensitive), e.g. "Sakura Sushi". */
  merchant?: string;
  /** Only money out of the customer's accounts of this kind ("what did I spend from checking"). */
  accountType?: "checking" | "savings" | "credit";
  /** Only money out of the customer's account whose number ends in these four digits. */
  accountMask?: string;
}

export interface SpendingView {
  from: string;
  to: string;
  total: Money;
  byCategory: Array<{ category: string; total: Money }>;
  /**
   * The merchant's name as booked, when the query named a merchant and every payment matched carries
   * that one name ("ridenow" → "RideNow"): the answer names it as the customer's statement does.
   */
  merchant?: string;
  /** How many payments make up `total` ("how many times did i eat out"); absent from an older server. */
  payments?: number;
}

/** An account's number and routing number. The full number is present only when it was asked for. */
export interface AccountNumbersView {
  accountId: string;
  name: string;
  type: AccountType;
  mask: string;
  /** The full account number, or null when masked (the default). */
  accountNumber: string | null;
  /** The bank's ABA routing number for a deposit account (public, printed on every check); null for a card. */
  routingNumber: string | null;
}

export interface InterestRateView {
  accountId: string;
  name: string;
  type: AccountType;
  mask: string;
  /** Annual rate in basis points (425 = 4.25%). */
  annualRateBps: number;
  /** APY for money held (checking, savings); purchase APR for a credit card. */
  kind: "apy" | "apr";
}

export interface RewardsView {
  accountId: string;
  name: string;
  mask: string;
  points: number;
}

/**
 * The transfer limits in one currency the customer holds, and what today's transfers used of the
 * daily one (today is the UTC day; every transfer counts: to own accounts, payees, bills, schedules).
 */
export interface TransferLimitsView {
  perTransfer: Money;
  daily: Money;
  sentToday: Money;
}

/** The newest statement of one credit card, with what is owed on it now. */
export interface CreditStatementView {
  accountId: string;
  name: string;
  mask: string;
  /** ISO dates (YYYY-MM-DD). */
  periodStart: string;
  periodEnd: string;
  dueDate: string;
  statementBalance: Money;
  minimumPayment: Money;
  /** What is owed today (a positive amount), which can differ from the statement balance. */
  currentBalance: Money;
}

export type ScheduleStatus = "active" | "completed" | "cancelled" | "failed";

/** A scheduled or recurring transfer, as listed. */
export interface ScheduledTransferView {
  id: string;
  fromAccount: { id: string; name: string; mask: string };
  /** `bill`: it pays a biller or the customer's own credit card (said as paid, not sent). */
  to: { kind: "account" | "payee"; id: string; name: string; mask?: string; bill?: true };
  amount: Money;
  schedule: ScheduleSpec;
  status: ScheduleStatus;
  /** The next occurrence's date while active, else null. */
  nextRunDate: string | null;
  /** Occurrences already run (sent or failed). */
  runsDone: number;
  confirmationId: string | null;
  createdAt: string;
}

export type DisputeReason = "unrecognised" | "duplicate" | "other";
export type DisputeStatus = "open" | "under_review" | "resolved" | "rejected";

export interface DisputeView {
  id: string;
  reference: string;
  transactionId: string;
  reason: DisputeReason;
  status: DisputeStatus;
  createdAt: string;
  merchant: string;
  amount: Money;
  postedAt: string;
}

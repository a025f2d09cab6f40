/**
 * The conversation engine's contract: what the ChatSession DO feeds in (events), what it gets back
 * (state, replies, effects) and the views of the customer's data that effects return.
 * Everything here is plain JSON: the DO stores the state in SQLite and effects travel as they are.
 */
import type { Currency, Money } from "../common/money.js";
import type { DisputeTask, DisputeView, Insight, OpenDisputeEffect, QueryModifiers } from "./types.answers.js";

export type * from "./types.answers.js";

export type { Money, Currency };

// ─── What the NLU understood (the DO maps the NLU package's output into this) ─────────────────

export type AccountType = "checking" | "savings" | "credit";
/** How a customer names one of their accounts: by kind or by the last four digits. */
export type AccountRef = AccountType | { last4: string };
export type InvalidAmount = { invalid: "negative" | "too_large" | "format" };

export interface Entities {
  amount?: Money | InvalidAmount;
  /** Accounts mentioned, in the order they were mentioned. */
  accountRefs: AccountRef[];
  /** Set when the text marked a role ("from savings", "to ••1234"); otherwise refs fill slots in order. */
  fromRef?: AccountRef;
  toRef?: AccountRef;
  payeeName?: string;
  /** ISO dates (YYYY-MM-DD), inclusive. */
  dateRange?: { from: string; to: string };
  merchant?: string;
  category?: string;
  yes?: boolean;
  no?: boolean;
  /** What the question asks of the data and the message's shape (counts, lookups, cancel…). */
  query?: QueryModifiers;
}

export interface Understanding {
  intent: string;
  confidence: number;
  entities: Entities;
}

// ─── Events ──────────────────────────────────────────────────────────────────────────────────

export interface MessageEvent {
  type: "message";
  messageId: string;
  /** Already-understood text; the engine never interprets it as instructions. */
  text: string;
  /** Epoch milliseconds, from the runner's clock. */
  now: number;
  /** A fresh uuid for anything this step creates (effect ids, confirmation ids). */
  newId: string;
  understanding: Understanding;
  /** Sent by the web app's Yes/No buttons. */
  confirmation?: { id: string; answer: "yes" | "no" };
}

export type EffectErrorCode =
  | "unavailable"
  | "insufficient_funds"
  | "limit_exceeded"
  | "daily_limit_exceeded"
  | "not_found"
  | "invalid"
  | "conflict";

export type EffectResult =
  | { ok: true; data: unknown }
  | { ok: false; error: { code: EffectErrorCode; message?: string } };

export interface EffectResultEvent {
  type: "effect_result";
  effectId: string;
  now: number;
  newId: string;
  result: EffectResult;
}

export type EngineEvent = MessageEvent | EffectResultEvent;

// ─── Views of the customer's data (what load effects return as `data`) ─────────────────────────

export interface AccountView {
  id: string;
  name: string;
  type: AccountType;
  /** Last four digits of the account number. */
  mask: string;
  balance: Money;
  available?: Money;
}

export interface PayeeView {
  id: string;
  name: string;
  mask?: string;
}

export interface CardView {
  id: string;
  accountId: string;
  last4: string;
  status: "active" | "frozen";
  brand?: string;
}

export interface TransactionView {
  id: string;
  /** ISO timestamp. */
  postedAt: string;
  merchant: string;
  category: string;
  /** Negative for money out. */
  amount: Money;
  status: "posted" | "pending";
  accountId?: string;
}

export interface SpendingView {
  from: string;
  to: string;
  total: Money;
  byCategory: Array<{ category: string; total: Money }>;
}

/** What a successful `transfer` effect returns. */
export interface TransferOutcome {
  transferId: string;
  status: "posted" | "pending";
}

// ─── Effects (the DO executes them in order and feeds each result back) ───────────────────────

export interface TransactionQuery {
  from?: string;
  to?: string;
  merchant?: string;
  category?: string;
  limit: number;
}

export interface SpendingQuery {
  from: string;
  to: string;
  category?: string;
}

/** Expected `data`: accounts → AccountView[], payees → PayeeView[], cards → CardView[]. */
export type LoadEffect =
  | { kind: "load"; effectId: string; what: "accounts" | "payees" | "cards" }
  /** Expected `data`: TransactionView[], newest first. */
  | { kind: "load"; effectId: string; what: "transactions"; query: TransactionQuery }
  /** Expected `data`: SpendingView. */
  | { kind: "load"; effectId: string; what: "spending"; query: SpendingQuery }
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
}

/** Expected `data`: the updated CardView. */
export interface SetCardStatusEffect {
  kind: "set_card_status";
  effectId: string;
  cardId: string;
  status: "active" | "frozen";
  idempotencyKey: string;
}

export type HandoffReason = "customer_request" | "repeated_fallback" | "fraud_risk";

/** Fire and forget: the DO puts it on the queue; its result is not needed. */
export interface HandoffEffect {
  kind: "handoff";
  effectId: string;
  reason: HandoffReason;
  /** The intent that triggered it, for the agent's context. */
  intent: string;
  messageId: string;
}

export type MoneyEffect = TransferEffect | SetCardStatusEffect;
export type Effect = LoadEffect | MoneyEffect | HandoffEffect | OpenDisputeEffect;

// ─── Replies ───────────────────────────────────────────────────────────────────────────────────

export type Action =
  /** A quick reply: the app sends `text` as if the customer typed it. */
  | { type: "reply"; label: string; text: string }
  | { type: "confirm"; confirmationId: string; answer: "yes" | "no"; label: string };

export interface TransferReceipt {
  kind: "transfer_receipt";
  transferId: string;
  status: "posted" | "pending";
  amount: Money;
  from: { name: string; mask: string };
  to: { name: string; mask?: string };
}

export type RichData =
  | { kind: "accounts"; accounts: AccountView[] }
  | { kind: "transactions"; transactions: TransactionView[]; query: TransactionQuery }
  | { kind: "spending"; spending: SpendingView }
  | { kind: "payees"; payees: PayeeView[] }
  | { kind: "cards"; cards: CardView[] }
  | { kind: "disputes"; disputes: DisputeView[] }
  | TransferReceipt;

export interface Reply {
  text: string;
  intent: { name: string; confidence: number };
  actions: Action[];
  data?: RichData;
  confirmation?: { id: string; summary: string; expiresAt: number };
}

export interface StepResult {
  state: DialogueState;
  replies: Reply[];
  effects: Effect[];
}

// ─── State (JSON, bounded: only what the dialogue needs) ──────────────────────────────────────

export interface IntentTag {
  name: string;
  confidence: number;
}

/** The minimum kept about an account while a transfer is being set up. */
export interface AccountOption {
  id: string;
  name: string;
  type: AccountType;
  mask: string;
  currency: Currency;
  /** Minor units the customer can spend now, when known; the ledger still has the last word. */
  availableMinor?: number;
}

export interface PayeeOption {
  id: string;
  name: string;
  mask?: string;
}

export interface CardOption {
  id: string;
  last4: string;
  status: "active" | "frozen";
  brand?: string;
}

export type Destination = { accountId: string } | { payeeId: string };

export interface PendingConfirmation {
  id: string;
  summary: string;
  expiresAt: number;
}

export type TransferSlot = "amount" | "from" | "to";

export interface TransferTask {
  kind: "transfer";
  intent: IntentTag;
  /** Load effects still outstanding (accounts, payees); slots resolve only once both arrived. */
  waitingFor: string[];
  /** What the customer said before the data arrived, applied once it has. */
  unresolved: Entities[];
  accounts: AccountOption[] | null;
  payees: PayeeOption[] | null;
  amount?: Money;
  from?: string;
  to?: Destination;
  /** The slot the last question asked for, so a bare "30" or "savings" fills it. */
  asking: TransferSlot | null;
  confirmation: PendingConfirmation | null;
  /** "Everything": the amount is the source account's available balance, once it is known. */
  amountAll?: boolean;
  /** Another money request arrived meanwhile; the customer was asked whether to drop this task. */
  switchTo?: { intent: IntentTag; entities: Entities } | null;
}

export interface CardTask {
  kind: "card";
  intent: IntentTag;
  target: "active" | "frozen";
  waitingFor: string | null;
  /** last4 the customer named, if any. */
  last4?: string;
  /** Cards that could be meant (loaded, capped); one is picked before acting. */
  choices: CardOption[];
  chosen: CardOption | null;
  confirmation: PendingConfirmation | null;
  switchTo?: { intent: IntentTag; entities: Entities } | null;
}

export type LookupWhat = "balance" | "transactions" | "spending" | "payees" | "disputes";

export interface LookupTask {
  kind: "lookup";
  intent: IntentTag;
  what: LookupWhat;
  waitingFor: string;
  /** Balance of the accounts named, or all when empty. */
  accountRefs: AccountRef[];
  transactionQuery?: TransactionQuery;
  /** Set when the answer is computed from the data (see flows/insights.ts). */
  insight?: Insight;
  /** Results gathered so far, for insights that need more than one load. */
  gathered?: unknown[];
  /** Effects still outstanding, for insights that need more than one load. */
  waitingForMore?: string[];
}

export type Task = TransferTask | CardTask | LookupTask | DisputeTask;

/** A confirmed transfer/card change whose effect was handed to the DO and has no result yet. */
export interface Execution {
  /** The confirmation id (or, for an immediate freeze, the action id) the key derives from. */
  id: string;
  intent: IntentTag;
  effect: MoneyEffect;
  /** How many times the effect was emitted (first run + resumes); bounds retries. */
  attempts: number;
  startedAt: number;
  /** Labels for the receipt, captured from the loaded data when it was confirmed. */
  receipt:
    | {
        kind: "transfer";
        from: { name: string; mask: string };
        to: { name: string; mask?: string };
        /** How the destination was shown in the confirmation. */
        toLabel: string;
      }
    | { kind: "card"; card: CardOption };
}

export type SettledOutcome = "done" | "cancelled" | "expired" | "replaced" | "failed" | "unknown";

export interface SettledConfirmation {
  id: string;
  outcome: SettledOutcome;
  at: number;
}

export interface DialogueState {
  version: 1;
  task: Task | null;
  executing: Execution | null;
  consecutiveFallbacks: number;
  handoff: { reason: HandoffReason; at: number } | null;
  /** Most recent last; capped so a repeated or late "yes" is answered without acting. */
  settled: SettledConfirmation[];
  /** A task set aside while a question asked in its middle is answered; it resumes afterwards. */
  paused?: TransferTask | CardTask | DisputeTask | null;
}

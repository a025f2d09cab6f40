/**
 * The conversation engine's contract: what the ChatSession DO feeds in (events), what it gets back
 * (state, replies, effects) and the views of the customer's data that effects return.
 * Everything here is plain JSON: the DO stores the state in SQLite and effects travel as they are.
 */
import type { Currency, Money } from "../money/money.js";
import type { ScheduleSpec } from "../money/schedule.js";
import type { DisputeReason } from "../contract/views.js";
import type { HandoffReason, MoneyEffect, Effect } from "./types.effects.js";
import type { IntentTag, Understanding } from "./types.understood.js";
import type { LastBill, LastFact, LastNumbers, LastRead } from "./types.recall.js";
import type { CardOption, ChargeHints, CardTask, Destination, DisputeTask, Task, TransferTask } from "./types.tasks.js";
import type { CardShown as CardView, TransactionShown } from "../contract/reply.js";

export type * from "./types.answers.js";
export type * from "./types.effects.js";
export type * from "./types.understood.js";
export type * from "./types.recall.js";
export type * from "./types.tasks.js";

export type { Money, Currency, ScheduleSpec };
/** Views and replies cross the wire: they are the contract's (packages/contract), read leniently here. */
export type {
  AccountShown as AccountView,
  CardShown as CardView,
  PayeeShown as PayeeView,
  TransactionShown as TransactionView,
  ScheduledTransferShown as ScheduledTransferView,
  TransactionFilter,
  Action,
  TransferReceipt,
  RichData,
  Reply,
  PendingConfirmation,
} from "../contract/reply.js";
export type {
  SpendingView,
  AccountNumbersView,
  InterestRateView,
  RewardsView,
  CreditStatementView,
  TransferLimitsView,
  DisputeView,
  DisputeReason,
} from "../contract/views.js";
import type { Reply } from "../contract/reply.js";

/**
 * The bank's configuration the dialogue speaks of, passed in by the chat session with each message:
 * the engine reads no environment, so a figure it says is never one written in the code.
 */
export interface DialogueSettings {
  /** Days a transcript is kept (TRANSCRIPT_RETENTION_DAYS, validated by the session). */
  transcriptRetentionDays: number;
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
  /** What the bank configured that the dialogue tells customers (the chat session passes it). */
  settings: DialogueSettings;
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
  | "conflict"
  /** A lookup past the deadline found nothing applied: the action is called off, never run again. */
  | "cancelled";

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

// ─── Replies ───────────────────────────────────────────────────────────────────────────────────

export interface StepResult {
  state: DialogueState;
  replies: Reply[];
  effects: Effect[];
}

// ─── State (JSON, bounded: only what the dialogue needs) ──────────────────────────────────────


/** A payment to the customer's own credit card, or a bill paid to a payee. */
export type PaymentKind = "card" | "bill";

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
        /**
         * A bill or the customer's own card was paid: the result says "paid", not "sent". `true`
         * only in executions persisted before the kind was recorded (read as a bill).
         */
        payment?: PaymentKind | true;
        /** Another of the customer's accounts could send the amount (as loaded when confirmed). */
        otherSource?: true;
      }
    | { kind: "card"; card: CardOption };
  /** Every card at once (flows/card-batch.ts): `effect` and `receipt` are the current card's. */
  batch?: CardBatch;
  /** The balances asked for after it ("… and then show me my balance"): read once it is settled. */
  balanceAfter?: true;
}

/** A freeze of every card, one card at a time, each under its own idempotency key. */
export interface CardBatch {
  /** Cards still to change after the current one, in order. */
  rest: CardOption[];
  done: CardOption[];
  failed: CardOption[];
  already: CardOption[];
  /** The changed cards as the bank returned them, for the receipt's table. */
  views: CardView[];
}

export type SettledOutcome = "done" | "cancelled" | "expired" | "replaced" | "failed" | "unknown";

export interface SettledConfirmation {
  id: string;
  outcome: SettledOutcome;
  at: number;
  /** The schedule a confirmed scheduled transfer stored: "cancel it" right after offers to cancel that one. */
  scheduleId?: string;
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
  /** Epoch ms of the customer's latest message (absent in state saved before it was kept). */
  lastMessageAt?: number;
  /** A Yes/No offer made with a written answer ("open a dispute for it?"), for the next message only. */
  offer?: DisputeOffer | null;
  /**
   * Replies to the rest of a message whose first part confirmed a money action ("yes and thanks"):
   * shown once that action's receipt (or failure) is, never before it.
   */
  afterExecution?: Reply[] | null;
  /** The transfer the engine last sent (flows/after-sent.ts): what "same again" and "undo that" mean. */
  lastSent?: SentTransfer | null;
  /** The card the engine last froze or unfroze: what "is it frozen now?" asks about (flows/bank-facts.ts). */
  lastCard?: { last4: string; at: number; /** What it was set to (absent in state saved before it was kept). */ status?: "active" | "frozen" } | null;
  /** A card's trouble answered last (lost, damaged, frozen…): what "how do i get a new one" follows (flows/new-card.ts). */
  lastCardTopic?: { at: number; /** Which trouble (absent in state saved before it was kept): "why" follows a declined card (flows/why-declined.ts). */ intent?: string } | null;
  /** The balance, transactions or spending question answered last (flows/read-follow-up.ts). */
  lastRead?: LastRead | null;
  /** The accounts whose masked numbers were shown last: what "show me the full number" reveals. */
  lastNumbers?: LastNumbers | null;
  /** The account or card fact answered last (flows/fact-follow-up.ts). */
  lastFact?: LastFact | null;
  /** The bill asked about by kind last (flows/bill-just-read.ts). */
  lastBill?: LastBill | null;
  /** Disputes shown or one opened last: what "any update?" asks about (flows/dispute-follow-up.ts). */
  lastDisputes?: { at: number; reference?: string } | null;
  /** The list of transactions shown last (its first rows): what "the second one" picks (flows/list-pick.ts). */
  lastList?: { at: number; rows: TransactionShown[] } | null;
  /** The one transaction an answer showed on its own, in or out: what "how much was it" asks about (flows/one-shown.ts). */
  lastOne?: { at: number; row: TransactionShown } | null;
}

/** A transfer that was done, as "same again" or "undo that" needs it; never executed from here. */
export interface SentTransfer {
  /** The confirmation it was sent under; a repeat gets a confirmation (and key) of its own. */
  id: string;
  at: number;
  intent: IntentTag;
  fromAccountId: string;
  to: Destination;
  amount: Money;
  /** How the destination was shown in its confirmation. */
  toLabel: string;
  payment?: PaymentKind | true;
}

export interface DisputeOffer {
  kind: "dispute";
  reason: DisputeReason;
  /** What the message said of the charge ("a charge of 12.99"): a "yes" lists the charges that fit it. */
  hints?: ChargeHints;
  /** The merchant whose charges were just listed ("I can't see … charging you twice"): "the 79.84 one" picks from them. */
  merchant?: string;
  /** Epoch ms when it was made; a late "yes" is no longer an answer to it. */
  at: number;
}

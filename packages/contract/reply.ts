import type { Money } from "../money/money.js";
import type { AmountBoundOp } from "./understood.js";
import type {
  AccountView,
  CardView,
  DisputeView,
  PayeeView,
  ScheduledTransferView,
  SpendingView,
  TransactionView,
} from "./views.js";

/**
 * A chat reply as it crosses the wire (HTTP, WebSocket, the web app), with the views it may
 * carry. The conversation reads the bank's views leniently — a field it never shows may be
 * absent — so a reply's views are the bank's views with those fields optional, derived here
 * rather than declared a second time.
 */
type Lenient<T, Optional extends keyof T> = Omit<T, Optional> & Partial<Pick<T, Optional>>;

export type AccountShown = Lenient<AccountView, "currency" | "available" | "creditLimit">;
export type CardShown = Lenient<CardView, "brand" | "expiry">;
export type PayeeShown = Lenient<PayeeView, "mask" | "currency" | "kind">;
export type TransactionShown = Lenient<TransactionView, "accountId" | "transferId">;
export type ScheduledTransferShown = Lenient<ScheduledTransferView, "runsDone" | "confirmationId" | "createdAt">;

/** The filter a transactions answer was read with (merchant, category, dates, how many). */
export interface TransactionFilter {
  from?: string;
  to?: string;
  merchant?: string;
  category?: string;
  /** Only transactions not yet posted ("my pending transactions"), among the `limit` most recent. */
  status?: "pending";
  /** "in": only money that came in from outside (salary, refunds, deposits; not the customer's own transfers); "out": only money that went out; among the `limit` most recent. */
  direction?: "in" | "out";
  /** Only transactions of one of the customer's accounts: a kind of account or its last four digits. */
  account?: "checking" | "savings" | "credit" | { last4: string };
  /** Only transactions whose size (in or out, minor units) is beyond a bound: "over $50". */
  amount?: Money & { op: AmountBoundOp };
  limit: number;
}

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
  | { kind: "accounts"; accounts: AccountShown[] }
  | { kind: "transactions"; transactions: TransactionShown[]; query: TransactionFilter }
  | { kind: "spending"; spending: SpendingView }
  | { kind: "payees"; payees: PayeeShown[] }
  | { kind: "cards"; cards: CardShown[] }
  | { kind: "disputes"; disputes: DisputeView[] }
  | TransferReceipt;

/** A confirmation the server rendered; money moves only on a Yes to this id before `expiresAt`. */
export interface PendingConfirmation {
  id: string;
  summary: string;
  expiresAt: number;
}

/**
 * The question a task is waiting on ("How much would you like to send?"), as the dialogue words it
 * when it asks again: a tab opened (or reloaded) after it was asked shows it as Teller's last
 * message, so the customer knows what a bare "50" answers. Never a confirmation (that has its card).
 */
export interface PendingQuestion {
  text: string;
  actions: Action[];
}

/**
 * A Yes or No to one confirmation: what a confirmation's button sends (ChatMessageInput), and what
 * a turn's reply says it settled (`Reply.settled`), typed "yes"/"no" as much as pressed.
 */
export interface ConfirmationAnswer {
  id: string;
  answer: "yes" | "no";
}

export interface Reply {
  text: string;
  intent: { name: string; confidence: number };
  actions: Action[];
  data?: RichData;
  confirmation?: PendingConfirmation;
  /**
   * The confirmation this turn answered, and how: a card shows "You confirmed." for a typed "yes"
   * as for its button. Absent when the turn answered none; a client that ignores it loses nothing else.
   */
  settled?: ConfirmationAnswer;
}

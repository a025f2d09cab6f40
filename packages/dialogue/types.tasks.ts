/**
 * The dialogue's tasks (part of the engine's contract, types.ts): what is kept while a transfer,
 * a card change, a lookup, a schedule or a dispute is being set up, and the options offered.
 * Plain JSON, stored with the rest of the state.
 */
import type { Currency, Money } from "../money/money.js";
import type { ScheduleSpec } from "../money/schedule.js";
import type { DisputeReason } from "../contract/views.js";
import type { PendingConfirmation, ScheduledTransferShown as ScheduledTransferView, TransactionFilter } from "../contract/reply.js";
import type { Insight } from "./types.answers.js";
import type { SpendingQuery } from "./types.effects.js";
import type { AccountType, AccountRef, Entities, IntentTag, Timing } from "./types.understood.js";

/** The minimum kept about an account while a transfer is being set up. */
export interface AccountOption {
  id: string;
  name: string;
  type: AccountType;
  mask: string;
  currency: Currency;
  /** Minor units the customer can spend now, when known; the ledger still has the last word. */
  availableMinor?: number;
  /** A credit account's amount owed (its negative balance, as a positive figure), when known. */
  owedMinor?: number;
}

export interface PayeeOption {
  id: string;
  name: string;
  mask?: string;
  /** A biller (a utility, a landlord), offered when the customer is asked which bill to pay. */
  biller?: boolean;
}

export interface CardOption {
  id: string;
  last4: string;
  status: "active" | "frozen";
  brand?: string;
  kind?: "debit" | "credit";
}

export type Destination = { accountId: string } | { payeeId: string };

export type TransferSlot = "amount" | "from" | "to" | "when";

export interface TransferTask {
  kind: "transfer";
  intent: IntentTag;
  /** Load effects still outstanding (accounts, payees); slots resolve only once both arrived. */
  waitingFor: string[];
  /** What the customer said before the data arrived, applied once it has. */
  unresolved: Entities[];
  /** Said with the first question once the data is loaded ("You don't have an investment account with us."). */
  startNotes?: string[];
  accounts: AccountOption[] | null;
  payees: PayeeOption[] | null;
  amount?: Money;
  /** Sums the last message could mean ("twenty five fifty", "25 50"): offered as buttons when the amount is asked. */
  amountOptions?: Money[];
  from?: string;
  to?: Destination;
  /** A source the customer turned down ("not that account"): not offered again as a choice. */
  notFrom?: string;
  /** The slot the last question asked for, so a bare "30" or "savings" fills it. */
  asking: TransferSlot | null;
  confirmation: PendingConfirmation | null;
  /** Set when the customer asked for a later date or a repeat: "yes" stores a schedule instead. */
  schedule?: ScheduleSpec;
  /** Timing the customer gave that cannot be honoured: nothing is confirmed until they choose again. */
  timingProblems?: Timing["problems"];
  /** "eod", "whenever": sent at once, and the confirmation says "now, today <date>". */
  sameDay?: true;
  /** "Everything": the amount is the source account's available balance, once it is known. */
  amountAll?: boolean;
  /** "Half my savings": the amount is half the source account's available balance (down to the cent), once it is known. */
  amountHalf?: boolean;
  /** "20% of my balance": that share (1–100) of the source account's available balance, like `amountHalf`. */
  amountPercent?: number;
  /** "Pay the minimum": the amount is the paid card's newest statement minimum, once loaded. */
  payMinimum?: boolean;
  /** "Pay off my statement balance": the amount is the paid card's newest statement balance, once loaded. */
  payStatement?: boolean;
  /** "Pay it off" / "the full balance": the amount is what the paid card owes now, once loaded. */
  payCurrent?: boolean;
  /** Another money request arrived meanwhile; the customer was asked whether to drop this task. */
  switchTo?: { intent: IntentTag; entities: Entities } | null;
  /** The cards' newest statements, loaded when a card payment asks how much ([] when unavailable). */
  cardStatements?: CardStatementOption[];
  /** What to say back with the question that waits for the statements. */
  heldNotes?: string[];
  /** "move 100 to savings and then show me my balance": the balances are shown once it is done (flows/two-requests.ts). */
  balanceAfter?: true;
}

/** The figures of a card's newest statement a card payment offers as amounts. */
export interface CardStatementOption {
  accountId: string;
  currency: Currency;
  statementMinor: number;
  minimumMinor: number;
  currentMinor: number;
  /** ISO date (YYYY-MM-DD). */
  dueDate: string;
}

export interface CardTask {
  kind: "card";
  intent: IntentTag;
  target: "active" | "frozen";
  waitingFor: string | null;
  /** last4 the customer named, if any. */
  last4?: string;
  /** The card network the customer named ("my visa"), as extracted (lower-case letters). */
  brand?: string;
  /** "my debit card" / "my credit card": what the card meant draws on. */
  cardKind?: "debit" | "credit";
  /** Cards that could be meant (loaded, capped); one is picked before acting. */
  choices: CardOption[];
  chosen: CardOption | null;
  confirmation: PendingConfirmation | null;
  /** Set by a fraud report: freezing then needs a confirmation too (the customer may not want it). */
  confirmFreeze?: boolean;
  /** "freeze all my cards": every card the customer has, none picked (flows/card-batch.ts). */
  every?: boolean;
  /** With `every`: the cards to change, once loaded (`chosen` is the first). */
  batch?: CardOption[];
  /** With `every`: the cards that already had the status, said as such in the receipt. */
  already?: CardOption[];
  /** Started with a written answer (a lost card): the card's first question leaves the turn that answer's. */
  followsAnswer?: boolean;
  switchTo?: { intent: IntentTag; entities: Entities } | null;
}

export type LookupWhat = "balance" | "transactions" | "spending" | "payees" | "disputes" | FactWhat;

/** Facts about the customer's accounts (flows/bank-facts.ts); named like the intents that ask. */
export type FactWhat =
  | "account_numbers"
  | "credit_statement"
  | "credit_limit"
  | "interest_rate"
  | "card_expiry"
  | "card_status"
  | "rewards_balance"
  | "transfer_limits"
  /** After the answer to "why was my card declined?": a note naming any frozen card, or nothing. */
  | "frozen_cards";

export interface LookupTask {
  kind: "lookup";
  intent: IntentTag;
  what: LookupWhat;
  waitingFor: string;
  /** Said before the answer ("I can't see when your next paycheck is due …"). */
  lead?: string;
  /** Balance of the accounts named, or all when empty. */
  accountRefs: AccountRef[];
  /** A second question of the same message ("… and show me my last 3 transactions"), asked once this one is answered. */
  then?: { intent: IntentTag; what: LookupWhat; entities: Entities; text: string };
  /** Balance: kinds of account named that Teller never holds ("a mortgage"), said as such. */
  unheld?: string[];
  /** Balance: asked as a total ("combined", "in total"): the sum is said too (flows/balance-total.ts). */
  total?: boolean;
  /** Balance: a figure asked about ("can i afford a 300 dollar tv"): what it would leave (flows/balance-afford.ts). */
  afford?: Money;
  /** Balance: the figure was asked as "do i have 4000 in savings": the answer opens with yes or no. */
  affordYesNo?: boolean;
  transactionQuery?: TransactionFilter;
  /** Money in: how many of the payments picked out to show ("my last 2 deposits"); else RECENT_TRANSACTIONS. */
  shown?: number;
  spendingQuery?: SpendingQuery;
  /** "since payday": what was asked, read once the latest pay's day is known (flows/since-payday.ts). */
  /** "did my paycheck come in": the latest pay (money in filed as income) answers, not any money in (flows/next-payday.ts). */
  pay?: true;
  sincePayday?: { intent: IntentTag; what: "spending" | "transactions"; entities: Entities; text: string };
  /** Spending asked as a count ("how many times did i eat out"): the number of payments, their total beside it. */
  howMany?: true;
  /** Spending "on my card": card purchases only, rent, transfers and income left out (flows/lookup-scope.ts). */
  cardPurchases?: true;
  /** account_numbers: the customer asked for the full number. */
  reveal?: boolean;
  /** interest_rate: the customer asked for an APR (a borrowing rate), naming no account. */
  apr?: boolean;
  /** card_expiry / card_status: the card the customer named. */
  last4?: string;
  /** card_expiry / card_status: the card network the customer named ("my visa"). */
  brand?: string;
  /** credit_statement: the statements closed in this period only ("my october statement"; flows/statement-month.ts). */
  period?: { from: string; to: string };
  /** card_status: "is it frozen?" of the card just changed: the answer opens with Yes or No. */
  askedStatus?: "frozen" | "active";
  /** Set when the answer is computed from the data (see flows/insights.ts). */
  insight?: Insight;
  /** Results gathered so far, for insights that need more than one load. */
  gathered?: unknown[];
  /** Effects still outstanding, for insights that need more than one load. */
  waitingForMore?: string[];
  /** disputes: only this one's status ("any update?" after a list or a case opened); "latest" = the newest. */
  disputeFocus?: string;
}

/** Listing scheduled payments, or picking one to cancel and confirming that. */
export interface SchedulesTask {
  kind: "schedules";
  intent: IntentTag;
  mode: "list" | "cancel";
  waitingFor: string | null;
  /** What the customer said to pick the one to cancel. */
  filter: { payeeName?: string; weekday?: number; amountMinor?: number; date?: string; scheduleId?: string };
  chosen: ScheduledTransferView | null;
  confirmation: PendingConfirmation | null;
  /**
   * "change it to 150" right after a schedule was set up: the chosen schedule is cancelled and the
   * rest of it set up again at this amount, under the one confirmation (flows/schedule-change.ts).
   */
  replace?: { amount: Money; schedule?: ScheduleSpec; acceptedId?: string };
}

/** A charge being disputed: candidates are found, one is picked, the case is recorded. */
export interface DisputeTask {
  kind: "dispute";
  intent: IntentTag;
  reason: DisputeReason;
  merchant?: string;
  /** The kind of place said instead of a merchant ("at the gas station": transport); its charges are searched. */
  category?: string;
  waitingFor: string | null;
  candidates: Array<{ id: string; merchant: string; amount: Money; postedAt: string; status: "posted" | "pending"; accountId?: string }>;
  /** What the request said of the charge (amount, day, merchant), until the candidates are loaded. */
  hints?: ChargeHints;
  /** Disputes never need a confirmation (nothing moves); kept so every action task has the field. */
  confirmation: null;
  switchTo?: { intent: IntentTag; entities: Entities } | null;
}

/** What a customer said of a charge without its number (flows/charge-hints.ts). */
export interface ChargeHints {
  /** Amounts said, in minor units (a charge matches its absolute amount). */
  amounts?: number[];
  /** Days said, inclusive ISO dates. */
  range?: { from: string; to: string };
  /** The message's words (letters only, lower case): a merchant matches on its first name word. */
  words?: string[];
}

export type Task = TransferTask | CardTask | LookupTask | SchedulesTask | DisputeTask;

/**
 * Test harness: an in-memory bank that executes effects the way the DO will (ledger dedupes on the
 * idempotency key) and a driver that runs the DO's loop — step, persist, execute effects in order,
 * feed results back. Used by the dialogue package's tests in packages/dialogue/ and its flows/.
 */
import { initialState, loadViewSchemas, resume, step } from "../../packages/dialogue/index.js";
import { effectLoop } from "../../packages/dialogue/runner.js";
import { DEFAULT_TRANSCRIPT_RETENTION_DAYS } from "../../packages/db/transcript-policy.js";
import type {
  AccountView,
  CardView,
  CreditStatementView,
  DialogueSettings,
  DialogueState,
  DisputeView,
  Effect,
  EffectErrorCode,
  EffectResult,
  Entities,
  MessageEvent,
  PayeeView,
  Reply,
  ScheduledTransferView,
  StepResult,
  TransactionFilter,
  TransactionView,
  TransferEffect,
  Understanding,
} from "../../packages/dialogue/types.js";

// This harness feeds effect results to the engine itself, as the runner does after loading these.
await loadViewSchemas();

/** The bank's configuration the dialogue speaks of, as the chat session passes it with a default setup. */
export const DIALOGUE_SETTINGS: DialogueSettings = { transcriptRetentionDays: DEFAULT_TRANSCRIPT_RETENTION_DAYS };

export const usd = (dollars: number) => ({ minor: Math.round(dollars * 100), currency: "USD" as const });

export function fixtures() {
  const accounts: AccountView[] = [
    { id: "acc-chk", name: "Checking", type: "checking", mask: "1234", balance: usd(500), available: usd(450) },
    { id: "acc-sav", name: "Savings", type: "savings", mask: "5678", balance: usd(2000) },
    { id: "acc-cc", name: "Credit card", type: "credit", mask: "9012", balance: usd(-120) },
  ];
  const payees: PayeeView[] = [
    { id: "pay-alex", name: "Alex Kim", mask: "4321" },
    { id: "pay-sam", name: "Sam Lee" },
  ];
  const cards: CardView[] = [
    { id: "card-1", accountId: "acc-chk", last4: "4242", status: "active", brand: "Visa", kind: "debit" },
    { id: "card-2", accountId: "acc-cc", last4: "8888", status: "frozen", brand: "Mastercard", kind: "credit" },
  ];
  return { accounts, payees, cards };
}

/**
 * The newest statement of fixtures()' credit card (acc-cc ••9012), $25.00 minimum due 9 Dec 2026;
 * a test gives the amounts it is about.
 */
export function cardStatement(amounts: Partial<CreditStatementView> = {}): CreditStatementView {
  return {
    accountId: "acc-cc",
    name: "Credit card",
    mask: "9012",
    periodStart: "2026-10-15",
    periodEnd: "2026-11-14",
    dueDate: "2026-12-09",
    statementBalance: usd(100),
    minimumPayment: usd(25),
    currentBalance: usd(120),
    ...amounts,
  };
}

/** One transaction as the bank's view gives it (money out below zero), at noon UTC on `day` (YYYY-MM-DD). */
export function transactionRow(merchant: string, minor: number, day: string, more: Partial<TransactionView> = {}): TransactionView {
  return {
    id: `${merchant}-${day}-${minor}`,
    accountId: "a1",
    postedAt: `${day}T12:00:00.000Z`,
    merchant,
    category: "Shopping",
    amount: { minor, currency: "USD" },
    status: "posted",
    transferId: null,
    ...more,
  };
}

/**
 * November's transactions, newest first, as asking what came in sees them: a card charge, a
 * transfer from the customer's own account, and the two payments in (a payroll and a refund).
 */
export function moneyIn(): TransactionView[] {
  const row = (id: string, day: string, merchant: string, minor: number, transferId: string | null = null): TransactionView => ({
    id,
    accountId: "a1",
    postedAt: `2026-11-${day}T10:00:00Z`,
    merchant,
    category: "Income",
    amount: { minor, currency: "USD" },
    status: "posted",
    transferId,
  });
  return [
    row("t1", "25", "Cafe", -4_50),
    row("t2", "24", "Transfer from Checking ••1234", 100_00, "tr_1"),
    row("t3", "20", "Northwind Labs Payroll", 2_850_00),
    row("t4", "12", "Refund: Grocer", 12_00),
  ];
}

/** Executes effects against in-memory data; applies each transfer idempotency key once. */
export class FakeBank {
  accounts: AccountView[];
  payees: PayeeView[];
  cards: CardView[];
  /** Newest first, like the bank returns them. */
  transactions: TransactionView[] = [];
  disputes: DisputeView[] = [];
  /** The newest statement of each credit card (none unless a test sets them). */
  creditStatements: CreditStatementView[] = [];
  readonly transfersByKey = new Map<string, TransferEffect>();
  /** Stored schedules by idempotency key (the store dedupes on it, like the ledger). */
  readonly schedulesByKey = new Map<string, ScheduledTransferView>();
  readonly executed: Effect[] = [];
  /** Errors to return, by effect kind (or load target), consumed one at a time. */
  readonly failures: Array<{ match: string; code: EffectErrorCode }> = [];
  /** What the DO answers a "never mind" while queued for a person. */
  handoffWithdrawal: "withdrawn" | "taken" | "none" = "withdrawn";

  constructor(data = fixtures()) {
    this.accounts = data.accounts;
    this.payees = data.payees;
    this.cards = data.cards;
  }

  failNext(match: string, code: EffectErrorCode): void {
    this.failures.push({ match, code });
  }

  execute(effect: Effect): EffectResult {
    this.executed.push(effect);
    const label = effect.kind === "load" ? effect.what : effect.kind;
    const failure = this.failures.findIndex((f) => f.match === label);
    if (failure >= 0) {
      const code = this.failures.splice(failure, 1)[0]!.code;
      return { ok: false, error: { code } };
    }
    switch (effect.kind) {
      case "load":
        if (effect.what === "accounts") return { ok: true, data: this.accounts };
        if (effect.what === "payees") return { ok: true, data: this.payees };
        if (effect.what === "cards") return { ok: true, data: this.cards };
        if (effect.what === "schedules") return { ok: true, data: [...this.schedulesByKey.values()] };
        if (effect.what === "transactions") return { ok: true, data: this.queryTransactions(effect.query) };
        if (effect.what === "disputes") return { ok: true, data: this.disputes };
        if (effect.what === "credit_statements") return { ok: true, data: this.creditStatements };
        if (effect.what === "spending") {
          return { ok: true, data: this.spending(effect.query) };
        }
        return { ok: false, error: { code: "invalid" } };
      case "transfer": {
        if (effect.lookupOnly) {
          return this.transfersByKey.has(effect.idempotencyKey)
            ? { ok: true, data: { transferId: `tr-${effect.idempotencyKey}`, status: "posted" } }
            : { ok: false, error: { code: "cancelled" } };
        }
        if (!this.accounts.some((a) => a.id === effect.fromAccountId)) return { ok: false, error: { code: "not_found" } };
        if (!this.transfersByKey.has(effect.idempotencyKey)) this.transfersByKey.set(effect.idempotencyKey, effect);
        return { ok: true, data: { transferId: `tr-${effect.idempotencyKey}`, status: "posted" } };
      }
      case "set_card_status": {
        const card = this.cards.find((c) => c.id === effect.cardId);
        if (!card) return { ok: false, error: { code: "not_found" } };
        if (effect.lookupOnly) return card.status === effect.status ? { ok: true, data: card } : { ok: false, error: { code: "cancelled" } };
        card.status = effect.status;
        return { ok: true, data: card };
      }
      case "handoff":
        return { ok: true, data: null };
      case "withdraw_handoff":
        return { ok: true, data: { status: this.handoffWithdrawal } };
      case "schedule_transfer": {
        const from = this.accounts.find((a) => a.id === effect.fromAccountId);
        if (!from) return { ok: false, error: { code: "not_found" } };
        const existing = this.schedulesByKey.get(effect.idempotencyKey);
        if (existing) return { ok: true, data: existing };
        const toAccount = "accountId" in effect.to ? this.accounts.find((a) => "accountId" in effect.to && a.id === effect.to.accountId) : undefined;
        const toPayee = "payeeId" in effect.to ? this.payees.find((p) => "payeeId" in effect.to && p.id === effect.to.payeeId) : undefined;
        const to = toAccount ?? toPayee;
        if (!to) return { ok: false, error: { code: "not_found" } };
        const view: ScheduledTransferView = {
          id: `sch-${this.schedulesByKey.size + 1}`,
          fromAccount: { id: from.id, name: from.name, mask: from.mask },
          to: {
            kind: toAccount ? "account" : "payee",
            id: to.id,
            name: to.name,
            ...(to.mask ? { mask: to.mask } : {}),
            // As the bank says it: a biller or the customer's own card is a bill.
            ...(toAccount?.type === "credit" || toPayee?.kind === "biller" ? { bill: true as const } : {}),
          },
          amount: effect.amount,
          schedule: effect.schedule,
          status: "active",
          nextRunDate: effect.schedule.start,
        };
        this.schedulesByKey.set(effect.idempotencyKey, view);
        return { ok: true, data: view };
      }
      case "cancel_schedule": {
        const found = [...this.schedulesByKey.values()].find((s) => s.id === effect.scheduleId);
        if (!found) return { ok: false, error: { code: "not_found" } };
        found.status = "cancelled";
        found.nextRunDate = null;
        return { ok: true, data: found };
      }
      case "open_dispute": {
        const existing = this.disputes.find((d) => d.transactionId === effect.transactionId);
        if (existing) return { ok: true, data: { dispute: existing, created: false } };
        const txn = this.transactions.find((t) => t.id === effect.transactionId);
        if (!txn) return { ok: false, error: { code: "not_found" } };
        const dispute: DisputeView = {
          id: `dsp-${this.disputes.length + 1}`,
          reference: `DSP-00000${this.disputes.length + 1}`,
          transactionId: txn.id,
          reason: effect.reason,
          status: "open",
          createdAt: "2026-11-24T12:00:00.000Z",
          merchant: txn.merchant,
          amount: txn.amount,
          postedAt: txn.postedAt,
        };
        this.disputes.unshift(dispute);
        return { ok: true, data: { dispute, created: true } };
      }
    }
  }

  /** The bank's filter: text matches merchant or category, dates are inclusive days. */
  queryTransactions(q: TransactionFilter): TransactionView[] {
    const text = (q.merchant ?? q.category)?.toLowerCase();
    return this.transactions
      .filter((t) => !text || t.merchant.toLowerCase().includes(text) || t.category.toLowerCase().includes(text))
      .filter((t) => (!q.from || t.postedAt.slice(0, 10) >= q.from) && (!q.to || t.postedAt.slice(0, 10) <= q.to))
      .slice(0, q.limit);
  }

  /** Spending per category in [from, to], from the in-memory transactions. */
  spending(q: { from: string; to: string; category?: string; merchant?: string }) {
    const byCategory = new Map<string, number>();
    let payments = 0;
    for (const t of this.transactions) {
      const day = t.postedAt.slice(0, 10);
      if (t.amount.minor >= 0 || day < q.from || day > q.to) continue;
      if (q.category && t.category.toLowerCase() !== q.category.toLowerCase()) continue;
      if (q.merchant && !t.merchant.toLowerCase().includes(q.merchant.toLowerCase())) continue;
      byCategory.set(t.category, (byCategory.get(t.category) ?? 0) - t.amount.minor);
      payments += 1;
    }
    const rows = [...byCategory].map(([category, minor]) => ({ category, total: usd(minor / 100) }));
    return { from: q.from, to: q.to, total: usd(rows.reduce((sum, r) => sum + r.total.minor, 0) / 100), byCategory: rows, payments };
  }

  /** Distinct transfers the ledger applied. */
  get transfers(): TransferEffect[] {
    return [...this.transfersByKey.values()];
  }
}

export function understood(intent: string, entities: Partial<Entities> = {}, confidence = 0.95): Understanding {
  return { intent, confidence, entities: { accountRefs: [], ...entities } };
}

export interface Turn {
  replies: Reply[];
  effects: Effect[];
}

/** Plays the DO: owns the state, the clock and the id source. */
export class Session {
  state: DialogueState = initialState();
  now = Date.UTC(2026, 10, 24, 12, 0, 0);
  private counter = 0;
  /** When false, effects are returned but not executed (to test what is persisted in between). */
  autoExecute = true;

  constructor(readonly bank = new FakeBank()) {}

  freshId(): string {
    this.counter += 1;
    return `00000000-0000-4000-8000-${this.counter.toString().padStart(12, "0")}`;
  }

  say(text: string, understanding: Understanding, confirmation?: MessageEvent["confirmation"]): Turn {
    const event: MessageEvent = {
      type: "message",
      messageId: `msg-${this.counter + 1}`,
      text,
      now: this.now,
      newId: this.freshId(),
      understanding,
      settings: DIALOGUE_SETTINGS,
      ...(confirmation ? { confirmation } : {}),
    };
    return this.run(step(this.state, event));
  }

  /** Presses a Yes/No button. The NLU output for a button press carries no meaning. */
  press(confirmationId: string, answer: "yes" | "no"): Turn {
    return this.say(answer, understood("out_of_scope", {}, 0), { id: confirmationId, answer });
  }

  resume(): Turn {
    return this.run(resume(this.state, this.now));
  }

  feed(effectId: string, result: EffectResult): Turn {
    return this.run(step(this.state, { type: "effect_result", effectId, now: this.now, newId: this.freshId(), result }));
  }

  /** The runner's own effect loop (save before execute, the effect cap), fed by the in-memory bank. */
  private run(first: StepResult): Turn {
    const turn: Turn = { replies: [], effects: [] };
    const persist = (state: DialogueState) => (this.state = JSON.parse(JSON.stringify(state)) as DialogueState);
    if (!this.autoExecute) {
      persist(first.state);
      turn.replies.push(...first.replies);
      turn.effects.push(...first.effects);
      return turn;
    }
    const loop = effectLoop(first, {
      save: persist,
      emit: (reply) => turn.replies.push(reply),
      now: () => this.now,
      newId: () => this.freshId(),
    });
    let next = loop.next();
    while (!next.done) {
      turn.effects.push(next.value);
      next = loop.next(this.bank.execute(next.value));
    }
    return turn;
  }
}

export const lastReply = (turn: Turn): Reply => turn.replies[turn.replies.length - 1]!;
export const allText = (turn: Turn): string => turn.replies.map((r) => r.text).join("\n");
export const moneyEffects = (turn: Turn) => turn.effects.filter((e) => e.kind === "transfer" || e.kind === "set_card_status");

/** Walks a session to a pending confirmation of $30 from checking to Alex Kim. */
export function pendingTransfer(session = new Session()) {
  const turn = session.say(
    "send $30 from checking to Alex",
    understood("transfer", { amount: usd(30), fromRef: "checking", accountRefs: ["checking"], payeeName: "Alex" }),
  );
  const confirmation = lastReply(turn).confirmation!;
  return { session, turn, confirmation };
}

import {
  listAccountNumbers,
  cancelScheduledTransfer,
  createScheduledTransfer,
  listScheduledTransfers,
  listAccounts,
  listCards,
  listCreditStatements,
  listInterestRates,
  listRewards,
  listDisputes,
  listPayees,
  openDispute,
  listTransactions,
  setCardStatus,
  spendingSummary,
  transfer,
  transferLimits,
  findTransferByKey,
} from "../banking/deferred.js";
import type { Effect, EffectErrorCode, EffectResult } from "../dialogue/index.js";
import type { ErrorCode, FailureReason, RpcResult } from "../contract/errors.js";
import type { TransactionFilter } from "../contract/reply.js";
import { describeError } from "../logging/log-error.js";
import type { Db } from "../db/client.js";
import type { EffectExecutor } from "../dialogue/runner.js";
import type { TurnReads } from "./turn-reads.js";

/**
 * Thrown out of the executor when the ledger refused a transfer because the bank has disabled
 * the customer (and the caller asked for it with `abortWhenDisabled`): the turn then answers 403
 * and keeps the state it started from, as when it checked the status itself before the call.
 */
export class CustomerDisabled extends Error {
  constructor() {
    super("the customer is disabled");
    this.name = "CustomerDisabled";
  }
}

/**
 * Executes the dialogue's effects with the banking domain, always as `customerId` (the verified
 * token's subject): the dialogue names ids only from data loaded for this same customer, and
 * every query is scoped again in SQL.
 */
export function bankEffectExecutor(options: {
  customerId: string;
  /** Opened on first use: FAQ turns never touch Postgres. */
  db: () => Promise<Db>;
  /** Hand-offs go to the queue through the DO's outbox. */
  handoff(effect: Extract<Effect, { kind: "handoff" }>): void;
  /** "never mind" while queued: the DO takes the hand-off out of the staff queue unless it was taken. */
  withdrawHandoff?(): Promise<"withdrawn" | "taken" | "none">;
  /** Money movements are audited (amounts stay in the event, never in logs). */
  audit(effect: Extract<Effect, { kind: "transfer" | "set_card_status" }>, result: EffectResult): void;
  /** The turn's own read of accounts and payees (one query for both, see TurnReads). */
  reads?: TurnReads;
  /**
   * A transfer the ledger refused for a disabled customer throws CustomerDisabled instead of
   * becoming a failed effect (a turn answers 403); without it, the dialogue hears "invalid".
   */
  abortWhenDisabled?: boolean;
}): EffectExecutor {
  const { customerId } = options;
  return {
    async execute(effect) {
      // A write may change what the turn read: the next read asks Postgres again.
      if (effect.kind !== "load") options.reads?.forget();
      try {
        switch (effect.kind) {
          case "handoff":
            options.handoff(effect);
            return { ok: true, data: null };
          case "withdraw_handoff":
            if (!options.withdrawHandoff) return { ok: false, error: { code: "unavailable" } };
            return { ok: true, data: { status: await options.withdrawHandoff() } };
          case "load": {
            if (effect.what === "payees" && options.reads) return fromRpc(await options.reads.payees(), (v) => v);
            const accounts = effect.what === "accounts" ? options.reads?.accounts() : undefined;
            if (accounts) return fromRpc(await accounts, (v) => v);
            return await load(await options.db(), customerId, effect);
          }
          case "transfer": {
            if (effect.lookupOnly) return await lookUpTransfer(await options.db(), customerId, effect);
            const moved = await transfer(await options.db(), customerId, {
              idempotencyKey: effect.idempotencyKey,
              fromAccountId: effect.fromAccountId,
              to: effect.to,
              amount: effect.amount,
              memo: effect.memo ?? null,
            });
            // Nothing was written: the turn answers 403 as a whole (no audit of a transfer that never started).
            if (!moved.ok && moved.code === "forbidden" && options.abortWhenDisabled) throw new CustomerDisabled();
            const result = fromRpc(moved, (value) => ({ transferId: value.transfer.id, status: value.transfer.status }));
            options.audit(effect, result);
            return result;
          }
          case "schedule_transfer":
            // Stores the schedule only: the cron runner moves the money on the day.
            return fromRpc(
              await createScheduledTransfer(
                await options.db(),
                customerId,
                {
                  idempotencyKey: effect.idempotencyKey,
                  confirmationId: effect.confirmationId,
                  fromAccountId: effect.fromAccountId,
                  to: effect.to,
                  amount: effect.amount,
                  schedule: effect.schedule,
                },
                new Date().toISOString().slice(0, 10),
              ),
              (v) => v,
            );
          case "cancel_schedule":
            return fromRpc(await cancelScheduledTransfer(await options.db(), customerId, effect.scheduleId), (v) => v);
          case "open_dispute":
            return fromRpc(
              await openDispute(await options.db(), customerId, { transactionId: effect.transactionId, reason: effect.reason }),
              (v) => v,
            );
          case "set_card_status": {
            if (effect.lookupOnly) return await lookUpCard(await options.db(), customerId, effect);
            const result = fromRpc(await setCardStatus(await options.db(), customerId, effect.cardId, effect.status), (card) => card);
            options.audit(effect, result);
            return result;
          }
        }
      } catch (error) {
        if (error instanceof CustomerDisabled) throw error;
        // Postgres unreachable or failing: the dialogue tells the customer plainly; nothing moved
        // twice, because a retry reuses the same idempotency key.
        console.error(JSON.stringify({ msg: "bank effect failed", effect: effect.kind, error: describeError(error) }));
        return { ok: false, error: { code: "unavailable" } };
      }
    },
  };
}

/** Past the deadline: was the key applied? Never moves money. */
async function lookUpTransfer(db: Db, customerId: string, effect: Extract<Effect, { kind: "transfer" }>): Promise<EffectResult> {
  const found = await findTransferByKey(db, customerId, effect.idempotencyKey);
  if (!found.ok) return fromRpc(found, (v) => v);
  if (!found.value) return { ok: false, error: { code: "cancelled" } };
  return { ok: true, data: { transferId: found.value.id, status: found.value.status } };
}

async function lookUpCard(db: Db, customerId: string, effect: Extract<Effect, { kind: "set_card_status" }>): Promise<EffectResult> {
  const cards = await listCards(db, customerId);
  if (!cards.ok) return fromRpc(cards, (v) => v);
  const card = cards.value.find((c) => c.id === effect.cardId);
  return card && card.status === effect.status ? { ok: true, data: card } : { ok: false, error: { code: "cancelled" } };
}

async function load(db: Db, customerId: string, effect: Extract<Effect, { kind: "load" }>): Promise<EffectResult> {
  switch (effect.what) {
    case "accounts":
      return fromRpc(await listAccounts(db, customerId), (v) => v);
    case "payees":
      return fromRpc(await listPayees(db, customerId), (v) => v);
    case "cards":
      return fromRpc(await listCards(db, customerId), (v) => v);
    case "transactions": {
      const q = effect.query;
      const page = await listTransactions(db, customerId, {
        limit: q.limit,
        ...(q.from ? { from: q.from } : {}),
        ...(q.to ? { to: q.to } : {}),
        ...(q.merchant || q.category ? { q: q.merchant ?? q.category } : {}),
        ...ofAccount(q.account),
        ...amountBounds(q.amount),
        ...(q.direction ? { direction: q.direction } : {}),
      });
      return fromRpc(page, (v) => v.items);
    }
    case "spending": {
      const { account, ...query } = effect.query;
      return fromRpc(await spendingSummary(db, customerId, { ...query, ...ofAccount(account) }), (v) => v);
    }
    case "account_numbers":
      return fromRpc(await listAccountNumbers(db, customerId, { reveal: effect.reveal }), (v) => v);
    case "interest_rates":
      return fromRpc(await listInterestRates(db, customerId), (v) => v);
    case "rewards":
      return fromRpc(await listRewards(db, customerId), (v) => v);
    case "credit_statements":
      return fromRpc(await listCreditStatements(db, customerId, { history: effect.history === true }), (v) => v);
    case "transfer_limits":
      return fromRpc(await transferLimits(db, customerId), (v) => v);
    case "schedules":
      return fromRpc(await listScheduledTransfers(db, customerId), (v) => v);
    case "disputes":
      return fromRpc(await listDisputes(db, customerId), (v) => v);
  }
}

/** "my savings transactions", "what did I spend from checking": a kind of account or its last four digits. */
function ofAccount(account: TransactionFilter["account"]): { accountType?: "checking" | "savings" | "credit"; accountMask?: string } {
  return typeof account === "string" ? { accountType: account } : account ? { accountMask: account.last4 } : {};
}

/** "over $50" is more than 50.00, "at least $50" 50.00 or more: inclusive bounds in minor units. */
export function amountBounds(bound: TransactionFilter["amount"]): { minAmount?: number; maxAmount?: number } {
  if (!bound) return {};
  switch (bound.op) {
    case "over":
      return { minAmount: bound.minor + 1 };
    case "at_least":
      return { minAmount: bound.minor };
    case "under":
      return { maxAmount: Math.max(bound.minor - 1, 0) };
    case "at_most":
      return { maxAmount: bound.minor };
    case "exactly":
      return { minAmount: bound.minor, maxAmount: bound.minor };
  }
}

function fromRpc<T>(result: RpcResult<T>, data: (value: T) => unknown): EffectResult {
  if (result.ok) return { ok: true, data: data(result.value) };
  return { ok: false, error: { code: effectErrorCode(result.code, result.reason), message: result.message } };
}

export function effectErrorCode(code: ErrorCode, reason: FailureReason | undefined): EffectErrorCode {
  switch (code) {
    case "insufficient_funds":
    case "not_found":
    case "conflict":
    case "unavailable":
      return code;
    case "limit_exceeded":
      return reason === "daily_limit" ? "daily_limit_exceeded" : "limit_exceeded";
    case "idempotency_key_reused":
      return "conflict";
    default:
      return "invalid";
  }
}

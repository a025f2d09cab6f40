import { fail, ok, type RpcResult } from "../common/errors.js";
import { formatMoney, type Currency } from "../common/money.js";
import type { Db } from "../db/client.js";
import { clearingAccountId, credit, debitIfFunds, selectAccount, type AccountRow } from "./accounts.repo.js";
import { isRetryable, Refusal, type Executor } from "./db.js";
import { isId, newId } from "./ids.js";
import { insertCustomerTransactions, insertLedgerTransaction } from "./ledger.repo.js";
import { TRANSFER_LIMITS } from "./limits.js";
import { selectPayee, type PayeeRow } from "./payees.repo.js";
import { addToDailyTotal, insertTransferOnce, selectTransfer, selectTransferByKey, type TransferRow } from "./transfers.repo.js";
import type { TransferRequest, TransferResult, TransferView } from "./types.js";
import { validateTransferRequest } from "./validation.js";
import { transferView } from "./views.js";

const MAX_ATTEMPTS = 3;

/**
 * Moves money from one of the customer's accounts to another of theirs or to a saved payee,
 * exactly once per idempotency key:
 * - same key, same request → the original transfer (`replayed: true`), even if funds ran out since;
 * - same key, different request → 422 `idempotency_key_reused`;
 * - concurrent duplicates → one transfer; the unique (customer, key) index decides and the loser
 *   answers with the winner's result.
 * A refused transfer (no funds, over a limit) writes nothing, so its key stays free for a retry.
 *
 * One SQL transaction, locks always taken in the same order (idempotency key → the customer's
 * daily total → accounts by id), so transfers never deadlock: the key, the limit row, the debit
 * (only if funds suffice), the credit, the balanced ledger entries and the customer's history rows.
 */
export async function transfer(db: Db, customerId: string, request: TransferRequest): Promise<RpcResult<TransferResult>> {
  const invalid = validateTransferRequest(request);
  if (invalid) return invalid;
  const earlier = await selectTransferByKey(db, customerId, request.idempotencyKey);
  if (earlier) return replay(earlier, request);

  for (let attempt = 1; ; attempt++) {
    try {
      const view = await db.transaction((tx) => executeTransfer(tx, customerId, request));
      return ok({ transfer: view, replayed: false });
    } catch (error) {
      if (error instanceof Refusal) {
        if (error.code !== "duplicate") return fail(error.status, error.code, error.message);
        // A concurrent request with the same key committed first: answer with its result.
        const winner = await selectTransferByKey(db, customerId, request.idempotencyKey);
        if (winner) return replay(winner, request);
      } else if (!isRetryable(error)) {
        throw error;
      }
      if (attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

export async function getTransfer(db: Db, customerId: string, transferId: string): Promise<RpcResult<TransferView>> {
  if (!isId("transfer", transferId)) return fail(404, "not_found", "transfer not found");
  const row = await selectTransfer(db, customerId, transferId);
  return row ? ok(transferView(row)) : fail(404, "not_found", "transfer not found");
}

async function executeTransfer(tx: Executor, customerId: string, request: TransferRequest): Promise<TransferView> {
  const { minor: amount, currency } = request.amount;
  const from = await selectAccount(tx, customerId, request.fromAccountId);
  if (!from) throw new Refusal(404, "not_found", "fromAccountId: account not found");
  const destination = await resolveDestination(tx, customerId, request);
  if (from.currency !== currency) {
    throw new Refusal(400, "validation_failed", `amount.currency: must be ${from.currency}, the currency of fromAccountId`);
  }
  if (destination.row.currency !== currency) {
    const field = destination.kind === "account" ? "toAccountId" : "toPayeeId";
    throw new Refusal(400, "validation_failed", `amount.currency: ${field} holds ${destination.row.currency}, not ${currency}`);
  }

  const ledgerTransactionId = newId("ledgerTransaction");
  const toAccountId = destination.kind === "account" ? destination.row.id : null;
  const counterpartyId = toAccountId ?? clearingAccountId(currency);
  await insertLedgerTransaction(tx, {
    id: ledgerTransactionId,
    kind: "transfer",
    description: `transfer ${from.id} → ${destination.row.id}`,
    entries: [
      { accountId: from.id, amount: -amount, currency },
      { accountId: counterpartyId, amount, currency },
    ],
  });
  const row = await insertTransferOnce(tx, {
    id: newId("transfer"),
    customerId,
    idempotencyKey: request.idempotencyKey,
    fromAccountId: from.id,
    toAccountId,
    toPayeeId: destination.kind === "payee" ? destination.row.id : null,
    amount,
    currency,
    memo: normalizedMemo(request.memo),
    ledgerTransactionId,
  });
  if (!row) throw new Refusal(409, "duplicate", "idempotency key taken concurrently");

  const dailyLimit = TRANSFER_LIMITS[currency].daily;
  if (!(await addToDailyTotal(tx, customerId, currency, amount, dailyLimit))) {
    throw new Refusal(422, "limit_exceeded", `amount: over today's transfer limit of ${formatMoney(dailyLimit, currency)}`);
  }
  await moveBalances(tx, customerId, from, toAccountId, amount);

  const postedAt = row.createdAt;
  await insertCustomerTransactions(tx, [
    {
      id: newId("transaction"),
      customerId,
      accountId: from.id,
      ledgerTransactionId,
      transferId: row.id,
      merchant: destination.kind === "account" ? `Transfer to ${destination.row.name}` : destination.row.name,
      category: "Transfers",
      amount: -amount,
      currency,
      status: "posted",
      postedAt,
    },
    ...(toAccountId
      ? [
          {
            id: newId("transaction"),
            customerId,
            accountId: toAccountId,
            ledgerTransactionId,
            transferId: row.id,
            merchant: `Transfer from ${from.name}`,
            category: "Transfers",
            amount,
            currency,
            status: "posted" as const,
            postedAt,
          },
        ]
      : []),
  ]);
  return transferView(row);
}

type Destination = { kind: "account"; row: AccountRow } | { kind: "payee"; row: PayeeRow };

async function resolveDestination(tx: Executor, customerId: string, request: TransferRequest): Promise<Destination> {
  if ("accountId" in request.to) {
    const row = await selectAccount(tx, customerId, request.to.accountId);
    if (!row) throw new Refusal(404, "not_found", "toAccountId: account not found");
    return { kind: "account", row };
  }
  const row = await selectPayee(tx, customerId, request.to.payeeId);
  if (!row) throw new Refusal(404, "not_found", "toPayeeId: payee not found");
  return { kind: "payee", row };
}

/**
 * Debit (only if funds suffice) and credit, row locks taken in account-id order. Money to a payee
 * is credited to the clearing account, whose balance is derived from its entries (no row lock).
 */
async function moveBalances(tx: Executor, customerId: string, from: AccountRow, toAccountId: string | null, amount: number) {
  const debit = async () => {
    if (!(await debitIfFunds(tx, customerId, from.id, amount))) {
      const available = formatMoney((from.balance ?? 0) + from.creditLimit, from.currency as Currency);
      throw new Refusal(422, "insufficient_funds", `amount: more than the available balance of fromAccountId (about ${available})`);
    }
  };
  const creditTo = async () => {
    if (toAccountId && !(await credit(tx, customerId, toAccountId, amount))) {
      throw new Refusal(404, "not_found", "toAccountId: account not found");
    }
  };
  if (toAccountId && toAccountId < from.id) {
    await creditTo();
    await debit();
  } else {
    await debit();
    await creditTo();
  }
}

function replay(existing: TransferRow, request: TransferRequest): RpcResult<TransferResult> {
  const to = request.to;
  const same =
    existing.fromAccountId === request.fromAccountId &&
    existing.toAccountId === ("accountId" in to ? to.accountId : null) &&
    existing.toPayeeId === ("payeeId" in to ? to.payeeId : null) &&
    existing.amount === request.amount.minor &&
    existing.currency === request.amount.currency &&
    existing.memo === normalizedMemo(request.memo);
  if (!same) {
    return fail(422, "idempotency_key_reused", "Idempotency-Key: already used for a different transfer; use a new key");
  }
  return ok({ transfer: transferView(existing), replayed: true });
}

function normalizedMemo(memo: string | null | undefined): string | null {
  const trimmed = memo?.trim();
  return trimmed ? trimmed : null;
}

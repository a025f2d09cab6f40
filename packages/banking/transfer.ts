import { sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import { fail, ok, type RpcResult } from "../contract/errors.js";
import { formatMoney, type Currency } from "../money/money.js";
import type { Db } from "../db/client.js";
import { isRetryable, sqlDetail, sqlState } from "./db.js";
import { isId, newId } from "./ids.js";
import { NAMED_STATEMENT_REFUSED, namedQueryClient } from "./named-read.js";
import { TRANSFER_LIMITS } from "./limits.js";
import { CUSTOMER_DISABLED_MESSAGE } from "./messages.js";
import { selectTransfer, type TransferRow } from "./transfers.repo.js";
import type { TransferRequest, TransferResult, TransferView } from "../contract/views.js";
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
 * One round trip: the SQL function `teller_transfer` (migration 0007) runs the whole transfer —
 * key, scoping and currencies, the ledger transaction and its balanced entries, the history rows,
 * then the daily total and the balances (hot rows locked last, in a fixed order, so transfers
 * never deadlock). Refusals come back as SQLSTATEs mapped below.
 * Outside a transaction it is called through the procedure `teller_transfer_commit` (migration
 * 0011), which commits the transfer, releasing its locks, before waiting for the WAL flush, and
 * answers after the flush: one customer's transfers no longer queue for each other's flushes.
 * Since migration 0013 the procedure checks the account keys at that commit, inside the customer's
 * lock, so queued transfers do not share-lock the balance rows the lock holder updates; since 0014
 * it refuses a customer the bank has disabled (403 forbidden) in the transfer's own transaction,
 * while a replay of an applied key is answered all the same.
 * The CALL is a named prepared statement (TRANSFER_STATEMENT, below): parsed once per connection.
 * Inside the caller's transaction (`db` is a drizzle transaction) the function is called as it is,
 * and the caller's commit makes it durable; since migration 0022 it runs the procedure's own body
 * with `p_commit = false` (no commit, no transaction settings, no customer-status check).
 */
export async function transfer(db: Db, customerId: string, request: TransferRequest): Promise<RpcResult<TransferResult>> {
  const invalid = validateTransferRequest(request);
  if (invalid) return invalid;
  for (let attempt = 1; ; attempt++) {
    try {
      const transferId = newId("transfer");
      const row = await callTransferFunction(db, customerId, request, transferId);
      return row.id === transferId ? ok({ transfer: transferView(row), replayed: false }) : replay(row, request);
    } catch (error) {
      const refusal = refusalOf(error, request);
      if (refusal) return refusal;
      if (!isRetryable(error) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

export async function getTransfer(db: Db, customerId: string, transferId: string): Promise<RpcResult<TransferView>> {
  if (!isId("transfer", transferId)) return fail(404, "not_found", "transfer not found");
  const row = await selectTransfer(db, customerId, transferId);
  return row ? ok(transferView(row)) : fail(404, "not_found", "transfer not found");
}

async function callTransferFunction(db: Db, customerId: string, request: TransferRequest, transferId: string): Promise<TransferRow> {
  const { minor: amount, currency } = request.amount;
  const to = request.to;
  const toAccountId = "accountId" in to ? to.accountId : null;
  const toPayeeId = "payeeId" in to ? to.payeeId : null;
  const memo = normalizedMemo(request.memo);
  const dailyLimit = TRANSFER_LIMITS[currency].daily;
  const ledgerTransactionId = newId("ledgerTransaction");
  const debitTransactionId = newId("transaction");
  const creditTransactionId = toAccountId ? newId("transaction") : null;
  // The arguments written out in each statement rather than sql.join'ed once: drizzle builds a
  // flat template's query in ~6 µs, the joined one in ~17-25 µs (ledger14, same SQL and params).
  // db.execute's result type is driver-specific; both drivers we use answer `{ rows }`.
  if (db instanceof PgTransaction) {
    const result = await db.execute(
      sql`SELECT * FROM teller_transfer(${customerId}, ${request.idempotencyKey}, ${request.fromAccountId}, ${toAccountId}, ${toPayeeId}, ${amount}, ${currency}, ${memo}, ${dailyLimit}, ${transferId}, ${ledgerTransactionId}, ${debitTransactionId}, ${creditTransactionId})`,
    );
    const raw = (result as unknown as { rows: RawTransferRow[] }).rows[0];
    if (!raw) throw new Error("teller_transfer returned no row");
    return transferRow(raw);
  }
  const values = [customerId, request.idempotencyKey, request.fromAccountId, toAccountId, toPayeeId, amount, currency, memo, dailyLimit, transferId, ledgerTransactionId, debitTransactionId, creditTransactionId];
  const unnamed = () =>
    db.execute(
      sql`CALL teller_transfer_commit(${customerId}, ${request.idempotencyKey}, ${request.fromAccountId}, ${toAccountId}, ${toPayeeId}, ${amount}, ${currency}, ${memo}, ${dailyLimit}, ${transferId}, ${ledgerTransactionId}, ${debitTransactionId}, ${creditTransactionId}, NULL)`,
    );
  const driver = namedQueryClient(db);
  let result: unknown;
  if (!driver) result = await unnamed();
  else {
    try {
      result = await driver.query({ name: TRANSFER_STATEMENT.name, text: TRANSFER_STATEMENT.text, values });
    } catch (error) {
      // A pooler that does not carry named statements, or a plan cached before the procedure
      // changed: Postgres refused the statement before running it, so the same call (same
      // idempotency key) is sent once more unnamed.
      if (!NAMED_STATEMENT_REFUSED.has(sqlState(error) ?? "")) throw error;
      result = await unnamed();
    }
  }
  const raw = (result as unknown as { rows: Array<{ transfer: RawTransferRow | string | null }> }).rows[0]?.transfer;
  if (!raw) throw new Error("teller_transfer_commit returned no transfer");
  // json arrives parsed from both drivers; a driver without a json parser would hand over text.
  return transferRow(typeof raw === "string" ? (JSON.parse(raw) as RawTransferRow) : raw);
}

/**
 * The CALL as a named (protocol-level) prepared statement: each connection parses and analyses it
 * once, then only binds and executes it (perf15: −30 to −60 µs of backend CPU and ~20 µs of the
 * client's a transfer, measured by ledger14). Neon's pooler (PgBouncer ≥ 1.21) and the local
 * pooler (scripts/db/pg-statements.ts) carry it across their server connections. drizzle names
 * no statement, so the driver under it is called with its query config.
 */
export const TRANSFER_STATEMENT = {
  // Named after the migration that last changed the procedure's arguments or result (0022): a
  // migration that changes them renames the statement, so no connection reuses an old plan.
  name: "teller_transfer_commit_0022",
  text: "CALL teller_transfer_commit($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, NULL)",
} as const;


/**
 * The function's row as the driver hands it over: bigint as text (a number from the procedure's
 * json), timestamps as Date or text.
 */
interface RawTransferRow extends Record<string, unknown> {
  id: string;
  customer_id: string;
  idempotency_key: string;
  from_account_id: string;
  to_account_id: string | null;
  to_payee_id: string | null;
  amount: string | number;
  currency: TransferRow["currency"];
  memo: string | null;
  status: TransferRow["status"];
  ledger_transaction_id: string;
  created_at: Date | string;
  debit_transaction_id?: string | null;
  debit_merchant?: string | null;
  credit_transaction_id?: string | null;
  credit_merchant?: string | null;
}

function transferRow(raw: RawTransferRow): TransferRow {
  return {
    id: raw.id,
    customerId: raw.customer_id,
    idempotencyKey: raw.idempotency_key,
    fromAccountId: raw.from_account_id,
    toAccountId: raw.to_account_id,
    toPayeeId: raw.to_payee_id,
    amount: Number(raw.amount),
    currency: raw.currency,
    memo: raw.memo,
    status: raw.status,
    ledgerTransactionId: raw.ledger_transaction_id,
    createdAt: raw.created_at instanceof Date ? raw.created_at : new Date(raw.created_at),
    debitTransactionId: raw.debit_transaction_id ?? null,
    debitMerchant: raw.debit_merchant ?? null,
    creditTransactionId: raw.credit_transaction_id ?? null,
    creditMerchant: raw.credit_merchant ?? null,
  };
}

/** The refusals `teller_transfer` raises (see migration 0007), as this API's typed errors. */
function refusalOf(error: unknown, request: TransferRequest): RpcResult<never> | null {
  const { currency } = request.amount;
  const toField = "accountId" in request.to ? "toAccountId" : "toPayeeId";
  switch (sqlState(error)) {
    case "TLDIS":
      return fail(403, "forbidden", CUSTOMER_DISABLED_MESSAGE);
    case "TLNF1":
      return fail(404, "not_found", "fromAccountId: account not found");
    case "TLNF2":
      return fail(404, "not_found", "toAccountId: account not found");
    case "TLNF3":
      return fail(404, "not_found", "toPayeeId: payee not found");
    case "TLCU1":
      return fail(400, "validation_failed", `amount.currency: must be ${sqlDetail(error)}, the currency of fromAccountId`);
    case "TLCU2":
      return fail(400, "validation_failed", `amount.currency: ${toField} holds ${sqlDetail(error)}, not ${currency}`);
    case "TLLIM": {
      const limit = formatMoney(TRANSFER_LIMITS[currency].daily, currency);
      return fail(422, "limit_exceeded", `amount: over today's transfer limit of ${limit}`, "daily_limit");
    }
    case "TLFND": {
      const available = formatMoney(Number(sqlDetail(error) ?? 0), currency as Currency);
      return fail(422, "insufficient_funds", `amount: more than the available balance of fromAccountId (about ${available})`);
    }
    default:
      return null;
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

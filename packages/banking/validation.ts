import { CURRENCIES, formatMoney, isCurrency } from "../money/money.js";
import type { RpcResult } from "../contract/errors.js";
import { fail } from "../contract/errors.js";
import { decodeCursor, type CursorPosition } from "./cursor.js";
import { isId } from "./ids.js";
import {
  DEFAULT_PAGE_SIZE,
  IDEMPOTENCY_KEY_PATTERN,
  MAX_MEMO_CHARS,
  MAX_PAGE_SIZE,
  MAX_SEARCH_CHARS,
  TRANSFER_LIMITS,
} from "./limits.js";
import type { TransactionQuery, TransferRequest } from "../contract/views.js";

/**
 * The domain checks its own input: the gateway validates REST bodies first, but the dialogue calls
 * these functions directly. Messages name the field as the REST API spells it.
 */
export function validateTransferRequest(request: TransferRequest): RpcResult<never> | null {
  if (typeof request.idempotencyKey !== "string" || !IDEMPOTENCY_KEY_PATTERN.test(request.idempotencyKey)) {
    return badRequest("Idempotency-Key: must be 8–128 visible ASCII characters");
  }
  if (!isId("account", request.fromAccountId)) return badRequest("fromAccountId: not an account id");
  const to = request.to;
  if ("accountId" in to) {
    if (!isId("account", to.accountId)) return badRequest("toAccountId: not an account id");
    if (to.accountId === request.fromAccountId) return badRequest("toAccountId: must differ from fromAccountId");
  } else if (!("payeeId" in to) || !isId("payee", to.payeeId)) {
    return badRequest("toPayeeId: not a payee id");
  }
  const { minor, currency } = request.amount ?? {};
  if (typeof currency !== "string" || !isCurrency(currency)) {
    return badRequest(`amount.currency: must be one of ${CURRENCIES.join(", ")}`);
  }
  if (!Number.isSafeInteger(minor)) return badRequest("amount: must be a whole number of minor units");
  if (minor <= 0) return badRequest("amount: must be greater than zero");
  const limit = TRANSFER_LIMITS[currency].perTransfer;
  if (minor > limit) {
    return fail(422, "limit_exceeded", `amount: over the per-transfer limit of ${formatMoney(limit, currency)}`, "per_transfer_limit");
  }
  if (request.memo != null) {
    if (typeof request.memo !== "string" || request.memo.length > MAX_MEMO_CHARS) {
      return badRequest(`memo: must be at most ${MAX_MEMO_CHARS} characters`);
    }
    if (/[\u0000-\u001f\u007f]/.test(request.memo)) return badRequest("memo: must not contain control characters");
  }
  return null;
}

export interface TransactionFilter {
  accountId: string | undefined;
  after: CursorPosition | null;
  limit: number;
  /** A LIKE pattern with the customer's text escaped. */
  pattern: string | null;
  fromMs: number | null;
  /** Exclusive upper bound. */
  toMsExclusive: number | null;
  accountType?: "checking" | "savings" | "credit";
  accountMask?: string;
  /** Inclusive bounds on a transaction's size, in or out (minor units). */
  minAmount?: number;
  maxAmount?: number;
  direction?: "in" | "out";
}

export function parseTransactionQuery(query: TransactionQuery): RpcResult<never> | TransactionFilter {
  if (query.accountId !== undefined && !isId("account", query.accountId)) {
    return badRequest("accountId: not an account id");
  }
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    return badRequest(`limit: must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
  }
  let after: CursorPosition | null = null;
  if (query.cursor !== undefined) {
    after = decodeCursor(query.cursor);
    if (!after) return badRequest("cursor: not a cursor from this API");
  }
  let pattern: string | null = null;
  if (query.q !== undefined) {
    const q = query.q.trim();
    if (q.length === 0 || q.length > MAX_SEARCH_CHARS) return badRequest(`q: must be 1–${MAX_SEARCH_CHARS} characters`);
    pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  const fromMs = query.from === undefined ? null : parseInstant(query.from, "start");
  if (fromMs === undefined) return badRequest("from: must be an ISO date (2026-01-31) or date-time");
  const toMsExclusive = query.to === undefined ? null : parseInstant(query.to, "end");
  if (toMsExclusive === undefined) return badRequest("to: must be an ISO date (2026-01-31) or date-time");
  if (fromMs !== null && toMsExclusive !== null && fromMs >= toMsExclusive) return badRequest("from: must be before to");
  const accountProblem = accountFilterProblem(query);
  if (accountProblem) return badRequest(accountProblem);
  for (const key of ["minAmount", "maxAmount"] as const) {
    const bound = query[key];
    if (bound !== undefined && (!Number.isSafeInteger(bound) || bound < 0)) return badRequest(`${key}: must be a whole number of minor units, 0 or more`);
  }
  if (query.direction !== undefined && query.direction !== "in" && query.direction !== "out") return badRequest("direction: must be in or out");
  return {
    accountId: query.accountId,
    after,
    limit,
    pattern,
    fromMs,
    toMsExclusive,
    ...(query.accountType ? { accountType: query.accountType } : {}),
    ...(query.accountMask ? { accountMask: query.accountMask } : {}),
    ...(query.minAmount !== undefined ? { minAmount: query.minAmount } : {}),
    ...(query.maxAmount !== undefined ? { maxAmount: query.maxAmount } : {}),
    ...(query.direction ? { direction: query.direction } : {}),
  };
}

const ACCOUNT_TYPES: ReadonlySet<string> = new Set(["checking", "savings", "credit"]);

/** What is wrong with a query's account kind or last four digits, or null when both are fine. */
export function accountFilterProblem(query: { accountType?: string | undefined; accountMask?: string | undefined }): string | null {
  if (query.accountType !== undefined && !ACCOUNT_TYPES.has(query.accountType)) return "accountType: must be checking, savings or credit";
  if (query.accountMask !== undefined && !/^\d{4}$/.test(query.accountMask)) return "accountMask: must be four digits";
  return null;
}
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const DAY_MS = 86_400_000;

/**
 * A date means a whole UTC day: "start" is its first millisecond, "end" the first millisecond of
 * the next day (exclusive). A date-time is exact; as an "end" it is included (+1 ms).
 * Undefined when the text is not a valid ISO date or date-time.
 */
export function parseInstant(text: string, bound: "start" | "end"): number | undefined {
  if (DATE.test(text)) {
    const ms = Date.parse(`${text}T00:00:00Z`);
    if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== text) return undefined;
    return bound === "start" ? ms : ms + DAY_MS;
  }
  if (DATE_TIME.test(text)) {
    const ms = Date.parse(text);
    if (Number.isNaN(ms)) return undefined;
    return bound === "start" ? ms : ms + 1;
  }
  return undefined;
}

function badRequest(message: string): RpcResult<never> {
  return fail(400, "validation_failed", message);
}

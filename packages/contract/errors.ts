/**
 * The one error shape every endpoint answers with: `{"error": {"code", "message", "requestId"}}`.
 * Codes are stable strings clients can branch on; messages are for people and name the field.
 */
export type ErrorCode =
  | "bad_request"
  | "invalid_json"
  | "validation_failed"
  | "unsupported_media_type"
  | "payload_too_large"
  | "unauthorized"
  | "forbidden"
  /** Staff tried to answer a customer the bank has disabled. */
  | "customer_disabled"
  | "not_found"
  | "method_not_allowed"
  | "conflict"
  | "idempotency_key_reused"
  | "insufficient_funds"
  | "limit_exceeded"
  | "rate_limited"
  | "unavailable"
  /** A chat turn did not finish within its deadline (504): the customer resends the same message. */
  | "timeout"
  | "internal";

export interface ErrorBody {
  error: { code: ErrorCode; message: string; requestId?: string };
}

export function errorBody(code: ErrorCode, message: string, requestId?: string): ErrorBody {
  return { error: requestId ? { code, message, requestId } : { code, message } };
}

/** Turns validation issues (zod's shape) into one sentence that names each field. */
export function describeIssues(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string; code?: string; keys?: string[] }>,
): string {
  return issues
    .slice(0, 5)
    .map((issue) => {
      if (issue.code === "unrecognized_keys" && issue.keys) {
        return `unknown field${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.join(", ")}`;
      }
      const field = issue.path.map(String).join(".");
      return field ? `${field}: ${issue.message}` : issue.message;
    })
    .join("; ");
}

/**
 * What RPC methods return for expected failures. Errors thrown across Workers RPC lose their
 * fields, so status and code travel as data; only real crashes are thrown.
 */
export type RpcResult<T> =
  | { ok: true; value: T }
  | { ok: false; status: number; code: ErrorCode; message: string; reason?: FailureReason };

/**
 * A finer reason under one code, for callers that word the refusal differently (the chat tells a
 * daily limit from the per-transfer one). Typed, so nobody reads it out of the message text.
 */
export type FailureReason = "daily_limit" | "per_transfer_limit";

export function ok<T>(value: T): RpcResult<T> {
  return { ok: true, value };
}

export function fail<T = never>(status: number, code: ErrorCode, message: string, reason?: FailureReason): RpcResult<T> {
  return reason ? { ok: false, status, code, message, reason } : { ok: false, status, code, message };
}

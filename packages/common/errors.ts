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
  | "not_found"
  | "method_not_allowed"
  | "conflict"
  | "idempotency_key_reused"
  | "insufficient_funds"
  | "limit_exceeded"
  | "rate_limited"
  | "unavailable"
  | "internal";

export interface ErrorBody {
  error: { code: ErrorCode; message: string; requestId?: string };
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "AppError";
  }
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
export type RpcResult<T> = { ok: true; value: T } | { ok: false; status: number; code: ErrorCode; message: string };

export function ok<T>(value: T): RpcResult<T> {
  return { ok: true, value };
}

export function fail<T = never>(status: number, code: ErrorCode, message: string): RpcResult<T> {
  return { ok: false, status, code, message };
}

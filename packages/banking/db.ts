import type { Db } from "../db/client.js";

/** A database or an open transaction on it: repositories accept either. */
export type Executor = Db;

const RETRYABLE = new Set(["40001", "40P01"]); // serialization_failure, deadlock_detected

/** The SQLSTATE of a driver error, looking through drizzle's wrapper. */
export function sqlState(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

export function isRetryable(error: unknown): boolean {
  const state = sqlState(error);
  return state !== undefined && RETRYABLE.has(state);
}

/** The DETAIL of a driver error (the one value a refusal's message needs), through drizzle's wrapper. */
export function sqlDetail(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const detail = (e as { detail?: unknown }).detail;
    if (typeof detail === "string") return detail;
  }
  return undefined;
}

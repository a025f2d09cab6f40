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

/**
 * An expected refusal raised inside a SQL transaction to roll it back; the domain function that
 * opened the transaction turns it into an RpcResult. Never escapes the banking package.
 */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: "not_found" | "validation_failed" | "insufficient_funds" | "limit_exceeded" | "duplicate",
    message: string,
  ) {
    super(message);
    this.name = "Refusal";
  }
}

import { describe, expect, it } from "vitest";
import { isRetryable, sqlDetail, sqlState } from "./db.js";

/** A driver error as drizzle hands it over: the driver's error is the cause of drizzle's. */
function wrapped(fields: Record<string, unknown>): Error {
  return new Error("Failed query: select …", { cause: Object.assign(new Error("driver"), fields) });
}

describe("driver errors", () => {
  it("give their SQLSTATE and DETAIL through drizzle's wrapper", () => {
    const error = wrapped({ code: "23514", detail: "Failing row contains (acc_1, -1)." });
    expect(sqlState(error)).toBe("23514");
    expect(sqlDetail(error)).toBe("Failing row contains (acc_1, -1).");
    expect(sqlState(new Error("plain"))).toBeUndefined();
    expect(sqlDetail(undefined)).toBeUndefined();
    // A Node system error's code is not an SQLSTATE.
    expect(sqlState(wrapped({ code: "ECONNREFUSED" }))).toBeUndefined();
  });

  it("are retryable only for a serialization failure or a deadlock", () => {
    expect(isRetryable(wrapped({ code: "40001" }))).toBe(true);
    expect(isRetryable(wrapped({ code: "40P01" }))).toBe(true);
    expect(isRetryable(wrapped({ code: "23505" }))).toBe(false);
    expect(isRetryable(new Error("timeout"))).toBe(false);
  });
});

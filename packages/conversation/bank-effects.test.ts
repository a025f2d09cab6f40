import { describe, expect, it } from "vitest";
import { amountBounds, effectErrorCode } from "./bank-effects.js";

describe("the bank's refusals, as the dialogue's error codes", () => {
  it("tells the daily limit from the per-transfer one by the typed reason, not the message", () => {
    expect(effectErrorCode("limit_exceeded", "daily_limit")).toBe("daily_limit_exceeded");
    expect(effectErrorCode("limit_exceeded", "per_transfer_limit")).toBe("limit_exceeded");
    expect(effectErrorCode("limit_exceeded", undefined)).toBe("limit_exceeded");
  });

  it("keeps the codes the dialogue words itself and folds the rest", () => {
    for (const code of ["insufficient_funds", "not_found", "conflict", "unavailable"] as const) expect(effectErrorCode(code, undefined)).toBe(code);
    expect(effectErrorCode("idempotency_key_reused", undefined)).toBe("conflict");
    expect(effectErrorCode("validation_failed", undefined)).toBe("invalid");
  });
});

describe("a size said for the transactions asked for, as inclusive bounds", () => {
  it("reads one charge's figure as both bounds (explore25: 'whats that 61.63 from tuesday'), the others as one", () => {
    const usd = (op: "over" | "at_least" | "under" | "at_most" | "exactly") => ({ op, minor: 61_63, currency: "USD" as const });
    expect(amountBounds(usd("exactly"))).toEqual({ minAmount: 61_63, maxAmount: 61_63 });
    expect(amountBounds(usd("over"))).toEqual({ minAmount: 61_64 });
    expect(amountBounds(usd("at_most"))).toEqual({ maxAmount: 61_63 });
    expect(amountBounds(undefined)).toEqual({});
  });
});

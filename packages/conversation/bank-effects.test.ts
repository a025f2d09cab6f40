import { describe, expect, it } from "vitest";
import { effectErrorCode } from "./bank-effects.js";

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

import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { formatMoney, parseDecimalAmount, toDecimalString } from "./money.js";

describe("parseDecimalAmount", () => {
  it("converts decimal strings to integer minor units exactly", () => {
    expect(parseDecimalAmount("12.34", "USD")).toEqual({ ok: true, minor: 1234 });
    expect(parseDecimalAmount("0.1", "EUR")).toEqual({ ok: true, minor: 10 });
    expect(parseDecimalAmount("7", "GBP")).toEqual({ ok: true, minor: 700 });
  });

  it("rejects signs, exponents, separators and too many decimals", () => {
    for (const bad of ["-1.00", "+1", "1e3", "1,000.00", " 1", "1.", ".5", "", "abc", "NaN"]) {
      expect(parseDecimalAmount(bad, "USD")).toEqual({ ok: false, error: "format" });
    }
    expect(parseDecimalAmount("1.234", "USD")).toEqual({ ok: false, error: "precision" });
  });

  it("round-trips every safe amount", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 15 }), (minor) => {
        expect(parseDecimalAmount(toDecimalString(minor, "USD"), "USD")).toEqual({ ok: true, minor });
      }),
    );
  });
});

describe("formatMoney", () => {
  it("groups thousands and places the sign before the symbol", () => {
    expect(formatMoney(123456, "USD")).toBe("$1,234.56");
    expect(formatMoney(-500, "EUR")).toBe("-€5.00");
    expect(formatMoney(5, "GBP")).toBe("£0.05");
  });
});

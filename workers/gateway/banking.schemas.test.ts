import { describe, expect, it } from "vitest";
import { newId } from "../../packages/banking/ids.js";
import { AccountId, PayeeId, TransferBody, toMinor, wire } from "./banking.schemas.js";

// The REST routes refusing bad bodies end to end: banking.routes.test.ts; the published
// document: openapi.test.ts.
const from = newId("account");
const to = newId("account");
const payee = newId("payee");
const usd = (value: string) => ({ value, currency: "USD" as const });
const issues = (body: unknown) => {
  const parsed = TransferBody.safeParse(body);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
};

describe("the banking API's wire format", () => {
  it("takes ids of their own kind only", () => {
    expect(AccountId.safeParse(from).success).toBe(true);
    expect(AccountId.safeParse(payee).success).toBe(false);
    expect(PayeeId.safeParse(payee).success).toBe(true);
    expect(AccountId.safeParse(`${from}x`).success).toBe(false);
  });

  it("wants exactly one destination, not the source itself, and an amount of at most the currency's decimals above zero", () => {
    expect(issues({ fromAccountId: from, toAccountId: to, amount: usd("12.34") })).toEqual([]);
    expect(issues({ fromAccountId: from, toPayeeId: payee, amount: usd("12.34"), memo: "rent" })).toEqual([]);
    expect(issues({ fromAccountId: from, amount: usd("1") })).toEqual(["toAccountId: give exactly one of toAccountId or toPayeeId"]);
    expect(issues({ fromAccountId: from, toAccountId: to, toPayeeId: payee, amount: usd("1") })).toEqual(["toAccountId: give exactly one of toAccountId or toPayeeId"]);
    expect(issues({ fromAccountId: from, toAccountId: from, amount: usd("1") })).toEqual(["toAccountId: must differ from fromAccountId"]);
    expect(issues({ fromAccountId: from, toAccountId: to, amount: usd("1.234") })).toEqual(["amount.value: at most 2 decimals for USD"]);
    expect(issues({ fromAccountId: from, toAccountId: to, amount: usd("0.00") })).toEqual(["amount.value: must be greater than zero"]);
    expect(issues({ fromAccountId: from, toAccountId: to, amount: usd("-1") })).not.toEqual([]);
    expect(issues({ fromAccountId: from, toAccountId: to, amount: { value: 12, currency: "USD" } })).not.toEqual([]);
  });

  it("refuses unknown fields, in the body and in the amount", () => {
    expect(issues({ fromAccountId: from, toAccountId: to, amount: usd("1"), admin: true }).join()).toContain("admin");
    expect(issues({ fromAccountId: from, toAccountId: to, amount: { ...usd("1"), minor: 100 } }).join()).toContain("minor");
  });

  it("turns decimal strings into minor units and back", () => {
    expect(toMinor(usd("12.34"))).toEqual({ minor: 1234, currency: "USD" });
    expect(() => toMinor(usd("1.234"))).toThrow(RangeError);
    const transfer = wire.transfer({
      id: newId("transfer"),
      status: "posted",
      fromAccountId: from,
      to: { payeeId: payee },
      amount: { minor: 500, currency: "USD" },
      memo: null,
      createdAt: "2026-01-31T00:00:00.000Z",
    } as Parameters<typeof wire.transfer>[0]);
    expect(transfer).toMatchObject({ toAccountId: null, toPayeeId: payee, amount: { value: "5.00", currency: "USD" } });
  });
});

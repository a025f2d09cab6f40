import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { newId } from "./ids.js";
import { parseInstant, parseTransactionQuery, validateTransferRequest } from "./validation.js";
import type { TransferRequest } from "../contract/views.js";

const base = (): TransferRequest => ({
  idempotencyKey: "key-12345",
  fromAccountId: newId("account"),
  to: { accountId: newId("account") },
  amount: { minor: 1_00, currency: "USD" },
});

describe("validateTransferRequest", () => {
  it("accepts a well-formed request", () => {
    expect(validateTransferRequest(base())).toBeNull();
    expect(validateTransferRequest({ ...base(), to: { payeeId: newId("payee") }, memo: "thanks!" })).toBeNull();
  });

  const refused: Array<[string, (r: TransferRequest) => TransferRequest, number, RegExp]> = [
    ["a short idempotency key", (r) => ({ ...r, idempotencyKey: "short" }), 400, /^Idempotency-Key/],
    ["a key with a control character", (r) => ({ ...r, idempotencyKey: "key\n12345" }), 400, /^Idempotency-Key/],
    ["a payee id as the source", (r) => ({ ...r, fromAccountId: newId("payee") }), 400, /^fromAccountId/],
    ["the same account twice", (r) => ({ ...r, to: { accountId: r.fromAccountId } }), 400, /^toAccountId: must differ/],
    ["an account id as the payee", (r) => ({ ...r, to: { payeeId: newId("account") } }), 400, /^toPayeeId/],
    ["zero", (r) => ({ ...r, amount: { minor: 0, currency: "USD" } }), 400, /^amount: must be greater than zero/],
    ["a negative amount", (r) => ({ ...r, amount: { minor: -5, currency: "USD" } }), 400, /^amount: must be greater than zero/],
    ["a fractional minor amount", (r) => ({ ...r, amount: { minor: 1.5, currency: "USD" } }), 400, /^amount: must be a whole number/],
    ["an unknown currency", (r) => ({ ...r, amount: { minor: 1, currency: "XYZ" as "USD" } }), 400, /^amount\.currency/],
    ["over the per-transfer limit", (r) => ({ ...r, amount: { minor: 10_000_01, currency: "USD" } }), 422, /per-transfer limit of \$10,000\.00/],
    ["a long memo", (r) => ({ ...r, memo: "m".repeat(141) }), 400, /^memo/],
    ["a memo with a control character", (r) => ({ ...r, memo: "a\u0007b" }), 400, /^memo/],
  ];

  it.each(refused)("refuses %s, naming the field", (_name, change, status, message) => {
    const result = validateTransferRequest(change(base()));
    expect(result).toMatchObject({ ok: false, status });
    expect(result && !result.ok && result.message).toMatch(message);
  });

  it("never accepts a non-positive or unsafe amount (property)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ max: 0 }), fc.double({ noInteger: true }), fc.constant(2 ** 53)), (minor) => {
        expect(validateTransferRequest({ ...base(), amount: { minor, currency: "USD" } })).not.toBeNull();
      }),
    );
  });
});

describe("parseTransactionQuery", () => {
  it("defaults to 20 newest and escapes LIKE wildcards in the search", () => {
    expect(parseTransactionQuery({})).toMatchObject({ limit: 20, after: null, pattern: null });
    expect(parseTransactionQuery({ q: " 50%_off\\ " })).toMatchObject({ pattern: "%50\\%\\_off\\\\%" });
  });

  it("keeps an account kind, an account's last four digits and size bounds", () => {
    expect(parseTransactionQuery({ accountType: "savings", accountMask: "1234", minAmount: 0, maxAmount: 50_00 })).toMatchObject({
      accountType: "savings",
      accountMask: "1234",
      minAmount: 0,
      maxAmount: 50_00,
    });
    expect(parseTransactionQuery({ direction: "out" })).toMatchObject({ direction: "out" });
  });

  it("treats dates as whole UTC days and date-times as exact, both inclusive", () => {
    expect(parseTransactionQuery({ from: "2026-03-01", to: "2026-03-01" })).toMatchObject({
      fromMs: Date.parse("2026-03-01T00:00:00Z"),
      toMsExclusive: Date.parse("2026-03-02T00:00:00Z"),
    });
    expect(parseInstant("2026-03-01T10:00:00+01:00", "end")).toBe(Date.parse("2026-03-01T09:00:00Z") + 1);
  });

  it.each([
    [{ limit: 0 }, /^limit/],
    [{ limit: 101 }, /^limit/],
    [{ cursor: "garbage!" }, /^cursor/],
    [{ q: "   " }, /^q/],
    [{ from: "2026-02-29" }, /^from/],
    [{ to: "yesterday" }, /^to/],
    [{ from: "2026-03-02", to: "2026-03-01" }, /^from: must be before to/],
    [{ accountId: "acc_x" }, /^accountId/],
    [{ accountType: "clearing" as "checking" }, /^accountType/],
    [{ accountMask: "12a4" }, /^accountMask/],
    [{ minAmount: -1 }, /^minAmount/],
    [{ maxAmount: 1.5 }, /^maxAmount/],
    [{ direction: "sideways" as "in" }, /^direction/],
  ])("refuses %j", (query, message) => {
    const result = parseTransactionQuery(query);
    expect(result).toMatchObject({ ok: false, status: 400, code: "validation_failed" });
    expect("message" in result && result.message).toMatch(message);
  });
});

import { beforeEach, describe, expect, it } from "vitest";
import type { TestCustomer } from "../../scripts/db/fixtures.js";
import { apiGet, apiPost, balances, idempotencyKey, makeCustomer, tokenFor } from "../../test/workerd/banking-helpers.js";
import { gatewayFetch } from "../../test/workerd/helpers.js";

const FILE = "input";
let c: TestCustomer;
let token: string;

// A customer per test: the gateway limits each customer to a few money requests a minute.
beforeEach(async () => {
  c = await makeCustomer(FILE, { checking: 20_000_00, savings: 100_00 });
  token = await tokenFor(c.customerId);
});

type ErrorBody = { error: { code: string; message: string; requestId?: string } };

describe("bad transfer requests are refused before any money moves", () => {
  const valid = () => ({ fromAccountId: c.checkingId, toAccountId: c.savingsId, amount: { value: "1.00", currency: "USD" } });
  const cases: Array<[string, () => unknown, number, string, RegExp]> = [
    ["a negative amount", () => ({ ...valid(), amount: { value: "-1.00", currency: "USD" } }), 400, "validation_failed", /^amount\.value: /],
    ["a zero amount", () => ({ ...valid(), amount: { value: "0.00", currency: "USD" } }), 400, "validation_failed", /^amount\.value: must be greater than zero/],
    ["three decimals", () => ({ ...valid(), amount: { value: "1.234", currency: "USD" } }), 400, "validation_failed", /^amount\.value: at most 2 decimals/],
    ["an exponent", () => ({ ...valid(), amount: { value: "1e3", currency: "USD" } }), 400, "validation_failed", /^amount\.value: /],
    ["a number instead of a string", () => ({ ...valid(), amount: { value: 12.5, currency: "USD" } }), 400, "validation_failed", /^amount\.value: /],
    ["an unsupported currency", () => ({ ...valid(), amount: { value: "1.00", currency: "XYZ" } }), 400, "validation_failed", /^amount\.currency: /],
    ["a currency the account is not in", () => ({ ...valid(), amount: { value: "1.00", currency: "EUR" } }), 400, "validation_failed", /^amount\.currency: must be USD/],
    ["over the per-transfer limit", () => ({ ...valid(), amount: { value: "10000.01", currency: "USD" } }), 422, "limit_exceeded", /^amount: over the per-transfer limit/],
    ["the same account on both sides", () => ({ ...valid(), toAccountId: c.checkingId }), 400, "validation_failed", /^toAccountId: must differ/],
    ["a malformed account id", () => ({ ...valid(), fromAccountId: "acc_1' OR '1'='1" }), 400, "validation_failed", /^fromAccountId: not an account id/],
    ["a card id where an account id belongs", () => ({ ...valid(), toAccountId: c.cardIds[0] }), 400, "validation_failed", /^toAccountId: /],
    ["both an account and a payee", () => ({ ...valid(), toPayeeId: c.payeeIds[0] }), 400, "validation_failed", /^toAccountId: give exactly one/],
    ["no destination", () => ({ fromAccountId: c.checkingId, amount: { value: "1.00", currency: "USD" } }), 400, "validation_failed", /^toAccountId: give exactly one/],
    ["an unknown field", () => ({ ...valid(), overdraft: true }), 400, "validation_failed", /unknown field: overdraft/],
    ["an unknown field inside amount", () => ({ ...valid(), amount: { value: "1.00", currency: "USD", fx: 1 } }), 400, "validation_failed", /unknown field: fx/],
    ["a memo over 140 characters", () => ({ ...valid(), memo: "x".repeat(141) }), 400, "validation_failed", /^memo: /],
    ["a missing amount", () => ({ fromAccountId: c.checkingId, toAccountId: c.savingsId }), 400, "validation_failed", /^amount: /],
    ["malformed JSON", () => '{"fromAccountId": ', 400, "invalid_json", /JSON/],
  ];

  it.each(cases)("%s", async (_name, body, status, code, message) => {
    const before = await balances(token);
    const response = await apiPost("/api/transfers", token, body(), { "idempotency-key": idempotencyKey("bad") });
    expect(response.status).toBe(status);
    const error = ((await response.json()) as ErrorBody).error;
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(typeof error.requestId).toBe("string");
    expect(await balances(token)).toEqual(before);
  });

  const keys: Array<[string, string | undefined, RegExp]> = [
    ["a missing Idempotency-Key", undefined, /^Idempotency-Key header: required/],
    ["an Idempotency-Key of 7 characters", "1234567", /^Idempotency-Key header: must be 8–128/],
    ["an Idempotency-Key of 129 characters", "k".repeat(129), /^Idempotency-Key header: must be 8–128/],
    ["an Idempotency-Key with a space", "has a space", /^Idempotency-Key header: /],
  ];

  it.each(keys)("%s", async (_name, key, message) => {
    const response = await apiPost("/api/transfers", token, valid(), key === undefined ? {} : { "idempotency-key": key });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.message).toMatch(message);
  });

  it("accepts Idempotency-Keys of exactly 8 and 128 characters", async () => {
    for (const key of [`${Date.now()}`.slice(-8), `${Date.now()}`.padEnd(128, "k")]) {
      const response = await apiPost("/api/transfers", token, valid(), { "idempotency-key": key });
      expect(response.status).toBe(201);
    }
  });

  it("wants application/json and a small body", async () => {
    const text = await gatewayFetch("/api/transfers", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "text/plain", "idempotency-key": idempotencyKey() },
      body: "{}",
    });
    expect(text.status).toBe(415);
    const big = await apiPost("/api/transfers", token, { ...valid(), memo: "x".repeat(5000) }, { "idempotency-key": idempotencyKey() });
    expect(big.status).toBe(413);
  });

  it("needs a token", async () => {
    const response = await gatewayFetch("/api/transfers", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(valid()) });
    expect(response.status).toBe(401);
  });
});

describe("bad ids and queries on reads", () => {
  const reads: Array<[string, () => string, RegExp]> = [
    ["an account id that is not one", () => "/api/accounts/12345", /^id: not an account id/],
    ["a transfer id that is an account id", () => `/api/transfers/${c.checkingId}`, /^id: not a transfer id/],
    ["limit 0", () => `/api/accounts/${c.checkingId}/transactions?limit=0`, /^limit: /],
    ["limit 101", () => `/api/accounts/${c.checkingId}/transactions?limit=101`, /^limit: /],
    ["a limit that is not a number", () => `/api/accounts/${c.checkingId}/transactions?limit=ten`, /^limit: /],
    ["a cursor this API did not write", () => `/api/accounts/${c.checkingId}/transactions?cursor=bm90LWEtY3Vyc29y`, /^cursor: /],
    ["an impossible date", () => `/api/accounts/${c.checkingId}/transactions?from=2026-02-30`, /^from: /],
    ["a date that is not ISO", () => `/api/accounts/${c.checkingId}/transactions?to=03/01/2026`, /^to: /],
    ["from after to", () => `/api/accounts/${c.checkingId}/transactions?from=2026-03-02&to=2026-03-01`, /^from: must be before to/],
    ["a search over 64 characters", () => `/api/accounts/${c.checkingId}/transactions?q=${"a".repeat(65)}`, /^q: /],
    ["an unknown query parameter", () => `/api/accounts/${c.checkingId}/transactions?sort=asc`, /unknown field: sort/],
  ];

  it.each(reads)("%s → 400 naming the field", async (_name, path, message) => {
    const response = await apiGet(path(), token);
    expect(response.status).toBe(400);
    const error = ((await response.json()) as ErrorBody).error;
    expect(error.code).toBe("validation_failed");
    expect(error.message).toMatch(message);
  });

  it("answers a malformed payee id with 400", async () => {
    const response = await apiGet("/api/payees/pay_nope", token);
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.message).toMatch(/^id: not a payee id/);
  });

  it("answers a malformed card id with 400", async () => {
    const response = await apiPost("/api/cards/card_nope/freeze", token);
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorBody).error.message).toMatch(/^id: not a card id/);
  });
});

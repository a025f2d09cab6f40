import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as banking from "../../packages/banking/index.js";
import type { TestCustomer } from "../../scripts/db/fixtures.js";
import { apiGet, apiPost, freshCustomerId, idempotencyKey, makeCustomer, postTransfer, tokenFor } from "./banking-helpers.js";
import { withTestDb } from "./helpers.js";

/**
 * OWASP API1 (BOLA): with customer A's identity, every id of customer B must answer exactly like an
 * id that does not exist — 404 not_found with the same message — and change nothing of B's.
 */
const FILE = "bola";
let a: TestCustomer;
let b: TestCustomer;
let tokenA: string;
let bTransferId: string;

async function snapshotOfB(): Promise<string> {
  const token = await tokenFor(b.customerId);
  const parts = await Promise.all([
    apiGet("/api/accounts", token).then((r) => r.text()),
    apiGet("/api/cards", token).then((r) => r.text()),
    apiGet(`/api/accounts/${b.checkingId}/transactions?limit=100`, token).then((r) => r.text()),
  ]);
  return parts.join("\n");
}

// A fresh caller per test: the gateway limits each customer to a few money requests a minute.
beforeEach(async () => {
  a = await makeCustomer(FILE, { checking: 500_00 });
  tokenA = await tokenFor(a.customerId);
});

beforeAll(async () => {
  b = await makeCustomer(FILE, { checking: 500_00 });
  const moved = await postTransfer(await tokenFor(b.customerId), idempotencyKey("b-own"), {
    fromAccountId: b.checkingId,
    toAccountId: b.savingsId,
    amount: { value: "5.00", currency: "USD" },
  });
  bTransferId = ((await moved.json()) as { id: string }).id;
});

const UNKNOWN = {
  account: "acc_00000000000000000000",
  card: "card_00000000000000000000",
  payee: "pay_00000000000000000000",
  transfer: "trf_00000000000000000000",
};

describe("REST routes with another customer's ids", () => {
  const routes: Array<[string, (ids: { account: string; card: string; payee: string; transfer: string; savings: string }) => Promise<Response>]> = [
    ["GET /api/accounts/:id", (x) => apiGet(`/api/accounts/${x.account}`, tokenA)],
    ["GET /api/accounts/:id/transactions", (x) => apiGet(`/api/accounts/${x.account}/transactions`, tokenA)],
    ["GET /api/payees/:id", (x) => apiGet(`/api/payees/${x.payee}`, tokenA)],
    ["POST /api/cards/:id/freeze", (x) => apiPost(`/api/cards/${x.card}/freeze`, tokenA)],
    ["POST /api/cards/:id/unfreeze", (x) => apiPost(`/api/cards/${x.card}/unfreeze`, tokenA)],
    ["GET /api/transfers/:id", (x) => apiGet(`/api/transfers/${x.transfer}`, tokenA)],
    [
      "POST /api/transfers from their account",
      (x) => postTransfer(tokenA, idempotencyKey("bola"), { fromAccountId: x.account, toAccountId: a.savingsId, amount: { value: "1.00", currency: "USD" } }),
    ],
    [
      "POST /api/transfers to their account",
      (x) => postTransfer(tokenA, idempotencyKey("bola"), { fromAccountId: a.checkingId, toAccountId: x.account, amount: { value: "1.00", currency: "USD" } }),
    ],
    [
      "POST /api/transfers to their payee",
      (x) => postTransfer(tokenA, idempotencyKey("bola"), { fromAccountId: a.checkingId, toPayeeId: x.payee, amount: { value: "1.00", currency: "USD" } }),
    ],
    [
      "POST /api/transfers between two of their accounts",
      (x) => postTransfer(tokenA, idempotencyKey("bola"), { fromAccountId: x.account, toAccountId: x.savings, amount: { value: "1.00", currency: "USD" } }),
    ],
  ];

  it.each(routes)("%s answers exactly as for an unknown id and changes nothing", async (_name, call) => {
    const before = await snapshotOfB();
    const theirs = await call({ account: b.checkingId, card: b.cardIds[0]!, payee: b.payeeIds[0]!, transfer: bTransferId, savings: b.savingsId });
    const unknown = await call({ ...UNKNOWN, savings: "acc_11111111111111111111" });
    expect(theirs.status).toBe(404);
    const theirsBody = (await theirs.json()) as { error: { code: string; message: string } };
    const unknownBody = (await unknown.json()) as { error: { code: string; message: string } };
    expect(unknown.status).toBe(404);
    expect(theirsBody.error.code).toBe("not_found");
    expect(theirsBody.error.message).toBe(unknownBody.error.message);
    expect(JSON.stringify(theirsBody)).not.toContain(b.customerId);
    expect(await snapshotOfB()).toBe(before);
  });

  it("lists only the caller's own accounts, payees and cards", async () => {
    const texts = await Promise.all(["/api/accounts", "/api/payees", "/api/cards"].map((p) => apiGet(p, tokenA).then((r) => r.text())));
    for (const id of [b.checkingId, b.savingsId, b.creditId, ...b.cardIds, ...b.payeeIds]) {
      for (const text of texts) expect(text).not.toContain(id);
    }
  });
});

describe("domain functions with another customer's ids", () => {
  const notFound = { ok: false, status: 404, code: "not_found" };

  it("answers not_found for every read and write, and leaves the other customer untouched", async () => {
    const before = await snapshotOfB();
    await withTestDb(async (db) => {
      expect(await banking.getAccount(db, a.customerId, b.checkingId)).toMatchObject(notFound);
      expect(await banking.listTransactions(db, a.customerId, { accountId: b.checkingId })).toMatchObject(notFound);
      expect(await banking.freezeCard(db, a.customerId, b.cardIds[0]!)).toMatchObject(notFound);
      expect(await banking.unfreezeCard(db, a.customerId, b.cardIds[1]!)).toMatchObject(notFound);
      expect(await banking.getPayee(db, a.customerId, b.payeeIds[0]!)).toMatchObject(notFound);
      expect(await banking.getTransfer(db, a.customerId, bTransferId)).toMatchObject(notFound);
      const attempt = (fromAccountId: string, to: banking.TransferDestination) =>
        banking.transfer(db, a.customerId, { idempotencyKey: idempotencyKey("dom"), fromAccountId, to, amount: { minor: 100, currency: "USD" } });
      expect(await attempt(b.checkingId, { accountId: a.savingsId })).toMatchObject(notFound);
      expect(await attempt(a.checkingId, { accountId: b.checkingId })).toMatchObject(notFound);
      expect(await attempt(a.checkingId, { payeeId: b.payeeIds[0]! })).toMatchObject(notFound);
      expect(await attempt(b.checkingId, { accountId: b.savingsId })).toMatchObject(notFound);
      // All transactions across accounts: none of B's.
      const all = await banking.listTransactions(db, a.customerId, { limit: 100 });
      expect(all.ok && all.value.items.every((t) => [a.checkingId, a.savingsId, a.creditId].includes(t.accountId))).toBe(true);
    });
    expect(await snapshotOfB()).toBe(before);
  });

  it("keeps idempotency keys per customer: B's key used by A is a new transfer of A's", async () => {
    const key = idempotencyKey("shared");
    await withTestDb(async (db) => {
      const ofB = await banking.transfer(db, b.customerId, { idempotencyKey: key, fromAccountId: b.checkingId, to: { accountId: b.savingsId }, amount: { minor: 100, currency: "USD" } });
      const ofA = await banking.transfer(db, a.customerId, { idempotencyKey: key, fromAccountId: a.checkingId, to: { accountId: a.savingsId }, amount: { minor: 100, currency: "USD" } });
      expect(ofB.ok && ofA.ok).toBe(true);
      if (ofB.ok && ofA.ok) {
        expect(ofA.value.replayed).toBe(false);
        expect(ofA.value.transfer.id).not.toBe(ofB.value.transfer.id);
      }
    });
  });
});

describe("a token whose sub has no customer row", () => {
  it("is let in, owns nothing, and gets 404 for every id of B's without changing anything", async () => {
    const before = await snapshotOfB();
    const stranger = await tokenFor(freshCustomerId(FILE));
    const lists = await Promise.all(["/api/accounts", "/api/cards", "/api/payees"].map((path) => apiGet(path, stranger)));
    for (const response of lists) {
      expect(response.status).toBe(200);
      expect(((await response.json()) as { items: unknown[] }).items).toEqual([]);
    }
    expect((await apiGet(`/api/accounts/${b.checkingId}`, stranger)).status).toBe(404);
    expect((await apiPost(`/api/cards/${b.cardIds[0]}/freeze`, stranger)).status).toBe(404);
    const moved = await postTransfer(stranger, idempotencyKey("stranger"), {
      fromAccountId: b.checkingId,
      toAccountId: b.savingsId,
      amount: { value: "1.00", currency: "USD" },
    });
    expect(moved.status).toBe(404);
    expect(await snapshotOfB()).toBe(before);
  });
});

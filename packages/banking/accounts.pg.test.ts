import { describe, expect, it } from "vitest";
import { getAccount, listAccounts, listTransactions, spendingSummary } from "./accounts.js";
import { bookExternal } from "./ledger.repo.js";
import { transfer } from "./transfer.js";
import { idempotencyKey, makeCustomer, value } from "../../test/workerd/banking-helpers.js";
import { withTestDb } from "../../test/workerd/helpers.js";

/** Accounts, transactions and spending as the domain answers them, read from Postgres per customer. */
const FILE = "accounts";
const DAY = Date.UTC(2026, 5, 10);

async function customerWithPurchases() {
  const c = await makeCustomer(FILE, { checking: 500_00, savings: 0 });
  await withTestDb((db) =>
    db.transaction((tx) =>
      bookExternal(tx, [
        { customerId: c.customerId, accountId: c.checkingId, amount: -12_50, currency: "USD", merchant: "Corner Cafe", category: "Dining", postedAt: new Date(DAY), status: "posted" },
        { customerId: c.customerId, accountId: c.checkingId, amount: -40_00, currency: "USD", merchant: "Fresh Market", category: "Groceries", postedAt: new Date(DAY + 3_600_000), status: "posted" },
        { customerId: c.customerId, accountId: c.creditId, amount: -7_50, currency: "USD", merchant: "Corner Cafe", category: "Dining", postedAt: new Date(DAY + 7_200_000), status: "posted" },
      ]),
    ),
  );
  return c;
}

describe("accounts", () => {
  it("lists the customer's own accounts, checking first, with balance and what is available", async () => {
    const c = await makeCustomer(FILE, { checking: 120_00, savings: 30_00, creditLimit: 500_00 });
    const accounts = value(await withTestDb((db) => listAccounts(db, c.customerId)));
    expect(accounts.map((a) => [a.id, a.type, a.balance.minor, a.available.minor, a.creditLimit?.minor ?? null])).toEqual([
      [c.checkingId, "checking", 120_00, 120_00, null],
      [c.savingsId, "savings", 30_00, 30_00, null],
      [c.creditId, "credit", 0, 500_00, 500_00],
    ]);
  });

  it("answers another customer's account, a malformed id and a clearing account alike: not found", async () => {
    const a = await makeCustomer(FILE);
    const b = await makeCustomer(FILE);
    expect(value(await withTestDb((db) => getAccount(db, a.customerId, a.savingsId))).name).toBe("Rainy Day Savings");
    for (const id of [b.savingsId, "acc_' OR 1=1 --", "sys_clearing_usd"]) {
      expect(await withTestDb((db) => getAccount(db, a.customerId, id))).toMatchObject({ ok: false, status: 404, code: "not_found" });
    }
  });
});

describe("transactions", () => {
  it("pages newest first by cursor, filtered by account, text and dates", async () => {
    const c = await customerWithPurchases();
    const all = value(await withTestDb((db) => listTransactions(db, c.customerId, {})));
    expect(all.items.map((t) => t.merchant)).toEqual(["Opening balance", "Corner Cafe", "Fresh Market", "Corner Cafe"]);
    const june = { limit: 2, from: "2026-06-01", to: "2026-06-30" };
    const first = value(await withTestDb((db) => listTransactions(db, c.customerId, june)));
    expect(first.items.map((t) => [t.merchant, t.accountId])).toEqual([["Corner Cafe", c.creditId], ["Fresh Market", c.checkingId]]);
    const second = value(await withTestDb((db) => listTransactions(db, c.customerId, { ...june, cursor: first.nextCursor! })));
    expect(second.items.map((t) => [t.merchant, t.accountId])).toEqual([["Corner Cafe", c.checkingId]]);
    expect(second.nextCursor).toBeNull();

    const cafeOnChecking = value(await withTestDb((db) => listTransactions(db, c.customerId, { accountId: c.checkingId, q: "cafe" })));
    expect(cafeOnChecking.items.map((t) => [t.accountId, t.amount.minor])).toEqual([[c.checkingId, -12_50]]);
    const groceries = value(await withTestDb((db) => listTransactions(db, c.customerId, { q: "groceries", from: "2026-06-10", to: "2026-06-10" })));
    expect(groceries.items.map((t) => t.merchant)).toEqual(["Fresh Market"]);
  });

  it("refuses another customer's account and a cursor it did not write", async () => {
    const a = await makeCustomer(FILE);
    const b = await makeCustomer(FILE);
    expect(await withTestDb((db) => listTransactions(db, a.customerId, { accountId: b.checkingId }))).toMatchObject({ ok: false, status: 404 });
    expect(await withTestDb((db) => listTransactions(db, a.customerId, { cursor: "bm90LWEtY3Vyc29y" }))).toMatchObject({ ok: false, status: 400 });
  });
});

describe("spending", () => {
  it("sums money out by category, counting payments to payees but not moves between own accounts", async () => {
    const c = await customerWithPurchases();
    for (const to of [{ accountId: c.savingsId }, { payeeId: c.payeeIds[0]! }]) {
      const moved = await withTestDb((db) =>
        transfer(db, c.customerId, { idempotencyKey: idempotencyKey("spend"), fromAccountId: c.checkingId, to, amount: { minor: 25_00, currency: "USD" } }),
      );
      if (!moved.ok) throw new Error(moved.message);
    }
    const june = value(await withTestDb((db) => spendingSummary(db, c.customerId, { from: "2026-06-01", to: "2026-06-30" })));
    expect(june.total).toEqual({ minor: 60_00, currency: "USD" });
    expect(june.byCategory).toEqual([
      { category: "Groceries", total: { minor: 40_00, currency: "USD" } },
      { category: "Dining", total: { minor: 20_00, currency: "USD" } },
    ]);
    const today = new Date().toISOString().slice(0, 10);
    const now = value(await withTestDb((db) => spendingSummary(db, c.customerId, { from: today, to: today })));
    expect(now.total.minor).toBe(25_00);
    const dining = value(await withTestDb((db) => spendingSummary(db, c.customerId, { from: "2026-06-01", to: "2026-06-30", category: "dining" })));
    expect(dining.byCategory.map((x) => x.category)).toEqual(["Dining"]);
    // At one merchant: part of its name, any case, across accounts; "%" is a character, not a wildcard.
    const cafe = value(await withTestDb((db) => spendingSummary(db, c.customerId, { from: "2026-06-01", to: "2026-06-30", merchant: "corner cafe" })));
    expect(cafe.total).toEqual({ minor: 20_00, currency: "USD" });
    // Named as booked, for the answer to say "Corner Cafe" whatever was typed; never for a category.
    expect(cafe.merchant).toBe("Corner Cafe");
    expect(dining.merchant).toBeUndefined();
    const market = value(await withTestDb((db) => spendingSummary(db, c.customerId, { from: "2026-06-01", to: "2026-06-30", merchant: "Market" })));
    expect(market.total.minor).toBe(40_00);
    const wildcard = value(await withTestDb((db) => spendingSummary(db, c.customerId, { from: "2026-06-01", to: "2026-06-30", merchant: "%" })));
    expect(wildcard.total.minor).toBe(0);
    expect(await withTestDb((db) => spendingSummary(db, c.customerId, { from: "2026-06-01", to: "2026-06-30", merchant: " " }))).toMatchObject({
      ok: false,
      code: "validation_failed",
    });
  });

  it("sums money out of one kind of account or one account number only, never another customer's", async () => {
    const c = await customerWithPurchases();
    const other = await customerWithPurchases();
    const june = { from: "2026-06-01", to: "2026-06-30" };
    const total = async (of: { accountType?: "checking" | "savings" | "credit"; accountMask?: string }, who = c.customerId) =>
      value(await withTestDb((db) => spendingSummary(db, who, { ...june, ...of }))).total.minor;
    expect(await total({})).toBe(60_00);
    expect(await total({ accountType: "checking" })).toBe(52_50);
    expect(await total({ accountType: "credit" })).toBe(7_50);
    expect(await total({ accountType: "savings" })).toBe(0);
    const maskOf = async (customerId: string, id: string) => value(await withTestDb((db) => listAccounts(db, customerId))).find((a) => a.id === id)!.mask;
    expect(await total({ accountMask: await maskOf(c.customerId, c.creditId) })).toBe(7_50);
    // Another customer's account number finds none of theirs (nor this customer's, unless the digits match).
    const otherMask = await maskOf(other.customerId, other.checkingId);
    if (otherMask !== (await maskOf(c.customerId, c.checkingId)) && otherMask !== (await maskOf(c.customerId, c.creditId))) {
      expect(await total({ accountMask: otherMask })).toBe(0);
    }
    expect(await withTestDb((db) => spendingSummary(db, c.customerId, { ...june, accountType: "brokerage" as "checking" }))).toMatchObject({
      ok: false,
      code: "validation_failed",
    });
    expect(await withTestDb((db) => spendingSummary(db, c.customerId, { ...june, accountMask: "12a4" }))).toMatchObject({ ok: false, code: "validation_failed" });
  });

  it("refuses dates it cannot read or in the wrong order", async () => {
    const c = await makeCustomer(FILE);
    expect(await withTestDb((db) => spendingSummary(db, c.customerId, { from: "june", to: "2026-06-30" }))).toMatchObject({ ok: false, code: "validation_failed" });
    expect(await withTestDb((db) => spendingSummary(db, c.customerId, { from: "2026-07-01", to: "2026-06-01" }))).toMatchObject({ ok: false, code: "validation_failed" });
  });
});

import { describe, expect, it } from "vitest";
import { selectSpending, selectTransactionPage } from "./transactions.repo.js";
import { bookExternal } from "./ledger.repo.js";
import type { TransactionFilter } from "./validation.js";
import { makeCustomer } from "../../test/workerd/banking-helpers.js";
import { withTestDb } from "../../test/workerd/helpers.js";

const FILE = "txnrepo";
const DAY = Date.UTC(2026, 2, 3);
const ALL: TransactionFilter = { accountId: undefined, after: null, limit: 20, pattern: null, fromMs: null, toMsExclusive: null };

async function customerWithBookings() {
  // No opening balances: only the bookings below are the customer's transactions.
  const c = await makeCustomer(FILE, { checking: 0, savings: 0 });
  const booking = (merchant: string, category: string, amount: number, hours: number) => ({
    customerId: c.customerId, accountId: c.checkingId, amount, currency: "USD" as const, merchant, category, postedAt: new Date(DAY + hours * 3_600_000), status: "posted" as const,
  });
  await withTestDb((db) =>
    db.transaction((tx) =>
      bookExternal(tx, [booking("Salary", "Income", 900_00, 0), booking("100% Juice_Bar", "Dining", -6_00, 1), booking("Bus", "Transport", -2_50, 2), booking("Bakery", "Dining", -4_00, 3)]),
    ),
  );
  return c;
}

describe("transaction pages", () => {
  it("read one row past the limit, newest first, and continue strictly after a position", async () => {
    const c = await customerWithBookings();
    const page = await withTestDb((db) => selectTransactionPage(db, c.customerId, { ...ALL, limit: 2 }));
    expect(page.map((r) => r.merchant)).toEqual(["Bakery", "Bus", "100% Juice_Bar"]);
    const after = { postedAtMs: page[1]!.postedAt.getTime(), id: page[1]!.id };
    const next = await withTestDb((db) => selectTransactionPage(db, c.customerId, { ...ALL, after }));
    expect(next.map((r) => r.merchant)).toEqual(["100% Juice_Bar", "Salary"]);
  });

  it("match merchant or category by pattern, within [from, to)", async () => {
    const c = await customerWithBookings();
    const dining = await withTestDb((db) => selectTransactionPage(db, c.customerId, { ...ALL, pattern: "%dining%" }));
    expect(dining.map((r) => r.merchant)).toEqual(["Bakery", "100% Juice_Bar"]);
    const window = await withTestDb((db) => selectTransactionPage(db, c.customerId, { ...ALL, fromMs: DAY + 3_600_000, toMsExclusive: DAY + 3 * 3_600_000 }));
    expect(window.map((r) => r.merchant)).toEqual(["Bus", "100% Juice_Bar"]);
    const other = await makeCustomer(FILE);
    expect(await withTestDb((db) => selectTransactionPage(db, other.customerId, { ...ALL, fromMs: DAY, toMsExclusive: DAY + 86_400_000 }))).toEqual([]);
  });
});

describe("spending rows", () => {
  it("total money out per category, largest first, a category matched literally", async () => {
    const c = await customerWithBookings();
    const range = { fromMs: DAY, toMsExclusive: DAY + 86_400_000 };
    expect(await withTestDb((db) => selectSpending(db, c.customerId, range))).toEqual([
      { category: "Dining", currency: "USD", total: 10_00 },
      { category: "Transport", currency: "USD", total: 2_50 },
    ]);
    expect(await withTestDb((db) => selectSpending(db, c.customerId, { ...range, category: "DINING" }))).toHaveLength(1);
    expect(await withTestDb((db) => selectSpending(db, c.customerId, { ...range, category: "%" }))).toEqual([]);
  });
});

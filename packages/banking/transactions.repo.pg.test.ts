import { describe, expect, it } from "vitest";
import { and, desc, eq, sql } from "drizzle-orm";
import { selectSpending, selectTransactionPage } from "./transactions.repo.js";
import { bookExternal } from "./ledger.repo.js";
import { transfer } from "./transfer.js";
import { transactions } from "../db/schema/banking.js";
import { idempotencyKey } from "../../test/workerd/banking-helpers.js";
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

  // explore27: "how much have i sent to lucia" found nothing for “Lucía García”.
  it("match a merchant stored with accents by the name typed without them, in pages and in spending", async () => {
    const c = await makeCustomer(FILE, { checking: 100_00, savings: 0 });
    await withTestDb((db) =>
      bookExternal(db, [
        { customerId: c.customerId, accountId: c.checkingId, amount: -40_00, currency: "USD", merchant: "Lucía García", category: "Transfers", postedAt: new Date(DAY), status: "posted" },
        { customerId: c.customerId, accountId: c.checkingId, amount: -3_00, currency: "USD", merchant: "Café Olé", category: "Coffee", postedAt: new Date(DAY + 1), status: "posted" },
      ]),
    );
    const lucia = await withTestDb((db) => selectTransactionPage(db, c.customerId, { ...ALL, pattern: "%lucia%" }));
    expect(lucia.map((r) => r.merchant)).toEqual(["Lucía García"]);
    const cafe = await withTestDb((db) => selectTransactionPage(db, c.customerId, { ...ALL, pattern: "%CAFE OLE%" }));
    expect(cafe.map((r) => r.merchant)).toEqual(["Café Olé"]);
    const spent = await withTestDb((db) => selectSpending(db, c.customerId, { fromMs: DAY, toMsExclusive: DAY + 86_400_000, merchant: "garcia" }));
    expect(spent).toEqual([{ category: "Transfers", currency: "USD", total: 40_00, payments: 1, firstMerchant: "Lucía García", lastMerchant: "Lucía García" }]);
  });

  it("keep to one kind of the customer's accounts, or one by its last four digits, and to sizes within bounds", async () => {
    const c = await customerWithBookings();
    await withTestDb((db) =>
      bookExternal(db, [{ customerId: c.customerId, accountId: c.savingsId, amount: 7_00, currency: "USD", merchant: "Interest", category: "Income", postedAt: new Date(DAY + 5 * 3_600_000), status: "posted" }]),
    );
    const savings = await withTestDb((db) => selectTransactionPage(db, c.customerId, { ...ALL, accountType: "savings" }));
    expect(savings.map((r) => r.merchant)).toEqual(["Interest"]);
    const other = await makeCustomer(FILE);
    // Another customer's savings account is never among them, though its type is the same.
    expect(await withTestDb((db) => selectTransactionPage(db, other.customerId, { ...ALL, accountType: "checking", fromMs: DAY, toMsExclusive: DAY + 86_400_000 }))).toEqual([]);
    const mask = await withTestDb(async (db) => (await db.execute(sql`SELECT mask FROM accounts WHERE id = ${c.checkingId}`)) as unknown as { rows: Array<{ mask: string }> });
    const byMask = await withTestDb((db) => selectTransactionPage(db, c.customerId, { ...ALL, accountMask: mask.rows[0]!.mask }));
    expect(byMask.map((r) => r.merchant)).toEqual(["Bakery", "Bus", "100% Juice_Bar", "Salary"]);
    // Size in or out: money in counts by its size as money out does; both bounds inclusive.
    const sized = await withTestDb((db) => selectTransactionPage(db, c.customerId, { ...ALL, minAmount: 4_00, maxAmount: 7_00 }));
    expect(sized.map((r) => r.merchant)).toEqual(["Interest", "Bakery", "100% Juice_Bar"]);
    // Money in or money out only: the page holds only those, so a full page is a full page of them.
    const spent = await withTestDb((db) => selectTransactionPage(db, c.customerId, { ...ALL, minAmount: 4_00, maxAmount: 7_00, direction: "out" }));
    expect(spent.map((r) => r.merchant)).toEqual(["Bakery", "100% Juice_Bar"]);
    const received = await withTestDb((db) => selectTransactionPage(db, c.customerId, { ...ALL, accountMask: mask.rows[0]!.mask, direction: "in" }));
    expect(received.map((r) => r.merchant)).toEqual(["Salary"]);
  });
});

describe("transaction pages as drizzle's select builder read them", () => {
  it("give the same rows, values and types of the columns a page shows: bookings, pending rows and a transfer's derived rows", async () => {
    const c = await customerWithBookings();
    await withTestDb((db) =>
      bookExternal(db, [{ customerId: c.customerId, accountId: c.checkingId, amount: -1_23, currency: "USD", merchant: "Kiosk", category: "Shopping", postedAt: new Date(DAY + 4 * 3_600_000 + 7), status: "pending" }]),
    );
    const moved = await withTestDb((db) =>
      transfer(db, c.customerId, { idempotencyKey: idempotencyKey("page"), fromAccountId: c.checkingId, to: { accountId: c.savingsId }, amount: { minor: 5_00, currency: "USD" }, memo: null }),
    );
    expect(moved.ok).toBe(true);
    const builder = (accountId?: string) =>
      withTestDb((db) =>
        db
          .select()
          .from(transactions)
          .where(accountId ? and(eq(transactions.customerId, c.customerId), eq(transactions.accountId, accountId)) : eq(transactions.customerId, c.customerId))
          .orderBy(desc(transactions.postedAt), desc(transactions.id))
          .limit(21),
      );
    const all = await withTestDb((db) => selectTransactionPage(db, c.customerId, ALL));
    expect(all).toHaveLength(7);
    expect(all.some((r) => r.transferId !== null && r.status === "posted")).toBe(true);
    const shown = (rows: Awaited<ReturnType<typeof builder>>) =>
      rows.map(({ id, accountId, transferId, merchant, category, amount, currency, status, postedAt }) => ({ id, accountId, transferId, merchant, category, amount, currency, status, postedAt }));
    expect(all).toEqual(shown(await builder()));
    expect(await withTestDb((db) => selectTransactionPage(db, c.customerId, { ...ALL, accountId: c.savingsId }))).toEqual(shown(await builder(c.savingsId)));
  });
});

describe("spending rows", () => {
  it("total money out per category, largest first, a category matched literally", async () => {
    const c = await customerWithBookings();
    const range = { fromMs: DAY, toMsExclusive: DAY + 86_400_000 };
    expect(await withTestDb((db) => selectSpending(db, c.customerId, range))).toMatchObject([
      { category: "Dining", currency: "USD", total: 10_00 },
      { category: "Transport", currency: "USD", total: 2_50, firstMerchant: "Bus", lastMerchant: "Bus" },
    ]);
    expect(await withTestDb((db) => selectSpending(db, c.customerId, { ...range, categories: ["DINING"] }))).toHaveLength(1);
    expect(await withTestDb((db) => selectSpending(db, c.customerId, { ...range, categories: ["%"] }))).toEqual([]);
    expect(await withTestDb((db) => selectSpending(db, c.customerId, { ...range, categories: ["dining", "transport"] }))).toHaveLength(2);
  });
});

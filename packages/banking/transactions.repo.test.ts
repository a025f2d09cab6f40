import { describe, expect, it } from "vitest";
import { ACCENTED, PLAIN } from "./accent-fold.js";
import { selectTransactionPage } from "./transactions.repo.js";
import { rawOnly } from "../../test/support/raw-sql-db.js";
import type { TransactionFilter } from "./validation.js";

const ALL: TransactionFilter = { accountId: undefined, after: null, limit: 10, pattern: null, fromMs: null, toMsExclusive: null };

const ROW = {
  id: "txn_00000000000000000001",
  account_id: "acc_a",
  transfer_id: null,
  merchant: "Bakery",
  category: "Dining",
  amount: "-400",
  currency: "USD",
  status: "posted",
  posted_ms: Date.UTC(2026, 2, 3, 10, 0, 0, 123),
};

describe("transaction page query", () => {
  it("is one raw statement scoped to the customer, newest first, one row past the limit", async () => {
    const { db, seen } = rawOnly([]);
    await selectTransactionPage(db, "cus_a", ALL);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.sql).toMatch(/FROM transactions\s+WHERE customer_id = \$1\s+ORDER BY posted_at DESC, id DESC\s+LIMIT \$2$/);
    expect(seen[0]!.params).toEqual(["cus_a", 11]);
  });

  it("reads only the columns a page shows", async () => {
    const { db, seen } = rawOnly([]);
    await selectTransactionPage(db, "cus_a", ALL);
    expect(seen[0]!.sql).not.toMatch(/customer_id,|ledger_transaction_id|created_at/);
  });

  it("adds each filter as a parameter, the customer always first", async () => {
    const { db, seen } = rawOnly([]);
    const after = { postedAtMs: Date.UTC(2026, 2, 3), id: "txn_00000000000000000009" };
    await selectTransactionPage(db, "cus_a", { accountId: "acc_a", after, limit: 2, pattern: "%din%", fromMs: Date.UTC(2026, 2, 1), toMsExclusive: Date.UTC(2026, 2, 4) });
    const { sql, params } = seen[0]!;
    expect(sql).toContain("WHERE customer_id = $1 AND account_id = $2 AND (posted_at, id) < ($3::timestamptz, $4)");
    // explore27: the merchant folded too ("lucia" finds “Lucía García”; accent-fold.ts), its letters as parameters.
    expect(sql).toContain("AND (merchant ILIKE $5 OR category ILIKE $6 OR translate(lower(merchant), $7, $8) LIKE $9)");
    expect(sql).toContain("AND posted_at >= $10::timestamptz AND posted_at < $11::timestamptz");
    expect(params).toEqual(["cus_a", "acc_a", "2026-03-03T00:00:00.000Z", after.id, "%din%", "%din%", ACCENTED, PLAIN, "%din%", "2026-03-01T00:00:00.000Z", "2026-03-04T00:00:00.000Z", 3]);
  });

  it("maps the driver's row to the columns a page shows (numbers, dates to the millisecond)", async () => {
    const { db } = rawOnly([ROW, { ...ROW, amount: 250, transfer_id: "trf_a", status: "pending" }]);
    const rows = await selectTransactionPage(db, "cus_a", ALL);
    expect(rows[0]).toEqual({
      id: ROW.id,
      accountId: "acc_a",
      transferId: null,
      merchant: "Bakery",
      category: "Dining",
      amount: -400,
      currency: "USD",
      status: "posted",
      postedAt: new Date("2026-03-03T10:00:00.123Z"),
    });
    expect(rows[1]).toMatchObject({ amount: 250, transferId: "trf_a", status: "pending" });
  });
});

import { describe, expect, it } from "vitest";
import { eq, inArray, sql } from "drizzle-orm";
import { accounts, ledgerEntries, transactions } from "../db/schema/banking.js";
import { bookExternal, insertCustomerTransactions, type ExternalBooking } from "./ledger.repo.js";
import { clearingAccountId } from "./accounts.repo.js";
import { newId } from "./ids.js";
import { sqlState } from "./db.js";
import { makeCustomer } from "../../test/workerd/banking-helpers.js";
import { withTestDb } from "../../test/workerd/helpers.js";

const FILE = "ledgerrepo";

describe("external bookings", () => {
  it("book each movement against clearing, move balances by the net, and write the customer's rows", async () => {
    const c = await makeCustomer(FILE, { checking: 300_00, savings: 0 });
    const at = new Date(Date.UTC(2026, 8, 1));
    // More than one chunk of 400, so the chunking is exercised too.
    const bookings: ExternalBooking[] = Array.from({ length: 401 }, (_, i) => ({
      customerId: c.customerId,
      accountId: i % 2 === 0 ? c.checkingId : c.savingsId,
      amount: i % 2 === 0 ? -1_00 : 2_00,
      currency: "USD",
      merchant: `Shop ${i}`,
      category: "Shopping",
      postedAt: at,
      status: "posted",
    }));
    await withTestDb((db) => db.transaction((tx) => bookExternal(tx, bookings)));
    const balances = await withTestDb((db) => db.select({ id: accounts.id, balance: accounts.balance }).from(accounts).where(inArray(accounts.id, [c.checkingId, c.savingsId])));
    expect(Object.fromEntries(balances.map((b) => [b.id, b.balance]))).toEqual({ [c.checkingId]: 300_00 - 201 * 1_00, [c.savingsId]: 200 * 2_00 });
    const rows = await withTestDb((db) => db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(transactions).where(sql`${transactions.customerId} = ${c.customerId} AND ${transactions.merchant} LIKE 'Shop %'`));
    expect(rows[0]!.n).toBe(401);
    const clearing = await withTestDb((db) =>
      db
        .select({ total: sql<number>`coalesce(sum(${ledgerEntries.amount}), 0)`.mapWith(Number) })
        .from(ledgerEntries)
        .innerJoin(transactions, eq(transactions.ledgerTransactionId, ledgerEntries.ledgerTransactionId))
        .where(sql`${transactions.customerId} = ${c.customerId} AND ${transactions.merchant} LIKE 'Shop %' AND ${ledgerEntries.accountId} = ${clearingAccountId("USD")}`),
    );
    expect(clearing[0]!.total).toBe(-(200 * 2_00 - 201 * 1_00));
  });

  it("refuses, with nothing kept, a booking on an account the customer does not hold", async () => {
    const a = await makeCustomer(FILE);
    const b = await makeCustomer(FILE);
    const merchant = `Stranger ${newId("transaction")}`;
    // The database refuses the customer's row itself: its account key includes the customer (0019).
    const refused = await withTestDb((db) =>
      db.transaction((tx) =>
        bookExternal(tx, [{ customerId: a.customerId, accountId: b.checkingId, amount: 1_00, currency: "USD", merchant, category: "Income", postedAt: new Date(), status: "posted" }]),
      ),
    ).then(
      () => "booked",
      (error: unknown) => sqlState(error),
    );
    expect(refused).toBe("23503"); // foreign_key_violation
    expect(await withTestDb((db) => db.select().from(transactions).where(eq(transactions.merchant, merchant)))).toEqual([]);
  });

  it("inserts no customer rows for an empty list", async () => {
    await expect(withTestDb((db) => insertCustomerTransactions(db, []))).resolves.toBeUndefined();
  });
});

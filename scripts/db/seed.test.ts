import { describe, expect, it } from "vitest";
import pg from "pg";
import { seedDemoData } from "./seed.js";
import { useMigratedDatabase } from "../../test/support/migrated-database.js";
import { DEMO_CUSTOMERS } from "../../workers/gateway/dev-idp/demo-customers.js";

/** The seed on a fresh database: embedded PGlite, or a throwaway database at TEST_DATABASE_URL. */
const database = useMigratedDatabase("teller_seed_test");

async function snapshot() {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const counts = await client.query(
      `SELECT (SELECT count(*) FROM customers) AS customers, (SELECT count(*) FROM accounts) AS accounts,
              (SELECT count(*) FROM cards) AS cards, (SELECT count(*) FROM payees) AS payees,
              (SELECT count(*) FROM transactions) AS transactions, (SELECT count(*) FROM ledger_entries) AS entries,
              (SELECT coalesce(sum(amount), 0) FROM ledger_entries) AS entry_sum`,
    );
    const accounts = await client.query(
      `SELECT a.id, a.customer_id, a.type, a.balance, a.credit_limit,
              (SELECT coalesce(sum(e.amount), 0) FROM ledger_entries e WHERE e.account_id = a.id) AS entries
       FROM accounts a WHERE a.customer_id IS NOT NULL ORDER BY a.id`,
    );
    return { counts: counts.rows[0], accounts: accounts.rows };
  } finally {
    await client.end();
  }
}

describe("seedDemoData", () => {
  it("creates the demo customers' banking, booked through the ledger, and changes nothing when run again", async () => {
    const first = await seedDemoData(database.url);
    expect(first.created).toEqual(DEMO_CUSTOMERS.map((c) => c.id));
    const before = await snapshot();
    expect(Number(before.counts.customers)).toBe(3);
    expect(Number(before.counts.transactions)).toBeGreaterThan(300);
    expect(Number(before.counts.entry_sum)).toBe(0);
    for (const account of before.accounts) {
      expect(account.balance).toBe(account.entries);
      expect(Number(account.balance)).toBeGreaterThanOrEqual(-Number(account.credit_limit));
    }

    const second = await seedDemoData(database.url, new Date(Date.now() + 3 * 86_400_000));
    expect(second).toEqual({ created: [], existing: DEMO_CUSTOMERS.map((c) => c.id) });
    expect(await snapshot()).toEqual(before);
  });
});

import { describe, expect, it } from "vitest";
import { creditStatements } from "../db/schema/account-facts.js";
import { selectAccountDetails, selectLatestStatements } from "./account-facts.repo.js";
import { newId } from "./ids.js";
import { makeCustomer } from "../../test/workerd/banking-helpers.js";
import { withTestDb } from "../../test/workerd/helpers.js";

const FILE = "factsrepo";

describe("account facts rows", () => {
  it("join each account with its details, in account order, only with the customer's id", async () => {
    const a = await makeCustomer(FILE);
    const b = await makeCustomer(FILE);
    const rows = await withTestDb((db) => selectAccountDetails(db, a.customerId));
    expect(rows.map((r) => [r.account.id, r.details.accountId])).toEqual([
      [a.checkingId, a.checkingId],
      [a.savingsId, a.savingsId],
      [a.creditId, a.creditId],
    ]);
    expect((await withTestDb((db) => selectAccountDetails(db, b.customerId))).some((r) => r.account.customerId !== b.customerId)).toBe(false);
  });

  it("keep one statement per credit account, the newest", async () => {
    const a = await makeCustomer(FILE);
    // A year-old statement besides the fixture's latest one.
    await withTestDb((db) =>
      db.insert(creditStatements).values({
        id: newId("statement"), customerId: a.customerId, accountId: a.creditId, currency: "USD",
        periodStart: "2025-01-01", periodEnd: "2025-01-31", dueDate: "2025-02-25", statementBalance: 99_00, minimumPayment: 10_00,
      }),
    );
    const rows = await withTestDb((db) => selectLatestStatements(db, a.customerId));
    expect(rows.map((r) => [r.account.id, r.statement.statementBalance])).toEqual([[a.creditId, 412_35]]);
    const other = await makeCustomer(FILE);
    expect((await withTestDb((db) => selectLatestStatements(db, other.customerId))).map((r) => r.account.id)).toEqual([other.creditId]);
  });
});

import { describe, expect, it } from "vitest";
import { clearingAccountId, selectAccount, selectAccountSummaries, selectAccounts } from "./accounts.repo.js";
import { makeCustomer } from "../../test/workerd/banking-helpers.js";
import { withTestDb } from "../../test/workerd/helpers.js";

const FILE = "accrepo";

describe("account rows", () => {
  it("are selected only with the customer's id, in checking, savings, credit order", async () => {
    const a = await makeCustomer(FILE);
    const b = await makeCustomer(FILE);
    const rows = await withTestDb((db) => selectAccounts(db, a.customerId));
    expect(rows.map((r) => r.id)).toEqual([a.checkingId, a.savingsId, a.creditId]);
    expect(await withTestDb((db) => selectAccount(db, a.customerId, a.creditId))).toMatchObject({ id: a.creditId, type: "credit" });
    expect(await withTestDb((db) => selectAccount(db, b.customerId, a.creditId))).toBeUndefined();
  });

  it("read as summaries: selectAccounts' rows and order, the balance list's columns", async () => {
    const a = await makeCustomer(FILE, { checking: 120_00, savings: 3_000_00, creditLimit: 500_00 });
    await makeCustomer(FILE, { checking: 1_00 });
    const full = await withTestDb((db) => selectAccounts(db, a.customerId));
    const summaries = await withTestDb((db) => selectAccountSummaries(db, a.customerId));
    expect(summaries).toEqual(full.map(({ id, name, type, mask, currency, balance, creditLimit }) => ({ id, name, type, mask, currency, balance, creditLimit })));
    expect(summaries.find((s) => s.type === "credit")?.creditLimit).toBe(500_00);
  });

  it("name one clearing account per currency, which no customer holds", async () => {
    expect(clearingAccountId("EUR")).toBe("sys_clearing_eur");
    const clearing = await withTestDb((db) => selectAccount(db, "", clearingAccountId("USD")));
    expect(clearing).toBeUndefined();
  });
});

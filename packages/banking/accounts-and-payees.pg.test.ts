import { describe, expect, it } from "vitest";
import { listAccountsAndPayees } from "./accounts-and-payees.js";
import { listAccounts } from "./accounts.js";
import { listPayees } from "./payees.js";
import { makeCustomer } from "../../test/workerd/banking-helpers.js";
import { withTestDb } from "../../test/workerd/helpers.js";

const FILE = "accounts_payees";

describe("listAccountsAndPayees", () => {
  it("gives exactly what listAccounts and listPayees give, in their order, in one query", async () => {
    const c = await makeCustomer(FILE, { checking: 120_00, savings: 3_000_00, creditLimit: 500_00 });
    await makeCustomer(FILE, { checking: 1_00 }); // another customer's rows never show
    const both = await withTestDb((db) => listAccountsAndPayees(db, c.customerId));
    const accounts = await withTestDb((db) => listAccounts(db, c.customerId));
    const payees = await withTestDb((db) => listPayees(db, c.customerId));
    if (!both.ok || !accounts.ok || !payees.ok) throw new Error("read refused");
    expect(both.value.accounts.length).toBeGreaterThan(1);
    expect(both.value).toEqual({ accounts: accounts.value, payees: payees.value });
  });

  it("gives empty lists to a customer with nothing", async () => {
    expect(await withTestDb((db) => listAccountsAndPayees(db, "cus_owns_nothing"))).toEqual({ ok: true, value: { accounts: [], payees: [] } });
  });
});

import { describe, expect, it } from "vitest";
import * as banking from "../../packages/banking/index.js";
import { insertAccountFacts, insertCustomer } from "../../scripts/db/fixtures.js";
import { DEMO_CUSTOMERS } from "../../workers/gateway/dev-idp/demo-customers.js";
import { demoCustomerSpec } from "../../scripts/db/demo-data.js";
import { withTestDb } from "./helpers.js";
import { value } from "./banking-helpers.js";

/**
 * The seed's backfill of account facts for demo customers (scripts/db/fixtures.ts), read back
 * through the banking package: spans the seed and the package, so it stays here. The facts
 * themselves are tested beside packages/banking/account-facts.ts.
 */
const FILE = "facts";

describe("account facts", () => {
  it("backfills a demo customer's facts idempotently, without touching what exists", async () => {
    const spec = demoCustomerSpec({ ...DEMO_CUSTOMERS[0]!, id: `cus_test_${FILE}_demo_${Date.now().toString(36)}` }, 0, new Date());
    const bare = { ...spec, accounts: spec.accounts.map(({ details: _d, ...a }) => a), cards: spec.cards.map(({ expiryMonth: _m, expiryYear: _y, ...c }) => c), statements: [] };
    await withTestDb((db) => insertCustomer(db, bare));
    expect(value(await withTestDb((db) => banking.listCreditStatements(db, spec.customer.id)))).toEqual([]);
    await withTestDb((db) => insertAccountFacts(db, spec));
    await withTestDb((db) => insertAccountFacts(db, spec));
    const statements = value(await withTestDb((db) => banking.listCreditStatements(db, spec.customer.id)));
    expect(statements.map((s) => s.statementBalance.minor)).toEqual([spec.statements![0]!.statementBalance]);
    const numbers = value(await withTestDb((db) => banking.listAccountNumbers(db, spec.customer.id, { reveal: true })));
    expect(numbers.map((n) => n.accountNumber)).toEqual(spec.accounts.map((a) => a.details!.accountNumber));
  });
});

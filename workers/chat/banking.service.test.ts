import { describe, expect, it } from "vitest";
import { env } from "cloudflare:test";
import { eq, sql } from "drizzle-orm";
import { customers } from "../../packages/db/schema/banking.js";
import { makeCustomer } from "../../test/workerd/banking-helpers.js";
import { uniqueCustomerId, withTestDb } from "../../test/workerd/helpers.js";

// The REST routes over this surface: test/workerd/banking-api.test.ts; other customers' ids:
// test/workerd/banking-bola.test.ts.
describe("the banking domain over RPC", () => {
  it("answers for the customer named first: their own accounts, and not_found for another's", async () => {
    const [a, b] = await Promise.all([makeCustomer("banking_service", { checking: 12_34 }), makeCustomer("banking_service")]);
    const own = await env.BANKING.listAccounts(a.customerId);
    const ids = own.ok ? own.value.map((account) => account.id) : [];
    expect(ids).toEqual(expect.arrayContaining([a.checkingId, a.savingsId]));
    expect(ids).not.toContain(b.checkingId);
    const other = await env.BANKING.getAccount(a.customerId, b.checkingId);
    expect(other).toMatchObject({ ok: false, status: 404, code: "not_found" });
  });

  it("counts a customer active unless the bank disabled them, also one with no row yet", async () => {
    const customer = await makeCustomer("banking_service_status");
    expect(await env.BANKING.isCustomerActive(customer.customerId)).toBe(true);
    expect(await env.BANKING.isCustomerActive(uniqueCustomerId("no-row"))).toBe(true);
    await withTestDb((db) => db.update(customers).set({ disabledAt: sql`now()` }).where(eq(customers.id, customer.customerId)));
    expect(await env.BANKING.isCustomerActive(customer.customerId)).toBe(false);
  });
});

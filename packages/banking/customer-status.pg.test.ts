import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { customers } from "../db/schema/banking.js";
import { customerName, isCustomerActive } from "./customer-status.js";
import { freshCustomerId, makeCustomer } from "../../test/workerd/banking-helpers.js";
import { withTestDb } from "../../test/workerd/helpers.js";

const FILE = "status";

describe("customer status", () => {
  it("is active until the bank disables the customer, and active for a sub with no row yet", async () => {
    const c = await makeCustomer(FILE);
    expect(await withTestDb((db) => isCustomerActive(db, c.customerId))).toBe(true);
    await withTestDb((db) => db.update(customers).set({ disabledAt: new Date() }).where(eq(customers.id, c.customerId)));
    expect(await withTestDb((db) => isCustomerActive(db, c.customerId))).toBe(false);
    expect(await withTestDb((db) => isCustomerActive(db, freshCustomerId(FILE)))).toBe(true);
  });

  it("names the customer, or null when there is no such customer", async () => {
    const c = await makeCustomer(FILE);
    expect(await withTestDb((db) => customerName(db, c.customerId))).toBe(`Test ${c.customerId}`);
    expect(await withTestDb((db) => customerName(db, freshCustomerId(FILE)))).toBeNull();
  });
});

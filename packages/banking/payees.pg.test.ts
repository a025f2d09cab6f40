import { describe, expect, it } from "vitest";
import { getPayee, listPayees } from "./payees.js";
import { makeCustomer } from "../../test/workerd/banking-helpers.js";
import { withTestDb } from "../../test/workerd/helpers.js";

const FILE = "payees";

describe("payees", () => {
  it("lists the customer's own payees by name, and gets one of them", async () => {
    const c = await makeCustomer(FILE);
    const listed = await withTestDb((db) => listPayees(db, c.customerId));
    expect(listed).toEqual({
      ok: true,
      value: [
        // The biller is told apart from the person (migration 0017).
        { id: c.payeeIds[1], name: "City Power & Light", mask: "9911", currency: "USD", kind: "biller" },
        { id: c.payeeIds[0], name: "Jordan Lee", mask: "7788", currency: "USD", kind: "person" },
      ],
    });
    expect(await withTestDb((db) => getPayee(db, c.customerId, c.payeeIds[0]!))).toMatchObject({ ok: true, value: { name: "Jordan Lee" } });
  });

  it("answers another customer's payee and a malformed id alike: not found", async () => {
    const a = await makeCustomer(FILE);
    const b = await makeCustomer(FILE);
    for (const id of [b.payeeIds[0]!, "pay_' OR 1=1 --"]) {
      expect(await withTestDb((db) => getPayee(db, a.customerId, id))).toMatchObject({ ok: false, status: 404, code: "not_found" });
    }
  });
});

import { describe, expect, it } from "vitest";
import { selectPayee, selectPayees } from "./payees.repo.js";
import { makeCustomer } from "../../test/workerd/banking-helpers.js";
import { withTestDb } from "../../test/workerd/helpers.js";

const FILE = "payrepo";

describe("payee rows", () => {
  it("are selected only with the customer's id, by name", async () => {
    const a = await makeCustomer(FILE);
    const b = await makeCustomer(FILE);
    expect((await withTestDb((db) => selectPayees(db, a.customerId))).map((r) => r.name)).toEqual(["City Power & Light", "Jordan Lee"]);
    expect(await withTestDb((db) => selectPayee(db, a.customerId, a.payeeIds[0]!))).toMatchObject({ id: a.payeeIds[0], customerId: a.customerId });
    expect(await withTestDb((db) => selectPayee(db, b.customerId, a.payeeIds[0]!))).toBeUndefined();
  });
});

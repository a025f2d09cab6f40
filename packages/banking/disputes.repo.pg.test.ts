import { describe, expect, it } from "vitest";
import { insertDispute, selectCustomerTransaction, selectDisputeForTransaction, selectDisputes } from "./disputes.repo.js";
import { bookExternal } from "./ledger.repo.js";
import { newId } from "./ids.js";
import { newDisputeReference } from "./disputes.js";
import { makeCustomer } from "../../test/workerd/banking-helpers.js";
import { withTestDb } from "../../test/workerd/helpers.js";

const FILE = "disprepo";

describe("dispute rows", () => {
  it("are one per transaction, read with their transaction, only with the customer's id", async () => {
    const c = await makeCustomer(FILE, { checking: 100_00 });
    const other = await makeCustomer(FILE);
    const transactionId = newId("transaction");
    await withTestDb((db) =>
      db.transaction((tx) =>
        bookExternal(tx, [{ customerId: c.customerId, accountId: c.checkingId, amount: -3_00, currency: "USD", merchant: "Kiosk", category: "Shopping", postedAt: new Date(), status: "posted", transactionId }]),
      ),
    );
    expect(await withTestDb((db) => selectCustomerTransaction(db, c.customerId, transactionId))).toMatchObject({ id: transactionId, amount: -3_00 });
    expect(await withTestDb((db) => selectCustomerTransaction(db, other.customerId, transactionId))).toBeUndefined();

    const row = { id: newId("dispute"), customerId: c.customerId, transactionId, reference: newDisputeReference(), reason: "other" as const };
    const inserted = await withTestDb((db) => insertDispute(db, row));
    expect(inserted).toMatchObject({ ...row, status: "open" });
    // The same transaction again: nothing changes, nothing is answered.
    expect(await withTestDb((db) => insertDispute(db, { ...row, id: newId("dispute"), reference: newDisputeReference() }))).toBeUndefined();

    const found = await withTestDb((db) => selectDisputeForTransaction(db, c.customerId, transactionId));
    expect(found?.dispute.id).toBe(row.id);
    expect(found?.transaction.merchant).toBe("Kiosk");
    expect((await withTestDb((db) => selectDisputes(db, c.customerId, 10))).map((d) => d.dispute.id)).toEqual([row.id]);
    expect(await withTestDb((db) => selectDisputeForTransaction(db, other.customerId, transactionId))).toBeUndefined();
    expect(await withTestDb((db) => selectDisputes(db, other.customerId, 10))).toEqual([]);
  });
});

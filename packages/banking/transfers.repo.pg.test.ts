import { describe, expect, it } from "vitest";
import { selectTransfer, selectTransferByKey } from "./transfers.repo.js";
import { transfer } from "./transfer.js";
import { idempotencyKey, makeCustomer } from "../../test/workerd/banking-helpers.js";
import { withTestDb } from "../../test/workerd/helpers.js";

const FILE = "xferrepo";

describe("transfer rows", () => {
  it("are found by id or by idempotency key, only with the customer's id", async () => {
    const a = await makeCustomer(FILE, { checking: 50_00 });
    const b = await makeCustomer(FILE);
    const key = idempotencyKey("repo");
    const made = await withTestDb((db) =>
      transfer(db, a.customerId, { idempotencyKey: key, fromAccountId: a.checkingId, to: { accountId: a.savingsId }, amount: { minor: 5_00, currency: "USD" } }),
    );
    if (!made.ok) throw new Error(made.message);
    const id = made.value.transfer.id;
    expect(await withTestDb((db) => selectTransfer(db, a.customerId, id))).toMatchObject({ id, amount: 5_00, idempotencyKey: key });
    expect(await withTestDb((db) => selectTransferByKey(db, a.customerId, key))).toMatchObject({ id });
    expect(await withTestDb((db) => selectTransfer(db, b.customerId, id))).toBeUndefined();
    expect(await withTestDb((db) => selectTransferByKey(db, b.customerId, key))).toBeUndefined();
    expect(await withTestDb((db) => selectTransferByKey(db, a.customerId, idempotencyKey("never")))).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { findTransferByKey } from "./transfer-lookup.js";
import { transfer } from "./transfer.js";
import { idempotencyKey, makeCustomer } from "../../test/workerd/banking-helpers.js";
import { withTestDb } from "../../test/workerd/helpers.js";

const FILE = "lookup";

describe("findTransferByKey", () => {
  it("tells a caller that lost the answer whether the money moved, for this customer only", async () => {
    const a = await makeCustomer(FILE, { checking: 50_00 });
    const b = await makeCustomer(FILE);
    const key = idempotencyKey("lookup");
    expect(await withTestDb((db) => findTransferByKey(db, a.customerId, key))).toEqual({ ok: true, value: null });
    const made = await withTestDb((db) =>
      transfer(db, a.customerId, { idempotencyKey: key, fromAccountId: a.checkingId, to: { payeeId: a.payeeIds[0]! }, amount: { minor: 9_00, currency: "USD" } }),
    );
    if (!made.ok) throw new Error(made.message);
    expect(await withTestDb((db) => findTransferByKey(db, a.customerId, key))).toEqual({ ok: true, value: made.value.transfer });
    expect(await withTestDb((db) => findTransferByKey(db, b.customerId, key))).toEqual({ ok: true, value: null });
  });
});

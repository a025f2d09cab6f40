import { describe, expect, it } from "vitest";
import { listDisputes, newDisputeReference, openDispute } from "./disputes.js";
import { bookExternal } from "./ledger.repo.js";
import { newId } from "./ids.js";
import { makeCustomer, value } from "../../test/workerd/banking-helpers.js";
import { withTestDb } from "../../test/workerd/helpers.js";

const FILE = "disputes";

/** A customer with one purchase (money out) and one refund (money in), by transaction id. */
async function customerWithPurchase() {
  const c = await makeCustomer(FILE, { checking: 100_00 });
  const purchase = newId("transaction");
  const refund = newId("transaction");
  const at = new Date(Date.UTC(2026, 10, 20));
  await withTestDb((db) =>
    db.transaction((tx) =>
      bookExternal(tx, [
        { customerId: c.customerId, accountId: c.checkingId, amount: -19_99, currency: "USD", merchant: "StreamFlix", category: "Entertainment", postedAt: at, status: "posted", transactionId: purchase },
        { customerId: c.customerId, accountId: c.checkingId, amount: 5_00, currency: "USD", merchant: "Refund", category: "Income", postedAt: at, status: "posted", transactionId: refund },
      ]),
    ),
  );
  return { c, purchase, refund };
}

describe("disputes", () => {
  it("open once per transaction: a second call answers with the same case, and the list shows it", async () => {
    const { c, purchase } = await customerWithPurchase();
    const opened = value(await withTestDb((db) => openDispute(db, c.customerId, { transactionId: purchase, reason: "unrecognised" })));
    expect(opened.created).toBe(true);
    expect(opened.dispute).toMatchObject({ transactionId: purchase, reason: "unrecognised", status: "open", merchant: "StreamFlix", amount: { minor: -19_99, currency: "USD" } });
    expect(opened.dispute.reference).toMatch(/^DSP-[2-9A-HJKMNP-TV-Z]{6}$/);
    const again = value(await withTestDb((db) => openDispute(db, c.customerId, { transactionId: purchase, reason: "duplicate" })));
    expect(again).toEqual({ dispute: opened.dispute, created: false });
    expect(value(await withTestDb((db) => listDisputes(db, c.customerId)))).toEqual([opened.dispute]);
  });

  it("refuses money in, an unknown reason, and another customer's transaction like a missing one", async () => {
    const { c, purchase, refund } = await customerWithPurchase();
    const other = await makeCustomer(FILE);
    expect(await withTestDb((db) => openDispute(db, c.customerId, { transactionId: refund, reason: "other" }))).toMatchObject({ ok: false, status: 422 });
    expect(await withTestDb((db) => openDispute(db, c.customerId, { transactionId: purchase, reason: "bored" as never }))).toMatchObject({ ok: false, status: 400 });
    for (const id of [purchase, "txn_' OR 1=1 --"]) {
      expect(await withTestDb((db) => openDispute(db, other.customerId, { transactionId: id, reason: "other" }))).toMatchObject({ ok: false, status: 404, code: "not_found" });
    }
    expect(value(await withTestDb((db) => listDisputes(db, other.customerId)))).toEqual([]);
  });
});

describe("dispute references", () => {
  it("are DSP- and six characters that cannot be misread aloud", () => {
    const references = new Set(Array.from({ length: 200 }, newDisputeReference));
    expect(references.size).toBe(200);
    for (const reference of references) expect(reference).toMatch(/^DSP-[^01OIL]{6}$/);
  });
});

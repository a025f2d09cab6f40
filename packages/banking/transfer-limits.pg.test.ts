import { describe, expect, it } from "vitest";
import { transfer } from "./transfer.js";
import { transferLimits } from "./transfer-limits.js";
import { TRANSFER_LIMITS } from "./limits.js";
import { idempotencyKey, makeCustomer, value } from "../../test/workerd/banking-helpers.js";
import { withTestDb } from "../../test/workerd/helpers.js";

const FILE = "limits";

describe("transfer limits", () => {
  it("gives the ledger's limits and nothing sent for a customer who sent nothing today", async () => {
    const c = await makeCustomer(FILE);
    expect(value(await withTestDb((db) => transferLimits(db, c.customerId)))).toEqual([
      {
        perTransfer: { minor: TRANSFER_LIMITS.USD.perTransfer, currency: "USD" },
        daily: { minor: TRANSFER_LIMITS.USD.daily, currency: "USD" },
        sentToday: { minor: 0, currency: "USD" },
      },
    ]);
  });

  it("counts today's transfers of this customer only, the amount the daily limit is checked against", async () => {
    const a = await makeCustomer(FILE, { checking: 1_000_00 });
    const b = await makeCustomer(FILE, { checking: 1_000_00 });
    for (const minor of [120_00, 30_50]) {
      value(
        await withTestDb((db) =>
          transfer(db, a.customerId, { idempotencyKey: idempotencyKey("lim"), fromAccountId: a.checkingId, to: { accountId: a.savingsId }, amount: { minor, currency: "USD" } }),
        ),
      );
    }
    const [mine] = value(await withTestDb((db) => transferLimits(db, a.customerId)));
    expect(mine!.sentToday).toEqual({ minor: 150_50, currency: "USD" });
    const [theirs] = value(await withTestDb((db) => transferLimits(db, b.customerId)));
    expect(theirs!.sentToday).toEqual({ minor: 0, currency: "USD" });
  });

  it("answers an empty list for a customer with no accounts", async () => {
    expect(value(await withTestDb((db) => transferLimits(db, "cus_test_limits_nobody")))).toEqual([]);
  });
});

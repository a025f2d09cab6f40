import { describe, expect, it } from "vitest";
import { selectCards, updateCardStatus } from "./cards.repo.js";
import { makeCustomer } from "../../test/workerd/banking-helpers.js";
import { withTestDb } from "../../test/workerd/helpers.js";

const FILE = "cardrepo";

describe("card rows", () => {
  it("change status and its time only when the status changes", async () => {
    const c = await makeCustomer(FILE);
    const id = c.cardIds[0]!;
    const frozen = await withTestDb((db) => updateCardStatus(db, c.customerId, id, "frozen"));
    const again = await withTestDb((db) => updateCardStatus(db, c.customerId, id, "frozen"));
    expect(frozen?.status).toBe("frozen");
    expect(again?.statusChangedAt).toEqual(frozen?.statusChangedAt);
    const active = await withTestDb((db) => updateCardStatus(db, c.customerId, id, "active"));
    expect(active?.status).toBe("active");
    expect(active!.statusChangedAt!.getTime()).toBeGreaterThanOrEqual(frozen!.statusChangedAt!.getTime());
  });

  it("are selected and updated only with the customer's id", async () => {
    const a = await makeCustomer(FILE);
    const b = await makeCustomer(FILE);
    expect((await withTestDb((db) => selectCards(db, a.customerId))).map((r) => r.id).sort()).toEqual([...a.cardIds].sort());
    expect(await withTestDb((db) => updateCardStatus(db, b.customerId, a.cardIds[0]!, "frozen"))).toBeUndefined();
    expect((await withTestDb((db) => selectCards(db, a.customerId))).map((r) => r.status)).toEqual(["active", "active"]);
  });
});

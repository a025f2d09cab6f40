import { describe, expect, it } from "vitest";
import { freezeCard, listCards, setCardStatus, unfreezeCard } from "./cards.js";
import { makeCustomer, value } from "../../test/workerd/banking-helpers.js";
import { withTestDb } from "../../test/workerd/helpers.js";

const FILE = "cards";

describe("cards", () => {
  it("freeze and unfreeze idempotently, as the customer then lists them", async () => {
    const c = await makeCustomer(FILE);
    const [debit] = c.cardIds;
    expect(value(await withTestDb((db) => freezeCard(db, c.customerId, debit!)))).toMatchObject({ id: debit, status: "frozen", last4: "4242" });
    expect(value(await withTestDb((db) => freezeCard(db, c.customerId, debit!))).status).toBe("frozen");
    expect(value(await withTestDb((db) => listCards(db, c.customerId))).map((card) => [card.last4, card.status]).sort()).toEqual([["4242", "frozen"], ["5151", "active"]]);
    expect(value(await withTestDb((db) => unfreezeCard(db, c.customerId, debit!))).status).toBe("active");
  });

  it("answers another customer's card and a malformed id alike: not found, and changes nothing", async () => {
    const a = await makeCustomer(FILE);
    const b = await makeCustomer(FILE);
    for (const id of [b.cardIds[0]!, "card_' OR 1=1 --"]) {
      expect(await withTestDb((db) => setCardStatus(db, a.customerId, id, "frozen"))).toMatchObject({ ok: false, status: 404, code: "not_found" });
    }
    expect(value(await withTestDb((db) => listCards(db, b.customerId))).every((card) => card.status === "active")).toBe(true);
  });
});

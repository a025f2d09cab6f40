import { describe, expect, it } from "vitest";
import * as banking from "./account-facts.js";
import { listCards } from "./cards.js";
import { TEST_ROUTING_NUMBER } from "../../scripts/db/fixtures.js";
import { makeCustomer, value } from "../../test/workerd/banking-helpers.js";
import { withTestDb } from "../../test/workerd/helpers.js";
import { creditStatements } from "../db/schema/account-facts.js";
import { newId } from "./ids.js";

/** Account numbers, rates, rewards, statements and card expiries, read from Postgres per customer. */
const FILE = "facts";

describe("account facts", () => {
  it("masks account numbers unless revealed, and shows only the caller's own", async () => {
    const a = await makeCustomer(FILE);
    const b = await makeCustomer(FILE);
    const masked = await withTestDb((db) => banking.listAccountNumbers(db, a.customerId, { reveal: false }));
    expect(value(masked)).toEqual([
      { accountId: a.checkingId, name: "Everyday Checking", type: "checking", mask: "1001", accountNumber: null, routingNumber: TEST_ROUTING_NUMBER },
      { accountId: a.savingsId, name: "Rainy Day Savings", type: "savings", mask: "2002", accountNumber: null, routingNumber: TEST_ROUTING_NUMBER },
      { accountId: a.creditId, name: "Teller Card", type: "credit", mask: "3003", accountNumber: null, routingNumber: null },
    ]);
    const full = value(await withTestDb((db) => banking.listAccountNumbers(db, a.customerId, { reveal: true })));
    expect(full.map((r) => r.accountNumber)).toEqual(["000012341001", "000056782002", "000090123003"]);
    expect(full.every((r) => [a.checkingId, a.savingsId, a.creditId].includes(r.accountId))).toBe(true);
    const theirs = value(await withTestDb((db) => banking.listAccountNumbers(db, b.customerId, { reveal: true })));
    expect(theirs.map((r) => r.accountId)).toEqual([b.checkingId, b.savingsId, b.creditId]);
  });

  it("gives rates, rewards, the newest statement with today's balance, and card expiries", async () => {
    const a = await makeCustomer(FILE);
    const rates = value(await withTestDb((db) => banking.listInterestRates(db, a.customerId)));
    expect(rates.map((r) => [r.type, r.annualRateBps, r.kind])).toEqual([["checking", 1, "apy"], ["savings", 375, "apy"], ["credit", 2249, "apr"]]);
    expect(value(await withTestDb((db) => banking.listRewards(db, a.customerId)))).toEqual([
      { accountId: a.creditId, name: "Teller Card", mask: "3003", points: 4_250 },
    ]);
    const [statement, ...more] = value(await withTestDb((db) => banking.listCreditStatements(db, a.customerId)));
    expect(more).toEqual([]);
    expect(statement).toMatchObject({
      accountId: a.creditId,
      statementBalance: { minor: 412_35, currency: "USD" },
      minimumPayment: { minor: 25_00, currency: "USD" },
      currentBalance: { minor: 0, currency: "USD" },
    });
    expect(statement!.dueDate > statement!.periodEnd).toBe(true);
    const cards = value(await withTestDb((db) => listCards(db, a.customerId)));
    expect(cards.map((c) => [c.last4, c.expiry]).sort()).toEqual([["4242", { month: 8, year: 2029 }], ["5151", { month: 3, year: 2028 }]]);
  });

  it("with history, gives every statement of the caller's cards, newest first (facts24: a statement asked by month)", async () => {
    const a = await makeCustomer(FILE);
    const b = await makeCustomer(FILE);
    const older = { customerId: a.customerId, accountId: a.creditId, currency: "USD" as const, statementBalance: 88_00, minimumPayment: 25_00 };
    await withTestDb((db) =>
      db.insert(creditStatements).values([
        { ...older, id: newId("statement"), periodStart: "2025-08-15", periodEnd: "2025-09-14", dueDate: "2025-10-09" },
        { ...older, id: newId("statement"), periodStart: "2025-07-15", periodEnd: "2025-08-14", dueDate: "2025-09-08" },
      ]),
    );
    const newest = value(await withTestDb((db) => banking.listCreditStatements(db, a.customerId)));
    expect(newest).toHaveLength(1);
    const all = value(await withTestDb((db) => banking.listCreditStatements(db, a.customerId, { history: true })));
    expect(all.map((s) => s.periodEnd)).toEqual([newest[0]!.periodEnd, "2025-09-14", "2025-08-14"]);
    expect(all.every((s) => s.accountId === a.creditId)).toBe(true);
    expect(value(await withTestDb((db) => banking.listCreditStatements(db, b.customerId, { history: true })))).toHaveLength(1);
  });
});

/** Runtime checks of effect data (views.ts): the engine acts only on data of the expected shape. */
import { beforeAll, describe, expect, it } from "vitest";
import { loadViewSchemas, parseView } from "./views.js";
import { fixtures, usd } from "../../test/support/dialogue-session.js";

describe("effect data checks", () => {
  beforeAll(loadViewSchemas);

  it("passes the customer's accounts, payees and cards through as they are", () => {
    const { accounts, payees, cards } = fixtures();
    expect(parseView("accounts", accounts)).toEqual(accounts);
    expect(parseView("payees", payees)).toEqual(payees);
    expect(parseView("cards", cards)).toEqual(cards);
  });

  it("refuses a malformed id, amount, currency or mask instead of passing it on", () => {
    const [account] = fixtures().accounts;
    const bad = [
      { ...account, id: "" },
      { ...account, id: "x".repeat(201) },
      { ...account, balance: { minor: 1.5, currency: "USD" } },
      { ...account, balance: { minor: 2 ** 53, currency: "USD" } },
      { ...account, balance: { minor: 100, currency: "XYZ" } },
      { ...account, balance: "lots" },
      { ...account, mask: "12a4" },
      { ...account, type: "brokerage" },
    ];
    for (const item of bad) expect(parseView("accounts", [item]), JSON.stringify(item)).toBeNull();
    expect(parseView("accounts", { ...account })).toBeNull(); // a list was expected
    expect(parseView("transferOutcome", { transferId: "tr-1", status: "unknown" })).toBeNull();
  });

  it("keeps only the fields it declares", () => {
    const [account] = fixtures().accounts;
    expect(parseView("accounts", [{ ...account, isAdmin: true }])).toEqual([account]);
  });

  it("checks the shapes the customer reads: dispute references, schedule dates and repeats", () => {
    const dispute = {
      id: "dsp-1",
      reference: "DSP-00A1B2",
      transactionId: "t1",
      reason: "duplicate",
      status: "open",
      createdAt: "2026-11-24T12:00:00.000Z",
      merchant: "Cafe",
      amount: usd(-4.5),
      postedAt: "2026-11-20T10:00:00.000Z",
    };
    expect(parseView("disputes", [dispute])).toEqual([dispute]);
    expect(parseView("disputes", [{ ...dispute, reference: "DSP-1" }])).toBeNull();
    const schedule = {
      id: "sch-1",
      fromAccount: { id: "acc-chk", name: "Checking", mask: "1234" },
      to: { kind: "payee", id: "pay-alex", name: "Alex Kim" },
      amount: usd(100),
      schedule: { start: "2026-11-27", repeat: { unit: "week", interval: 1 }, count: 6 },
      status: "active",
      nextRunDate: "2026-11-27",
    };
    expect(parseView("scheduledTransfer", schedule)).toEqual(schedule);
    expect(parseView("scheduledTransfer", { ...schedule, nextRunDate: "27 Nov" })).toBeNull();
    expect(parseView("scheduledTransfer", { ...schedule, schedule: { start: "2026-11-27", repeat: { unit: "week", interval: 13 } } })).toBeNull();
  });
});

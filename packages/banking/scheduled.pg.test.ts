import { describe, expect, it } from "vitest";
import { cancelScheduledTransfer, createScheduledTransfer, listScheduledTransfers, specOf, type ScheduleRequest } from "./scheduled.js";
import { idempotencyKey, makeCustomer, value } from "../../test/workerd/banking-helpers.js";
import { withTestDb } from "../../test/workerd/helpers.js";

const FILE = "scheduled";
// The customer's "today": schedules are stored, never run, here (the runner's test runs them).
const TODAY = "2031-03-01";

async function customer() {
  const c = await makeCustomer(FILE);
  const request = (overrides: Partial<ScheduleRequest> = {}): ScheduleRequest => ({
    idempotencyKey: idempotencyKey("sched"),
    fromAccountId: c.checkingId,
    to: { payeeId: c.payeeIds[0]! },
    amount: { minor: 75_00, currency: "USD" },
    schedule: { start: "2031-03-05", repeat: { unit: "month", interval: 1 }, count: 3 },
    ...overrides,
  });
  return { c, request };
}

describe("scheduled transfers", () => {
  it("are stored once per idempotency key, with names from the customer's own accounts and payees", async () => {
    const { c, request } = await customer();
    const first = request({ confirmationId: "conf-1" });
    const created = value(await withTestDb((db) => createScheduledTransfer(db, c.customerId, first, TODAY)));
    expect(created).toMatchObject({
      fromAccount: { id: c.checkingId, name: "Everyday Checking", mask: "1001" },
      to: { kind: "payee", id: c.payeeIds[0], name: "Jordan Lee", mask: "7788" },
      amount: { minor: 75_00, currency: "USD" },
      schedule: first.schedule,
      status: "active",
      nextRunDate: "2031-03-05",
      runsDone: 0,
      confirmationId: "conf-1",
    });
    expect(value(await withTestDb((db) => createScheduledTransfer(db, c.customerId, first, TODAY)))).toEqual(created);
    expect(value(await withTestDb((db) => listScheduledTransfers(db, c.customerId))).map((s) => s.id)).toEqual([created.id]);
  });

  it("say when the schedule pays a bill: a biller or the customer's own credit card, not a person", async () => {
    const { c, request } = await customer();
    const create = (to: ScheduleRequest["to"]) => withTestDb((db) => createScheduledTransfer(db, c.customerId, request({ to }), TODAY)).then(value);
    expect((await create({ payeeId: c.payeeIds[1]! })).to).toMatchObject({ name: "City Power & Light", bill: true });
    expect((await create({ accountId: c.creditId })).to).toMatchObject({ name: "Teller Card", bill: true });
    expect((await create({ payeeId: c.payeeIds[0]! })).to).not.toHaveProperty("bill");
    expect((await create({ accountId: c.savingsId })).to).not.toHaveProperty("bill");
  });

  it("refuse a schedule in the past, an end without a repeat, and accounts or payees not the customer's", async () => {
    const { c, request } = await customer();
    const other = await makeCustomer(FILE);
    const refusals: Array<[Partial<ScheduleRequest>, number, RegExp]> = [
      [{ schedule: { start: "2031-02-28" } }, 400, /^schedule\.start: must not be in the past/],
      [{ schedule: { start: "2031-03-05", count: 2 } }, 400, /an end needs a repeat/],
      [{ schedule: { start: "2031-03-05", repeat: { unit: "week", interval: 13 } } }, 400, /^schedule\.repeat\.interval/],
      [{ amount: { minor: 0, currency: "USD" } }, 400, /^amount/],
      [{ amount: { minor: 1_00, currency: "EUR" } }, 400, /^amount\.currency: must be USD/],
      [{ fromAccountId: other.checkingId }, 404, /^fromAccountId/],
      [{ to: { accountId: other.savingsId } }, 404, /^toAccountId/],
      [{ to: { accountId: c.checkingId } }, 400, /must differ/],
      [{ to: { payeeId: other.payeeIds[0]! } }, 404, /^toPayeeId/],
      [{ idempotencyKey: "short" }, 400, /^idempotencyKey/],
    ];
    for (const [overrides, status, message] of refusals) {
      const result = await withTestDb((db) => createScheduledTransfer(db, c.customerId, request(overrides), TODAY));
      expect(result, JSON.stringify(overrides)).toMatchObject({ ok: false, status });
      if (!result.ok) expect(result.message).toMatch(message);
    }
    expect(value(await withTestDb((db) => listScheduledTransfers(db, c.customerId)))).toEqual([]);
  });

  it("cancel once and answer the same again; another customer's answers not found", async () => {
    const { c, request } = await customer();
    const other = await makeCustomer(FILE);
    const created = value(await withTestDb((db) => createScheduledTransfer(db, c.customerId, request({ to: { accountId: c.savingsId } }), TODAY)));
    expect(await withTestDb((db) => cancelScheduledTransfer(db, other.customerId, created.id))).toMatchObject({ ok: false, status: 404 });
    const cancelled = value(await withTestDb((db) => cancelScheduledTransfer(db, c.customerId, created.id)));
    expect(cancelled).toMatchObject({ id: created.id, status: "cancelled", nextRunDate: null, to: { kind: "account", name: "Rainy Day Savings" } });
    expect(value(await withTestDb((db) => cancelScheduledTransfer(db, c.customerId, created.id))).status).toBe("cancelled");
    expect(await withTestDb((db) => cancelScheduledTransfer(db, c.customerId, "sch_nope"))).toMatchObject({ ok: false, status: 404 });
  });

  it("list active ones first, soonest next", async () => {
    const { c, request } = await customer();
    const later = value(await withTestDb((db) => createScheduledTransfer(db, c.customerId, request({ schedule: { start: "2031-04-01" } }), TODAY)));
    const sooner = value(await withTestDb((db) => createScheduledTransfer(db, c.customerId, request({ schedule: { start: "2031-03-02" } }), TODAY)));
    const gone = value(await withTestDb((db) => createScheduledTransfer(db, c.customerId, request({ schedule: { start: "2031-03-03" } }), TODAY)));
    await withTestDb((db) => cancelScheduledTransfer(db, c.customerId, gone.id));
    expect(value(await withTestDb((db) => listScheduledTransfers(db, c.customerId))).map((s) => s.id)).toEqual([sooner.id, later.id, gone.id]);
  });
});

describe("specOf", () => {
  it("reads a stored row back as the schedule the customer confirmed", () => {
    const row = { startDate: "2031-03-05", repeatUnit: "week", repeatInterval: 2, untilDate: "2031-06-01", maxCount: null } as Parameters<typeof specOf>[0];
    expect(specOf(row)).toEqual({ start: "2031-03-05", repeat: { unit: "week", interval: 2 }, until: "2031-06-01" });
    expect(specOf({ ...row, repeatUnit: null, repeatInterval: null, untilDate: null, maxCount: null })).toEqual({ start: "2031-03-05" });
  });
});

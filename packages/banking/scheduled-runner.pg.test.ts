import { describe, expect, it } from "vitest";
import { eq, inArray } from "drizzle-orm";
import { accounts } from "../db/schema/banking.js";
import { scheduledTransferRuns } from "../db/schema/schedules.js";
import type { Db } from "../db/client.js";
import { createScheduledTransfer, listScheduledTransfers } from "./scheduled.js";
import { notifyFailures, occurrenceKey, runDueScheduledTransfers, runScheduledTransfers, type FailureNotice } from "./scheduled-runner.js";
import { idempotencyKey, makeCustomer } from "../../test/workerd/banking-helpers.js";
import { inRolledBackTransaction } from "../../test/workerd/helpers.js";

/**
 * The runner claims every due schedule in the database, and notices go out for every failed run:
 * each test works inside one transaction it rolls back, so no other test's schedules are run or
 * notified here and none of these is seen by another test's tick. Days long past (before
 * workers/chat/scheduled.test.ts's 2001) keep other schedules from being due.
 */
const FILE = "runner";
const START = "1999-03-30";
async function balancesOf(tx: Db, ids: string[]): Promise<Record<string, number | null>> {
  const rows = await tx.select({ id: accounts.id, balance: accounts.balance }).from(accounts).where(inArray(accounts.id, ids));
  return Object.fromEntries(rows.map((r) => [r.id, r.balance]));
}

describe("the scheduled-transfer runner", () => {
  it("runs each due occurrence once, in turn when behind, and stops at the schedule's end", async () => {
    const c = await makeCustomer(FILE, { checking: 100_00, savings: 0 });
    await inRolledBackTransaction(async (tx) => {
      const created = await createScheduledTransfer(
        tx,
        c.customerId,
        { idempotencyKey: idempotencyKey("run"), fromAccountId: c.checkingId, to: { accountId: c.savingsId }, amount: { minor: 10_00, currency: "USD" }, schedule: { start: START, repeat: { unit: "month", interval: 1 }, count: 2 } },
        START,
      );
      if (!created.ok) throw new Error(created.message);
      const id = created.value.id;

      expect((await runDueScheduledTransfers(tx, "1999-03-29")).results).toEqual([]);
      // Two occurrences behind (30 March, 30 April): both run, one each, then it is complete.
      const { results, errors } = await runDueScheduledTransfers(tx, "1999-06-01");
      expect(errors).toBe(0);
      expect(results).toEqual([
        { scheduleId: id, customerId: c.customerId, occurrenceDate: "1999-03-30", outcome: "sent" },
        { scheduleId: id, customerId: c.customerId, occurrenceDate: "1999-04-30", outcome: "sent" },
      ]);
      expect((await runDueScheduledTransfers(tx, "1999-06-01")).results).toEqual([]);
      expect(await balancesOf(tx, [c.checkingId, c.savingsId])).toEqual({ [c.checkingId]: 80_00, [c.savingsId]: 20_00 });
      const runs = await tx.select().from(scheduledTransferRuns).where(eq(scheduledTransferRuns.scheduleId, id));
      expect(runs.map((r) => [r.occurrenceDate, r.status, r.transferId !== null])).toEqual([["1999-03-30", "sent", true], ["1999-04-30", "sent", true]]);
      expect(await listScheduledTransfers(tx, c.customerId)).toMatchObject({ ok: true, value: [{ id, status: "completed", runsDone: 2, nextRunDate: null }] });
    });
  });

  it("records a refused occurrence as failed, moves nothing, and tells the customer once", async () => {
    const c = await makeCustomer(FILE, { checking: 5_00 });
    await inRolledBackTransaction(async (tx) => {
      const created = await createScheduledTransfer(
        tx,
        c.customerId,
        { idempotencyKey: idempotencyKey("fail"), fromAccountId: c.checkingId, to: { payeeId: c.payeeIds[0]! }, amount: { minor: 50_00, currency: "USD" }, schedule: { start: START } },
        START,
      );
      if (!created.ok) throw new Error(created.message);
      const id = created.value.id;

      const notices: FailureNotice[] = [];
      // Only this test's customer: a notice for anyone else is left for their own tick.
      const notify = async (notice: FailureNotice) => {
        if (notice.customerId !== c.customerId) throw new Error("another test's notice");
        notices.push(notice);
      };
      const summary = await runScheduledTransfers(tx, START, notify);
      expect(summary).toMatchObject({ sent: 0, failed: 1, errors: 0, notified: 1 });
      expect(await balancesOf(tx, [c.checkingId])).toEqual({ [c.checkingId]: 5_00 });
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatchObject({ customerId: c.customerId, noticeId: occurrenceKey(id, START), occurrenceDate: START, errorCode: "insufficient_funds", schedule: { id, status: "failed" } });
      // Told once: the run is marked notified.
      expect(await notifyFailures(tx, notify)).toBe(0);
      expect(notices).toHaveLength(1);
    });
  });

  it("leaves a failure whose notice could not be delivered for the next run", async () => {
    const c = await makeCustomer(FILE, { checking: 0 });
    await inRolledBackTransaction(async (tx) => {
      const created = await createScheduledTransfer(
        tx,
        c.customerId,
        { idempotencyKey: idempotencyKey("retry"), fromAccountId: c.checkingId, to: { accountId: c.savingsId }, amount: { minor: 1_00, currency: "USD" }, schedule: { start: START } },
        START,
      );
      if (!created.ok) throw new Error(created.message);
      await runDueScheduledTransfers(tx, START);
      const mine = (notice: FailureNotice) => notice.customerId === c.customerId;
      expect(await notifyFailures(tx, async () => {
        throw new Error("ChatSession unreachable");
      })).toBe(0);
      const delivered: FailureNotice[] = [];
      await notifyFailures(tx, async (notice) => {
        if (!mine(notice)) throw new Error("another test's notice");
        delivered.push(notice);
      });
      expect(delivered.map((n) => n.noticeId)).toEqual([occurrenceKey(created.value.id, START)]);
    });
  });
});

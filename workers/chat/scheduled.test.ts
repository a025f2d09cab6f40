import { describe, expect, it } from "vitest";
import { env, runInDurableObject } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { createScheduledTransfer } from "../../packages/banking/index.js";
import { scheduledTransferRuns } from "../../packages/db/schema/schedules.js";
import type { SessionNotice } from "../../packages/conversation/turn.js";
import { makeCustomer } from "../../test/workerd/banking-helpers.js";
import { withTestDb } from "../../test/workerd/helpers.js";
import { chatSession } from "../../test/workerd/session-faults.js";
import type { ChatEnv } from "./env.js";
import { runScheduledTick } from "./scheduled.js";

// Scheduling by chat and the Cron Trigger's whole path: test/workerd/dialogues/scheduled.dialogue.test.ts.
// A day long past, so no other test's schedule is due on it.
const DAY = "2001-01-01";
const ctx = { waitUntil: (promise: Promise<unknown>) => void promise.catch(() => {}) };
const runsOf = (scheduleId: string) => withTestDb((db) => db.select().from(scheduledTransferRuns).where(eq(scheduledTransferRuns.scheduleId, scheduleId)));

describe("the scheduled-transfer tick", () => {
  it("runs what is due by the tick's UTC date, and hands a failure to the customer's ChatSession", async () => {
    const customer = await makeCustomer("scheduled_tick", { checking: 10_00 });
    const created = await withTestDb((db) =>
      createScheduledTransfer(
        db,
        customer.customerId,
        { idempotencyKey: `tick-${crypto.randomUUID()}`, fromAccountId: customer.checkingId, to: { accountId: customer.savingsId }, amount: { minor: 50_00, currency: "USD" }, schedule: { start: DAY } },
        DAY,
      ),
    );
    if (!created.ok) throw new Error(created.message);
    const scheduleId = created.value.id;

    // One minute before midnight UTC: still the day before, nothing is due.
    await runScheduledTick(env as unknown as ChatEnv, ctx, Date.parse(`2000-12-31T23:59:00Z`));
    expect(await runsOf(scheduleId)).toEqual([]);

    const summary = await runScheduledTick(env as unknown as ChatEnv, ctx, Date.parse(`${DAY}T00:05:00Z`));
    expect(summary.failed).toBeGreaterThanOrEqual(1);
    const [run] = await runsOf(scheduleId);
    expect(run).toMatchObject({ occurrenceDate: DAY, status: "failed" });
    const notices = await runInDurableObject(chatSession(customer.customerId), (instance) =>
      (instance as unknown as { store: { loadNotices(): SessionNotice[] } }).store.loadNotices(),
    );
    expect(notices.map((n) => n.reply.text).join("\n")).toMatch(/didn't go through: there wasn't enough available/);
  });
});

import { runScheduledTransfers, type RunSummary } from "../../packages/banking/index.js";
import { scheduleFailureNotice } from "../../packages/dialogue/index.js";
import type { ChatEnv } from "./env.js";
import { requestDb } from "./db.js";
import { customerSession } from "./object-ids.js";

/**
 * The Cron Trigger: runs every scheduled-transfer occurrence due by `scheduledTime`'s date (UTC,
 * the calendar the chat uses for "tomorrow"), then hands each failure to the customer's
 * ChatSession, which shows it at the start of their next turn. Exactly-once lives in the runner
 * (row claim + per-occurrence idempotency key); overlapping ticks are harmless.
 */
export async function runScheduledTick(env: ChatEnv, ctx: { waitUntil(promise: Promise<unknown>): void }, scheduledTime: number): Promise<RunSummary> {
  const { db, end } = await requestDb(env, ctx);
  try {
    const today = new Date(scheduledTime).toISOString().slice(0, 10);
    const summary = await runScheduledTransfers(db, today, async (notice) => {
      const session = customerSession(env, notice.customerId);
      await session.addNotice(notice.customerId, {
        id: notice.noticeId,
        reply: scheduleFailureNotice(notice.schedule, notice.occurrenceDate, notice.errorCode),
      });
    });
    const log = summary.errors > 0 ? console.error : console.log;
    log(JSON.stringify({ msg: "scheduled transfers", today, ...summary }));
    return summary;
  } finally {
    await end();
  }
}

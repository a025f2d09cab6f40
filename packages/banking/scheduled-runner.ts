/**
 * Runs due occurrences of scheduled transfers, exactly once each:
 * - one SQL transaction per occurrence claims its schedule row with FOR UPDATE SKIP LOCKED, so a
 *   second runner (an overlapping cron, a retry) skips it rather than waiting or running it too;
 * - the money moves through the ledger's transfer() inside that transaction, with the idempotency
 *   key `sched:<schedule id>:<occurrence date>`; the occurrence's row and the schedule's next date
 *   commit with it. A crash before commit undoes all three, and the retry reuses the key.
 * Short funds (or any refusal) send nothing: the occurrence is recorded as failed and the
 * customer's conversation is handed a notice (notifyFailures), once per occurrence.
 */
import { and, asc, eq, isNull, lte, sql } from "drizzle-orm";
import { occurrenceAt } from "../money/schedule.js";
import type { Db } from "../db/client.js";
import { scheduledTransferRuns, scheduledTransfers } from "../db/schema/schedules.js";
import { specOf, viewsOf, type ScheduledTransferView } from "./scheduled.js";
import { transfer } from "./transfer.js";

export function occurrenceKey(scheduleId: string, occurrenceDate: string): string {
  return `sched:${scheduleId}:${occurrenceDate}`;
}

export interface OccurrenceResult {
  scheduleId: string;
  customerId: string;
  occurrenceDate: string;
  outcome: "sent" | "failed";
  errorCode?: string;
}

export interface RunSummary {
  sent: number;
  failed: number;
  /** Occurrences whose transaction threw (Postgres trouble): left due for the next run. */
  errors: number;
  notified: number;
}

/** A failed occurrence the customer must hear about. */
export interface FailureNotice {
  customerId: string;
  /** Stable per occurrence, so a repeated notice is recognised. */
  noticeId: string;
  occurrenceDate: string;
  errorCode: string;
  schedule: ScheduledTransferView;
}

const DEFAULT_BATCH = 200;

/**
 * Runs every occurrence due on or before `today` (YYYY-MM-DD), at most `limit` of them, one
 * transaction each. A schedule several occurrences behind (the runner was down) runs each in turn.
 */
export async function runDueScheduledTransfers(db: Db, today: string, limit = DEFAULT_BATCH): Promise<{ results: OccurrenceResult[]; errors: number }> {
  const results: OccurrenceResult[] = [];
  let errors = 0;
  while (results.length < limit) {
    let result: OccurrenceResult | null;
    try {
      result = await db.transaction((tx) => runOne(tx, today));
    } catch (error) {
      // Rolled back: nothing moved, the occurrence stays due. Stop here rather than spin.
      console.error(JSON.stringify({ msg: "scheduled occurrence failed", error: String(error) }));
      errors++;
      break;
    }
    if (!result) break;
    results.push(result);
  }
  return { results, errors };
}

async function runOne(tx: Db, today: string): Promise<OccurrenceResult | null> {
  const claimed = await tx
    .select()
    .from(scheduledTransfers)
    .where(and(eq(scheduledTransfers.status, "active"), lte(scheduledTransfers.nextRunDate, today)))
    .orderBy(asc(scheduledTransfers.nextRunDate), asc(scheduledTransfers.id))
    .limit(1)
    .for("update", { skipLocked: true });
  const row = claimed[0];
  if (!row || !row.nextRunDate) return null;
  const occurrenceDate = row.nextRunDate;

  // The ledger refuses by raising inside teller_transfer, which aborts the enclosing transaction:
  // a savepoint keeps the claim, so the refusal can be recorded as a failed occurrence.
  await tx.execute(sql`SAVEPOINT occurrence_transfer`);
  const moved = await transfer(tx, row.customerId, {
    idempotencyKey: occurrenceKey(row.id, occurrenceDate),
    fromAccountId: row.fromAccountId,
    to: row.toAccountId ? { accountId: row.toAccountId } : { payeeId: row.toPayeeId! },
    amount: { minor: row.amount, currency: row.currency },
    memo: "Scheduled transfer",
  });
  await tx.execute(moved.ok ? sql`RELEASE SAVEPOINT occurrence_transfer` : sql`ROLLBACK TO SAVEPOINT occurrence_transfer`);
  const outcome = moved.ok ? "sent" : "failed";
  await tx
    .insert(scheduledTransferRuns)
    .values({
      scheduleId: row.id,
      occurrenceDate,
      customerId: row.customerId,
      status: outcome,
      transferId: moved.ok ? moved.value.transfer.id : null,
      errorCode: moved.ok ? null : moved.code,
    })
    .onConflictDoNothing();

  const spec = specOf(row);
  const runsDone = row.runsDone + 1;
  const next = occurrenceAt(spec, runsDone);
  await tx
    .update(scheduledTransfers)
    .set({
      runsDone,
      nextRunDate: next,
      // A one-off that could not be sent is over, and says so; a repeat carries on.
      status: next !== null ? "active" : !spec.repeat && outcome === "failed" ? "failed" : "completed",
      updatedAt: new Date(),
    })
    .where(eq(scheduledTransfers.id, row.id));
  return {
    scheduleId: row.id,
    customerId: row.customerId,
    occurrenceDate,
    outcome,
    ...(moved.ok ? {} : { errorCode: moved.code }),
  };
}

/**
 * Hands each failed occurrence not yet notified to `notify` (the customer's ChatSession), then
 * marks it notified. A notify that throws leaves it for the next run; the notice id lets the
 * conversation drop a duplicate.
 */
export async function notifyFailures(db: Db, notify: (notice: FailureNotice) => Promise<void>, limit = 100): Promise<number> {
  const pending = await db
    .select({ run: scheduledTransferRuns, schedule: scheduledTransfers })
    .from(scheduledTransferRuns)
    .innerJoin(scheduledTransfers, eq(scheduledTransfers.id, scheduledTransferRuns.scheduleId))
    .where(and(eq(scheduledTransferRuns.status, "failed"), isNull(scheduledTransferRuns.notifiedAt)))
    .orderBy(asc(scheduledTransferRuns.createdAt))
    .limit(limit);
  let notified = 0;
  for (const { run, schedule } of pending) {
    const [view] = await viewsOf(db, schedule.customerId, [schedule]);
    try {
      await notify({
        customerId: run.customerId,
        noticeId: occurrenceKey(run.scheduleId, run.occurrenceDate),
        occurrenceDate: run.occurrenceDate,
        errorCode: run.errorCode ?? "invalid",
        schedule: view!,
      });
    } catch (error) {
      console.error(JSON.stringify({ msg: "scheduled notice failed", error: String(error) }));
      continue;
    }
    await db
      .update(scheduledTransferRuns)
      .set({ notifiedAt: new Date() })
      .where(and(eq(scheduledTransferRuns.scheduleId, run.scheduleId), eq(scheduledTransferRuns.occurrenceDate, run.occurrenceDate)));
    notified++;
  }
  return notified;
}

/** One cron tick: run what is due, then tell customers about failures. */
export async function runScheduledTransfers(db: Db, today: string, notify: (notice: FailureNotice) => Promise<void>): Promise<RunSummary> {
  const { results, errors } = await runDueScheduledTransfers(db, today);
  const notified = await notifyFailures(db, notify);
  return {
    sent: results.filter((r) => r.outcome === "sent").length,
    failed: results.filter((r) => r.outcome === "failed").length,
    errors,
    notified,
  };
}

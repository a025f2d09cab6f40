/**
 * Scheduled and recurring transfers: stored when the customer confirms one, listed, cancelled.
 * Storing one moves no money; the runner (scheduled-runner.ts) does, occurrence by occurrence.
 * Every query names the customer: another customer's schedule answers 404 like a missing one.
 */
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { fail, ok, type RpcResult } from "../contract/errors.js";
import type { Money } from "../money/money.js";
import {
  MAX_REPEAT_INTERVAL,
  MAX_SCHEDULE_COUNT,
  isCalendarDate,
  occurrenceAt,
  type ScheduleSpec,
} from "../money/schedule.js";
import type { Db } from "../db/client.js";
import { scheduledTransfers } from "../db/schema/schedules.js";
import { selectAccount, selectAccounts } from "./accounts.repo.js";
import type { Executor } from "./db.js";
import type { ScheduleStatus, ScheduledTransferView } from "../contract/views.js";
import { isId, newId } from "./ids.js";
import { IDEMPOTENCY_KEY_PATTERN } from "./limits.js";
import { selectPayee, selectPayees } from "./payees.repo.js";

export type ScheduleRow = typeof scheduledTransfers.$inferSelect;
export type { ScheduleStatus, ScheduledTransferView };

export interface ScheduleRequest {
  idempotencyKey: string;
  confirmationId?: string | null;
  fromAccountId: string;
  to: { accountId: string } | { payeeId: string };
  amount: Money;
  schedule: ScheduleSpec;
}

export function specOf(row: ScheduleRow): ScheduleSpec {
  const spec: ScheduleSpec = { start: row.startDate };
  if (row.repeatUnit && row.repeatInterval) spec.repeat = { unit: row.repeatUnit, interval: row.repeatInterval };
  if (row.untilDate) spec.until = row.untilDate;
  if (row.maxCount !== null) spec.count = row.maxCount;
  return spec;
}

function invalidSchedule(spec: ScheduleSpec, today: string): string | null {
  if (!isCalendarDate(spec.start)) return "schedule.start: must be a date (YYYY-MM-DD)";
  if (spec.start < today) return "schedule.start: must not be in the past";
  if (spec.repeat && !(Number.isInteger(spec.repeat.interval) && spec.repeat.interval >= 1 && spec.repeat.interval <= MAX_REPEAT_INTERVAL)) {
    return `schedule.repeat.interval: must be 1–${MAX_REPEAT_INTERVAL}`;
  }
  if (spec.until !== undefined && (!isCalendarDate(spec.until) || spec.until < spec.start)) return "schedule.until: must be a date on or after start";
  if (spec.count !== undefined && !(Number.isInteger(spec.count) && spec.count >= 1 && spec.count <= MAX_SCHEDULE_COUNT)) {
    return `schedule.count: must be 1–${MAX_SCHEDULE_COUNT}`;
  }
  if (!spec.repeat && (spec.until !== undefined || spec.count !== undefined)) return "schedule: an end needs a repeat";
  return null;
}

/** Stores a confirmed schedule once per (customer, idempotency key); a repeat answers with the first. */
export async function createScheduledTransfer(
  db: Db,
  customerId: string,
  request: ScheduleRequest,
  today: string,
): Promise<RpcResult<ScheduledTransferView>> {
  if (!IDEMPOTENCY_KEY_PATTERN.test(request.idempotencyKey)) return fail(400, "validation_failed", "idempotencyKey: malformed");
  const { minor, currency } = request.amount;
  if (!Number.isSafeInteger(minor) || minor <= 0) return fail(400, "validation_failed", "amount: must be greater than zero");
  const invalid = invalidSchedule(request.schedule, today);
  if (invalid) return fail(400, "validation_failed", invalid);
  const existing = await selectByKey(db, customerId, request.idempotencyKey);
  if (existing) return ok(await viewOf(db, customerId, existing));

  const from = isId("account", request.fromAccountId) ? await selectAccount(db, customerId, request.fromAccountId) : undefined;
  if (!from || from.balance === null) return fail(404, "not_found", "fromAccountId: account not found");
  if (from.currency !== currency) return fail(400, "validation_failed", `amount.currency: must be ${from.currency}`);
  let toAccountId: string | null = null;
  let toPayeeId: string | null = null;
  if ("accountId" in request.to) {
    const to = isId("account", request.to.accountId) ? await selectAccount(db, customerId, request.to.accountId) : undefined;
    if (!to || to.balance === null) return fail(404, "not_found", "toAccountId: account not found");
    if (to.id === from.id) return fail(400, "validation_failed", "toAccountId: must differ from fromAccountId");
    if (to.currency !== currency) return fail(400, "validation_failed", `amount.currency: toAccountId holds ${to.currency}`);
    toAccountId = to.id;
  } else {
    const to = isId("payee", request.to.payeeId) ? await selectPayee(db, customerId, request.to.payeeId) : undefined;
    if (!to) return fail(404, "not_found", "toPayeeId: payee not found");
    if (to.currency !== currency) return fail(400, "validation_failed", `amount.currency: toPayeeId holds ${to.currency}`);
    toPayeeId = to.id;
  }
  const spec = request.schedule;
  const inserted = await db
    .insert(scheduledTransfers)
    .values({
      id: newId("schedule"),
      customerId,
      idempotencyKey: request.idempotencyKey,
      confirmationId: request.confirmationId ?? null,
      fromAccountId: from.id,
      toAccountId,
      toPayeeId,
      amount: minor,
      currency,
      startDate: spec.start,
      repeatUnit: spec.repeat?.unit ?? null,
      repeatInterval: spec.repeat?.interval ?? null,
      untilDate: spec.until ?? null,
      maxCount: spec.count ?? null,
      status: "active",
      nextRunDate: occurrenceAt(spec, 0),
      runsDone: 0,
    })
    .onConflictDoNothing({ target: [scheduledTransfers.customerId, scheduledTransfers.idempotencyKey] })
    .returning();
  // A concurrent duplicate committed first: answer with its schedule.
  const row = inserted[0] ?? (await selectByKey(db, customerId, request.idempotencyKey));
  if (!row) return fail(409, "conflict", "the schedule could not be stored; try again");
  return ok(await viewOf(db, customerId, row));
}

/** Active schedules first (soonest next), then the most recent finished ones. */
export async function listScheduledTransfers(db: Db, customerId: string): Promise<RpcResult<ScheduledTransferView[]>> {
  const rows = await db
    .select()
    .from(scheduledTransfers)
    .where(eq(scheduledTransfers.customerId, customerId))
    .orderBy(
      sql`(${scheduledTransfers.status} = 'active') DESC`,
      asc(scheduledTransfers.nextRunDate),
      desc(scheduledTransfers.createdAt),
      asc(scheduledTransfers.id),
    )
    .limit(100);
  return ok(await viewsOf(db, customerId, rows));
}

/** Cancels an active schedule; cancelling it again answers the same. A finished one answers 409. */
export async function cancelScheduledTransfer(db: Db, customerId: string, scheduleId: string): Promise<RpcResult<ScheduledTransferView>> {
  if (!isId("schedule", scheduleId)) return fail(404, "not_found", "scheduled transfer not found");
  // Waits for a runner holding the row (FOR UPDATE) to commit, so an occurrence in flight finishes first.
  const updated = await db
    .update(scheduledTransfers)
    .set({ status: "cancelled", nextRunDate: null, updatedAt: sql`now()` })
    .where(
      and(eq(scheduledTransfers.id, scheduleId), eq(scheduledTransfers.customerId, customerId), eq(scheduledTransfers.status, "active")),
    )
    .returning();
  const row = updated[0] ?? (await selectById(db, customerId, scheduleId));
  if (!row) return fail(404, "not_found", "scheduled transfer not found");
  if (row.status !== "cancelled") return fail(409, "conflict", `the scheduled transfer is already ${row.status}`);
  return ok(await viewOf(db, customerId, row));
}

async function selectByKey(db: Executor, customerId: string, key: string): Promise<ScheduleRow | undefined> {
  const rows = await db
    .select()
    .from(scheduledTransfers)
    .where(and(eq(scheduledTransfers.customerId, customerId), eq(scheduledTransfers.idempotencyKey, key)))
    .limit(1);
  return rows[0];
}

async function selectById(db: Executor, customerId: string, id: string): Promise<ScheduleRow | undefined> {
  const rows = await db
    .select()
    .from(scheduledTransfers)
    .where(and(eq(scheduledTransfers.customerId, customerId), eq(scheduledTransfers.id, id)))
    .limit(1);
  return rows[0];
}

async function viewOf(db: Executor, customerId: string, row: ScheduleRow): Promise<ScheduledTransferView> {
  return (await viewsOf(db, customerId, [row]))[0]!;
}

/** Names and masks from the customer's own accounts and payees (two queries for any number of rows). */
export async function viewsOf(db: Executor, customerId: string, rows: ScheduleRow[]): Promise<ScheduledTransferView[]> {
  if (rows.length === 0) return [];
  const [accounts, payees] = await Promise.all([selectAccounts(db, customerId), selectPayees(db, customerId)]);
  return rows.map((row) => {
    const from = accounts.find((a) => a.id === row.fromAccountId);
    const toAccount = row.toAccountId ? accounts.find((a) => a.id === row.toAccountId) : undefined;
    const toPayee = row.toPayeeId ? payees.find((p) => p.id === row.toPayeeId) : undefined;
    // A biller or the customer's own card: the schedule pays a bill, and is said so.
    const bill = toPayee?.kind === "biller" || toAccount?.type === "credit" ? { bill: true as const } : {};
    const to = row.toAccountId
      ? { kind: "account" as const, id: row.toAccountId, name: toAccount?.name ?? "Account", mask: toAccount?.mask ?? "0000", ...bill }
      : { kind: "payee" as const, id: row.toPayeeId!, name: toPayee?.name ?? "Payee", mask: toPayee?.mask ?? "0000", ...bill };
    return {
      id: row.id,
      fromAccount: { id: row.fromAccountId, name: from?.name ?? "Account", mask: from?.mask ?? "0000" },
      to,
      amount: { minor: row.amount, currency: row.currency },
      schedule: specOf(row),
      status: row.status,
      nextRunDate: row.nextRunDate,
      runsDone: row.runsDone,
      confirmationId: row.confirmationId,
      createdAt: row.createdAt.toISOString(),
    };
  });
}

import { and, eq, sql } from "drizzle-orm";
import { transferDailyTotals, transfers } from "../db/schema/banking.js";
import type { Executor } from "./db.js";

export type TransferRow = typeof transfers.$inferSelect;
export type NewTransferRow = typeof transfers.$inferInsert;

export async function selectTransfer(db: Executor, customerId: string, transferId: string): Promise<TransferRow | undefined> {
  const rows = await db
    .select()
    .from(transfers)
    .where(and(eq(transfers.id, transferId), eq(transfers.customerId, customerId)))
    .limit(1);
  return rows[0];
}

export async function selectTransferByKey(db: Executor, customerId: string, idempotencyKey: string): Promise<TransferRow | undefined> {
  const rows = await db
    .select()
    .from(transfers)
    .where(and(eq(transfers.customerId, customerId), eq(transfers.idempotencyKey, idempotencyKey)))
    .limit(1);
  return rows[0];
}

/**
 * Inserts the transfer unless its (customer, idempotency key) exists. A concurrent insert of the
 * same key waits here for the other transaction: if it commits, this returns undefined (the caller
 * reads the winner's row); if it rolls back, this insert goes ahead.
 */
export async function insertTransferOnce(db: Executor, row: NewTransferRow): Promise<TransferRow | undefined> {
  const rows = await db
    .insert(transfers)
    .values(row)
    .onConflictDoNothing({ target: [transfers.customerId, transfers.idempotencyKey] })
    .returning();
  return rows[0];
}

/**
 * Adds `amount` to today's (UTC) total for the customer and currency only if the total stays
 * within `limit`, in one statement. The row stays locked until commit, so concurrent transfers of
 * one customer count against the limit one after another. False when the limit would be passed.
 */
export async function addToDailyTotal(
  db: Executor,
  customerId: string,
  currency: "USD" | "EUR" | "GBP",
  amount: number,
  limit: number,
): Promise<boolean> {
  if (amount > limit) return false;
  const rows = await db
    .insert(transferDailyTotals)
    .values({ customerId, currency, day: sql`(now() AT TIME ZONE 'UTC')::date`, total: amount })
    .onConflictDoUpdate({
      target: [transferDailyTotals.customerId, transferDailyTotals.day, transferDailyTotals.currency],
      set: { total: sql`${transferDailyTotals.total} + excluded.total` },
      setWhere: sql`${transferDailyTotals.total} + excluded.total <= ${limit}`,
    })
    .returning({ total: transferDailyTotals.total });
  return rows.length === 1;
}

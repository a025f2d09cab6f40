import { and, eq } from "drizzle-orm";
import { transfers } from "../db/schema/banking.js";
import type { Executor } from "./db.js";

export type TransferRow = typeof transfers.$inferSelect;

export async function selectTransfer(db: Executor, customerId: string, transferId: string): Promise<TransferRow | undefined> {
  const rows = await db
    .select()
    .from(transfers)
    .where(and(eq(transfers.id, transferId), eq(transfers.customerId, customerId)))
    .limit(1);
  return rows[0];
}

/** The transfer this customer made with `idempotencyKey`, if any. */
export async function selectTransferByKey(db: Executor, customerId: string, idempotencyKey: string): Promise<TransferRow | undefined> {
  const rows = await db
    .select()
    .from(transfers)
    .where(and(eq(transfers.customerId, customerId), eq(transfers.idempotencyKey, idempotencyKey)))
    .limit(1);
  return rows[0];
}

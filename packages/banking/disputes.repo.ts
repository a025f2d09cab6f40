import { and, desc, eq } from "drizzle-orm";
import { transactions } from "../db/schema/banking.js";
import { disputes } from "../db/schema/disputes.js";
import type { Executor } from "./db.js";

export type DisputeRow = typeof disputes.$inferSelect;
export type DisputeWithTransaction = { dispute: DisputeRow; transaction: typeof transactions.$inferSelect };

/** The customer's disputes with the transaction each is about, newest first. */
export function selectDisputes(db: Executor, customerId: string, limit: number): Promise<DisputeWithTransaction[]> {
  return db
    .select({ dispute: disputes, transaction: transactions })
    .from(disputes)
    .innerJoin(transactions, and(eq(transactions.id, disputes.transactionId), eq(transactions.customerId, disputes.customerId)))
    .where(eq(disputes.customerId, customerId))
    .orderBy(desc(disputes.createdAt), desc(disputes.id))
    .limit(limit);
}

export async function selectDisputeForTransaction(
  db: Executor,
  customerId: string,
  transactionId: string,
): Promise<DisputeWithTransaction | undefined> {
  const rows = await db
    .select({ dispute: disputes, transaction: transactions })
    .from(disputes)
    .innerJoin(transactions, and(eq(transactions.id, disputes.transactionId), eq(transactions.customerId, disputes.customerId)))
    .where(and(eq(disputes.customerId, customerId), eq(disputes.transactionId, transactionId)))
    .limit(1);
  return rows[0];
}

/**
 * Inserts the case unless the customer already disputes that transaction (then nothing changes
 * and the answer is undefined). A clash on the random reference throws; the caller retries.
 */
export async function insertDispute(
  db: Executor,
  row: { id: string; customerId: string; transactionId: string; reference: string; reason: DisputeRow["reason"] },
): Promise<DisputeRow | undefined> {
  const inserted = await db
    .insert(disputes)
    .values(row)
    .onConflictDoNothing({ target: [disputes.customerId, disputes.transactionId] })
    .returning();
  return inserted[0];
}

export async function selectCustomerTransaction(db: Executor, customerId: string, transactionId: string) {
  const rows = await db
    .select()
    .from(transactions)
    .where(and(eq(transactions.id, transactionId), eq(transactions.customerId, customerId)))
    .limit(1);
  return rows[0];
}

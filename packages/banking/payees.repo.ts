import { and, asc, eq } from "drizzle-orm";
import { payees } from "../db/schema/banking.js";
import type { Executor } from "./db.js";

export type PayeeRow = typeof payees.$inferSelect;

export function selectPayees(db: Executor, customerId: string): Promise<PayeeRow[]> {
  return db.select().from(payees).where(eq(payees.customerId, customerId)).orderBy(asc(payees.name), asc(payees.id));
}

export async function selectPayee(db: Executor, customerId: string, payeeId: string): Promise<PayeeRow | undefined> {
  const rows = await db
    .select()
    .from(payees)
    .where(and(eq(payees.id, payeeId), eq(payees.customerId, customerId)))
    .limit(1);
  return rows[0];
}

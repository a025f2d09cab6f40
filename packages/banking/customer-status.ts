import { eq } from "drizzle-orm";
import { customers } from "../db/schema/banking.js";
import type { Db } from "../db/client.js";

/**
 * False only when the bank has disabled the customer. A `sub` with no customer row yet is active —
 * it simply owns nothing. Asked by the gateway per request (cached) and by an open chat socket
 * before any money confirmation.
 */
export async function isCustomerActive(db: Db, customerId: string): Promise<boolean> {
  const rows = await db.select({ disabledAt: customers.disabledAt }).from(customers).where(eq(customers.id, customerId)).limit(1);
  return !rows[0]?.disabledAt;
}

/** The customer's name, or null when there is no such customer (the local sign-in of seeded customers). */
export async function customerName(db: Db, customerId: string): Promise<string | null> {
  const rows = await db.select({ name: customers.name }).from(customers).where(eq(customers.id, customerId)).limit(1);
  return rows[0]?.name ?? null;
}

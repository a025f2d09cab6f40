import { asc, eq, isNull } from "drizzle-orm";
import type { Db } from "./client.js";
import { erasureRequests } from "./schema/transcript-keys.js";

export type ErasureRequestRow = typeof erasureRequests.$inferSelect;

/** Operator erasures that have not reached the customer's Durable Object yet, oldest first. */
export async function pendingErasureRequests(db: Db, limit = 50): Promise<ErasureRequestRow[]> {
  return db.select().from(erasureRequests).where(isNull(erasureRequests.completedAt)).orderBy(asc(erasureRequests.requestedAt)).limit(limit);
}

export async function failErasureRequest(db: Db, id: string, error: string): Promise<void> {
  await db.update(erasureRequests).set({ lastError: error.slice(0, 500) }).where(eq(erasureRequests.id, id));
}

export async function erasureRequestsOf(db: Db, customerId: string): Promise<ErasureRequestRow[]> {
  return db.select().from(erasureRequests).where(eq(erasureRequests.customerId, customerId)).orderBy(asc(erasureRequests.requestedAt));
}

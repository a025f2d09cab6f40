/**
 * Reads that only tests make, to check what the code under test left in Postgres. Kept out of the
 * runtime packages, whose repositories hold only what the product calls.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../packages/db/client.js";
import { handoffs } from "../../packages/db/schema/handoffs.js";
import { transcriptKeys } from "../../packages/db/schema/transcript-keys.js";
import type { WrappedDataKey } from "../../packages/transcript-crypto/index.js";

/** Every wrapped data key of the customer. */
export async function dataKeysOf(db: Db, customerId: string): Promise<WrappedDataKey[]> {
  const rows = await db.select().from(transcriptKeys).where(eq(transcriptKeys.customerId, customerId));
  return rows.map((row) => ({ keyId: row.keyId, customerId: row.customerId, masterKeyId: row.masterKeyId, wrapped: row.wrappedKey }));
}

/** The customer's open hand-off, if any. */
export async function openHandoffOf(db: Db, customerId: string): Promise<typeof handoffs.$inferSelect | undefined> {
  return (
    await db
      .select()
      .from(handoffs)
      .where(and(eq(handoffs.customerId, customerId), inArray(handoffs.status, ["queued", "assigned"])))
      .limit(1)
  )[0];
}

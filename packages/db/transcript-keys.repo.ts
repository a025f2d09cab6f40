import { asc, eq, ne, sql } from "drizzle-orm";
import { rewrapDataKey, type MasterKeyring, type WrappedDataKey } from "../transcript-crypto/index.js";
import type { Db } from "./client.js";
import { transcriptKeys } from "./schema/transcript-keys.js";

/** Stores a data key the Durable Object created; registering the same key again changes nothing. */
export async function registerDataKey(db: Db, key: WrappedDataKey): Promise<void> {
  await db
    .insert(transcriptKeys)
    .values({ keyId: key.keyId, customerId: key.customerId, masterKeyId: key.masterKeyId, wrappedKey: key.wrapped })
    .onConflictDoNothing({ target: transcriptKeys.keyId });
}

export async function findDataKey(db: Db, keyId: string): Promise<WrappedDataKey | undefined> {
  const row = (await db.select().from(transcriptKeys).where(eq(transcriptKeys.keyId, keyId)).limit(1))[0];
  return row ? { keyId: row.keyId, customerId: row.customerId, masterKeyId: row.masterKeyId, wrapped: row.wrappedKey } : undefined;
}

export interface RewrapRun {
  rewrapped: number;
  /** Keys wrapped by a master key missing from the keyring: they stay as they are. */
  unavailable: string[];
  /** Keys still wrapped by another master key than the current one, after this run. */
  remaining: number;
}

/**
 * Master key rotation: re-wraps every data key not wrapped by the keyring's current master key,
 * in batches. The data keys themselves do not change, so no transcript is re-encrypted and old
 * ciphertext reads as before. Once `remaining` is 0 the old master key can be retired.
 */
export async function rewrapDataKeys(db: Db, keyring: MasterKeyring, batchSize = 500): Promise<RewrapRun> {
  let rewrapped = 0;
  const unavailable: string[] = [];
  let afterKeyId = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const rows = await db
      .select()
      .from(transcriptKeys)
      .where(sql`${transcriptKeys.masterKeyId} <> ${keyring.currentId} AND ${transcriptKeys.keyId} > ${afterKeyId}`)
      .orderBy(asc(transcriptKeys.keyId))
      .limit(batchSize);
    if (rows.length === 0) break;
    for (const row of rows) {
      afterKeyId = row.keyId;
      if (!keyring.keys.has(row.masterKeyId)) {
        unavailable.push(row.keyId);
        continue;
      }
      const next = await rewrapDataKey(keyring, { keyId: row.keyId, customerId: row.customerId, masterKeyId: row.masterKeyId, wrapped: row.wrappedKey });
      // Only if nobody changed it meanwhile (a second rotation run, an erasure): then it is theirs.
      await db
        .update(transcriptKeys)
        .set({ masterKeyId: next.masterKeyId, wrappedKey: next.wrapped, rewrappedAt: sql`now()` })
        .where(sql`${transcriptKeys.keyId} = ${row.keyId} AND ${transcriptKeys.wrappedKey} = ${row.wrappedKey}`);
      rewrapped++;
    }
  }
  const remaining = (await db.select({ n: sql<number>`count(*)::int` }).from(transcriptKeys).where(ne(transcriptKeys.masterKeyId, keyring.currentId)))[0]?.n ?? 0;
  return { rewrapped, unavailable, remaining };
}

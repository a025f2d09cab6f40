import { and, eq, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "./client.js";
import { chatEvents } from "./schema/events.js";
import { erasureRequests, transcriptKeys } from "./schema/transcript-keys.js";
import { CONVERSATION_EVENT_TYPES } from "./transcript-policy.js";

// In a module without drizzle, so the Durable Object's startup does not load it (deferred.ts).
export { CONVERSATION_EVENT_TYPES, SEALED_EVENT_TYPES } from "./transcript-policy.js";

export interface Erasure {
  /** Id of the `audit.erasure` record (a retry with the same id records once). */
  id: string;
  by: "customer" | "operator";
  at: Date;
  /** An operator's erasure request this run completes (erasure_requests.completed_at, same transaction). */
  completesRequest?: string;
}

export interface ErasureResult {
  events: number;
  /** Data keys destroyed: ciphertext anywhere (backups, late queue deliveries) no longer opens. */
  shreddedKeys: number;
}

/**
 * GDPR Art. 17 for the transcript in Postgres, in one transaction: deletes the customer's
 * conversation events, destroys their transcript data keys (crypto-shredding) and leaves an
 * `audit.erasure` record without content (who asked, when, how much went).
 */
export async function eraseConversationEvents(db: Db, customerId: string, erasure: Erasure): Promise<ErasureResult> {
  return db.transaction((tx) => eraseInTransaction(tx as unknown as Db, customerId, erasure));
}

/**
 * An operator's erasure (`npm run ops -- erase`): the Postgres part now, and a request the chat
 * Worker's Cron Trigger completes in the customer's Durable Object (workers/chat/erasures.ts).
 */
export async function requestOperatorErasure(db: Db, customerId: string, at = new Date()): Promise<ErasureResult & { requestId: string }> {
  const requestId = crypto.randomUUID();
  return db.transaction(async (tx) => {
    const result = await eraseInTransaction(tx as unknown as Db, customerId, { id: requestId, by: "operator", at });
    await tx.insert(erasureRequests).values({ id: requestId, customerId, requestedAt: at });
    return { ...result, requestId };
  });
}

/**
 * Only what existed when the erasure was asked: events that happened up to `at` (the same clock as
 * theirs, the Durable Object's) and keys registered before this transaction began (Postgres's
 * now(), as their created_at). An erasure whose statements were sent just before its turn deadline
 * can commit after it; the turns answered after the 504 have their own events and a new data key,
 * which it must not delete or shred. What was said after `at` goes with the next erasure.
 */
async function eraseInTransaction(tx: Db, customerId: string, erasure: Erasure): Promise<ErasureResult> {
  const deleted = await tx
    .delete(chatEvents)
    .where(and(eq(chatEvents.customerId, customerId), inArray(chatEvents.type, [...CONVERSATION_EVENT_TYPES]), lte(chatEvents.occurredAt, erasure.at)))
    .returning({ id: chatEvents.id });
  const shredded = await tx
    .delete(transcriptKeys)
    .where(and(eq(transcriptKeys.customerId, customerId), lte(transcriptKeys.createdAt, sql`now()`)))
    .returning({ keyId: transcriptKeys.keyId });
  await tx
    .insert(chatEvents)
    .values({
      id: erasure.id,
      customerId,
      type: "audit.erasure",
      payload: { by: erasure.by, deletedEvents: deleted.length, shreddedKeys: shredded.length },
      occurredAt: erasure.at,
    })
    .onConflictDoNothing();
  if (erasure.completesRequest) {
    await tx.update(erasureRequests).set({ completedAt: erasure.at, lastError: null }).where(eq(erasureRequests.id, erasure.completesRequest));
  }
  return { events: deleted.length, shreddedKeys: shredded.length };
}

import { and, inArray, lt } from "drizzle-orm";
import type { Db } from "./client.js";
import { CONVERSATION_EVENT_TYPES } from "./transcript-policy.js";
import { chatEvents } from "./schema/events.js";

export { DEFAULT_TRANSCRIPT_RETENTION_DAYS } from "./transcript-policy.js";

export interface RetentionRun {
  deleted: number;
  /** False when the run stopped at its batch cap with more left: the next run continues. */
  complete: boolean;
}

/**
 * Deletes conversation events (never audit events) that occurred before `olderThan`, in batches
 * of `batchSize` so that no statement holds locks for long, at most `maxBatches` per run.
 */
export async function deleteExpiredTranscripts(db: Db, olderThan: Date, batchSize = 1000, maxBatches = 50): Promise<RetentionRun> {
  let deleted = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const expired = await db
      .select({ id: chatEvents.id })
      .from(chatEvents)
      .where(and(inArray(chatEvents.type, [...CONVERSATION_EVENT_TYPES]), lt(chatEvents.occurredAt, olderThan)))
      .limit(batchSize);
    if (expired.length === 0) return { deleted, complete: true };
    await db.delete(chatEvents).where(inArray(chatEvents.id, expired.map((row) => row.id)));
    deleted += expired.length;
    if (expired.length < batchSize) return { deleted, complete: true };
  }
  return { deleted, complete: false };
}

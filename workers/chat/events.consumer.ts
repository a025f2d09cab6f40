import { chatEvents } from "../../packages/db/schema/events.js";
import { eventsOf, type ChatEvent } from "../../packages/common/events.js";
import type { Db } from "../../packages/db/client.js";
import { describeError } from "../../packages/common/log-error.js";

/**
 * Writes a batch of queue events to Postgres in one INSERT. Queues deliver at least once: the
 * event id is the primary key and duplicates are skipped, so a redelivered batch changes nothing.
 */
export async function storeChatEvents(db: Db, events: ChatEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db
    .insert(chatEvents)
    .values(
      events.map((e) => ({
        id: e.id,
        customerId: e.customerId,
        type: e.type,
        messageId: e.messageId ?? null,
        payload: e.payload,
        occurredAt: new Date(e.occurredAt),
      })),
    )
    .onConflictDoNothing({ target: chatEvents.id });
}

export interface ConsumeOutcome {
  stored: number;
  rejected: number;
  retried: number;
  error?: string;
}

const RETRY_DELAY_SECONDS = 5;

/**
 * Stores every valid event of a batch (single events and bundles alike) in one INSERT, and sends
 * malformed bodies or events to the DLQ at once: retrying cannot fix them. If Postgres fails,
 * the messages are retried later and, after max_retries, the queue moves them to the DLQ:
 * nothing is dropped.
 */
export async function consumeChatEvents(
  batch: MessageBatch<unknown>,
  db: Db,
  deadLetters: Queue,
): Promise<ConsumeOutcome> {
  const valid: ChatEvent[] = [];
  const invalid: unknown[] = [];
  for (const message of batch.messages) {
    const split = eventsOf(message.body);
    valid.push(...split.valid);
    invalid.push(...split.invalid);
  }
  if (invalid.length > 0) {
    await deadLetters.sendBatch(invalid.map((body) => ({ body: { reason: "malformed event", body } })));
  }
  try {
    await storeChatEvents(db, valid);
  } catch (error) {
    for (const message of batch.messages) message.retry({ delaySeconds: RETRY_DELAY_SECONDS });
    return { stored: 0, rejected: invalid.length, retried: valid.length, error: describeError(error) };
  }
  for (const message of batch.messages) message.ack();
  return { stored: valid.length, rejected: invalid.length, retried: 0 };
}

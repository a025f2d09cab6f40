import { chatEvents } from "../../packages/db/schema/events.js";
import { isChatEvent, type ChatEvent } from "../../packages/common/events.js";
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
 * Splits a batch into valid events (stored together) and malformed bodies (sent to the DLQ at
 * once: retrying cannot fix them). If Postgres fails, the valid ones are retried later and, after
 * max_retries, the queue moves them to the DLQ: nothing is dropped.
 */
export async function consumeChatEvents(
  batch: MessageBatch<unknown>,
  db: Db,
  deadLetters: Queue,
): Promise<ConsumeOutcome> {
  const valid: Array<{ message: Message<unknown>; event: ChatEvent }> = [];
  const invalid: Array<Message<unknown>> = [];
  for (const message of batch.messages) {
    if (isChatEvent(message.body)) valid.push({ message, event: message.body });
    else invalid.push(message);
  }
  if (invalid.length > 0) {
    await deadLetters.sendBatch(invalid.map((m) => ({ body: { reason: "malformed event", body: m.body } })));
    for (const m of invalid) m.ack();
  }
  try {
    await storeChatEvents(
      db,
      valid.map((v) => v.event),
    );
  } catch (error) {
    for (const v of valid) v.message.retry({ delaySeconds: RETRY_DELAY_SECONDS });
    return { stored: 0, rejected: invalid.length, retried: valid.length, error: describeError(error) };
  }
  for (const v of valid) v.message.ack();
  return { stored: valid.length, rejected: invalid.length, retried: 0 };
}

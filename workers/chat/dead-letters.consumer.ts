import { isDeadLetterBody } from "../../packages/contract/events.js";
import type { Db } from "../../packages/db/client.js";
import { parkDeadLetter } from "../../packages/db/chat-events.repo.js";
import { describeError } from "../../packages/logging/log-error.js";

export interface ParkOutcome {
  parked: number;
  retried: number;
  error?: string;
}

/** The DLQ: its consumer runs for any queue named like this (chat-events-dlq, -staging, -production). */
export function isDeadLetterQueue(queue: string): boolean {
  return queue.startsWith("chat-events-dlq");
}

/**
 * Parks each dead letter in Postgres (`dead_letters`) with its reason, for an operator to list
 * and replay (`npm run ops -- dead-letters`). The consumer's own refusals carry a reason; a
 * message the queue moved here after its last retry does not, and says so.
 */
export async function parkDeadLetters(batch: MessageBatch<unknown>, db: Db): Promise<ParkOutcome> {
  const outcome: ParkOutcome = { parked: 0, retried: 0 };
  for (const message of batch.messages) {
    const body = message.body;
    const [reason, original] = isDeadLetterBody(body)
      ? [body.reason, body.body]
      : ["delivery retries exhausted (Postgres failed on every attempt; see the chat Worker's logs)", body];
    try {
      await parkDeadLetter(db, "chat-events", original, reason);
      message.ack();
      outcome.parked++;
    } catch (error) {
      message.retry({ delaySeconds: 30 });
      outcome.retried++;
      outcome.error = describeError(error);
    }
  }
  return outcome;
}

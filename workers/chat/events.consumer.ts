import { eventsOf, type ChatEvent, type DeadLetterBody } from "../../packages/contract/events.js";
import type { Db } from "../../packages/db/client.js";
import { storeChatEvents } from "../../packages/db/chat-events.repo.js";
import { describeError } from "../../packages/logging/log-error.js";
import { sqlState } from "../../packages/banking/db.js";

export { storeChatEvents };

export interface ConsumeOutcome {
  stored: number;
  rejected: number;
  retried: number;
  error?: string;
}

const RETRY_DELAY_SECONDS = 5;

/**
 * Postgres refusing the data itself (class 22: a NUL in text, an invalid value; class 23: a
 * constraint): retrying cannot help, so the message goes to the DLQ at once, alone.
 */
function isPermanent(error: unknown): boolean {
  const state = sqlState(error);
  return state !== undefined && (state.startsWith("22") || state.startsWith("23"));
}

/**
 * Stores a batch (single events and bundles alike), each message on its own account: one bad
 * message never holds back another. The fast path is one INSERT for the whole batch; if Postgres
 * refuses it, each message is stored alone, and a message Postgres refuses for its data goes to
 * the DLQ alone with the reason. Malformed bodies or events go to the DLQ at once. If Postgres is
 * unreachable the messages are retried and, after max_retries, the queue moves them to the DLQ:
 * nothing is dropped. Storing is idempotent on the event id, so retries and replays are safe.
 */
export async function consumeChatEvents(batch: MessageBatch<unknown>, db: Db, deadLetters: Queue): Promise<ConsumeOutcome> {
  const outcome: ConsumeOutcome = { stored: 0, rejected: 0, retried: 0 };
  const parts: { message: Message<unknown>; valid: ChatEvent[] }[] = [];
  for (const message of batch.messages) {
    const split = eventsOf(message.body);
    if (split.invalid.length > 0) {
      try {
        await deadLetters.send({ reason: "malformed event", body: split.valid.length > 0 ? { events: split.invalid } : message.body } satisfies DeadLetterBody);
      } catch (error) {
        // The DLQ refused too: keep the whole message for a retry rather than drop its bad part.
        message.retry({ delaySeconds: RETRY_DELAY_SECONDS });
        outcome.retried += split.valid.length;
        outcome.error = describeError(error);
        continue;
      }
      outcome.rejected += split.invalid.length;
    }
    parts.push({ message, valid: split.valid });
  }

  try {
    await storeChatEvents(db, parts.flatMap((p) => p.valid));
    for (const part of parts) part.message.ack();
    outcome.stored += parts.reduce((n, p) => n + p.valid.length, 0);
    return outcome;
  } catch (error) {
    if (parts.length === 1 && !isPermanent(error)) return retryAll(parts, outcome, error);
  }

  let unreachable = false;
  for (const part of parts) {
    if (unreachable) {
      part.message.retry({ delaySeconds: RETRY_DELAY_SECONDS });
      outcome.retried += part.valid.length;
      continue;
    }
    try {
      await storeChatEvents(db, part.valid);
      part.message.ack();
      outcome.stored += part.valid.length;
    } catch (error) {
      outcome.error = describeError(error);
      if (!isPermanent(error)) {
        // Postgres itself is failing: the rest of the batch would only fail the same way.
        unreachable = true;
        part.message.retry({ delaySeconds: RETRY_DELAY_SECONDS });
        outcome.retried += part.valid.length;
        continue;
      }
      try {
        await deadLetters.send({ reason: `refused by Postgres (${sqlState(error)}): ${outcome.error}`, body: part.message.body } satisfies DeadLetterBody);
        part.message.ack();
        outcome.rejected += part.valid.length;
      } catch {
        part.message.retry({ delaySeconds: RETRY_DELAY_SECONDS });
        outcome.retried += part.valid.length;
      }
    }
  }
  return outcome;
}

function retryAll(parts: { message: Message<unknown>; valid: ChatEvent[] }[], outcome: ConsumeOutcome, error: unknown): ConsumeOutcome {
  for (const part of parts) part.message.retry({ delaySeconds: RETRY_DELAY_SECONDS });
  outcome.retried += parts.reduce((n, p) => n + p.valid.length, 0);
  outcome.error = describeError(error);
  return outcome;
}

import { eventsOf } from "../contract/events.js";
import { describeError } from "../logging/log-error.js";
import type { Db } from "./client.js";
import { getDeadLetter, listDeadLetters, markDeadLetter, storeChatEvents } from "./chat-events.repo.js";

export type ReplayOutcome =
  | { id: string; ok: true; stored: number }
  | { id: string; ok: false; error: string };

/**
 * Replays one parked message through the same idempotent insert as the consumer (keyed on the
 * event id), so replaying twice, or replaying a message that was stored meanwhile, stores each
 * event once. A body with malformed events stays parked: they need fixing, not replaying.
 */
export async function replayDeadLetter(db: Db, id: string): Promise<ReplayOutcome> {
  const row = await getDeadLetter(db, id);
  if (!row) return { id, ok: false, error: "no dead letter with this id" };
  let body: unknown;
  try {
    body = JSON.parse(row.body);
  } catch {
    return { id, ok: false, error: "the parked body is not JSON" };
  }
  const { valid, invalid } = eventsOf(body);
  if (invalid.length > 0) {
    const error = `${invalid.length} malformed event(s): fix the body or discard it`;
    await markDeadLetter(db, id, { error });
    return { id, ok: false, error };
  }
  try {
    await storeChatEvents(db, valid);
  } catch (cause) {
    const error = `replay failed: ${describeError(cause)}`;
    await markDeadLetter(db, id, { error });
    return { id, ok: false, error };
  }
  await markDeadLetter(db, id, { replayed: true });
  return { id, ok: true, stored: valid.length };
}

export async function replayAllDeadLetters(db: Db): Promise<ReplayOutcome[]> {
  const outcomes: ReplayOutcome[] = [];
  for (const row of await listDeadLetters(db)) outcomes.push(await replayDeadLetter(db, row.id));
  return outcomes;
}

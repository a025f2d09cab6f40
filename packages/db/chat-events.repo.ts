import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { chatEvents, deadLetters } from "./schema/events.js";
import { eventIdsIn, type ChatEvent } from "../contract/events.js";
import type { Db } from "./client.js";

/**
 * Writes queue events to Postgres in one INSERT. Queues deliver at least once: the event id is
 * the primary key and duplicates are skipped, so a redelivered or replayed event changes nothing.
 * The batch travels as one json parameter, unpacked by Postgres (json_to_recordset): building a
 * many-row INSERT with drizzle's query builder was most of the consumer's CPU per batch.
 */
export async function storeChatEvents(db: Db, events: ChatEvent[]): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map((e) => ({
    id: e.id,
    customer_id: e.customerId,
    type: e.type,
    message_id: e.messageId ?? null,
    payload: e.payload,
    // As a Date would store it (milliseconds, UTC); an unreadable time throws here, as it did there.
    occurred_at: new Date(e.occurredAt).toISOString(),
  }));
  await db.execute(sql`
    INSERT INTO chat_events (id, customer_id, type, message_id, payload, occurred_at)
    SELECT e.id, e.customer_id, e.type, e.message_id, e.payload, e.occurred_at
    FROM json_to_recordset(${JSON.stringify(rows)}::json)
      AS e(id uuid, customer_id text, type text, message_id text, payload jsonb, occurred_at timestamptz)
    ON CONFLICT (id) DO NOTHING`);
}

export type DeadLetterRow = typeof deadLetters.$inferSelect;

/** The row id of a dead letter: a hash of its body, so the same body parked twice is one row. */
export async function deadLetterId(queue: string, body: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`${queue}\n${body}`));
  return [...new Uint8Array(digest).slice(0, 12)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Parks a failed message; seen again, it counts once more and keeps the latest error. */
export async function parkDeadLetter(db: Db, queue: string, body: unknown, error: string): Promise<string> {
  // JSON.stringify escapes every control character, so the text column accepts any body.
  const text = JSON.stringify(body) ?? "null";
  const id = await deadLetterId(queue, text);
  await db
    .insert(deadLetters)
    .values({ id, queue, body: text, error, eventIds: eventIdsIn(body) })
    .onConflictDoUpdate({
      target: deadLetters.id,
      set: { error, count: sql`${deadLetters.count} + 1`, lastSeenAt: sql`now()`, replayedAt: null },
    });
  return id;
}

export async function listDeadLetters(db: Db, options: { includeReplayed?: boolean } = {}): Promise<DeadLetterRow[]> {
  return db
    .select()
    .from(deadLetters)
    .where(options.includeReplayed ? undefined : isNull(deadLetters.replayedAt))
    .orderBy(asc(deadLetters.firstSeenAt));
}

export async function getDeadLetter(db: Db, id: string): Promise<DeadLetterRow | undefined> {
  return (await db.select().from(deadLetters).where(eq(deadLetters.id, id)).limit(1))[0];
}

export async function markDeadLetter(db: Db, id: string, outcome: { replayed: true } | { error: string }): Promise<void> {
  await db
    .update(deadLetters)
    .set("replayed" in outcome ? { replayedAt: sql`now()` } : { error: outcome.error, lastSeenAt: sql`now()` })
    .where(and(eq(deadLetters.id, id)));
}

/** What Postgres holds of the events an outbox sent: ids stored or parked, and data keys still there. */
export interface Delivered {
  /** Event ids (lower case) in chat_events or in a dead letter. */
  events: Set<string>;
  /** Of the data keys asked about, those not shredded (still in transcript_keys). */
  keys: Set<string>;
}

/**
 * One query for a ChatSession's whole confirm batch: which of these events Postgres holds (in
 * chat_events, or parked in dead_letters, replayed or not), and which of these data keys still
 * exist. Ids that are not UUIDs cannot be in either table and are left out.
 */
export async function deliveredEvents(db: Db, eventIds: string[], keyIds: string[] = []): Promise<Delivered> {
  const events = uuidArray(eventIds);
  const keys = uuidArray(keyIds);
  const result = await db.execute(sql`
    SELECT 'e' AS kind, id::text AS id FROM chat_events WHERE id = ANY(${events}::uuid[])
    UNION
    SELECT 'e', x::text FROM dead_letters d, unnest(d.event_ids) AS x
     WHERE d.event_ids && ${events}::uuid[] AND x = ANY(${events}::uuid[])
    UNION
    SELECT 'k', key_id::text FROM transcript_keys WHERE key_id = ANY(${keys}::uuid[])`);
  // db.execute's result type is driver-specific; both drivers we use answer `{ rows }`.
  const rows = (result as unknown as { rows: { kind: string; id: string }[] }).rows;
  return {
    events: new Set(rows.filter((r) => r.kind === "e").map((r) => r.id)),
    keys: new Set(rows.filter((r) => r.kind === "k").map((r) => r.id)),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A Postgres array literal of the UUIDs among `ids` (one parameter, however many ids). */
function uuidArray(ids: string[]): string {
  return `{${ids.map((id) => id.toLowerCase()).filter((id) => UUID.test(id)).join(",")}}`;
}

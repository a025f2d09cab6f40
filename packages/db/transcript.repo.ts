import { and, asc, eq, gte, inArray, sql } from "drizzle-orm";
import {
  KeyUnavailableError,
  isSealedPayload,
  openPayload,
  sealedKeyId,
  unwrapDataKey,
  type DataKey,
  type MasterKeyring,
} from "../transcript-crypto/index.js";
import type { Db } from "./client.js";
import { CONVERSATION_EVENT_TYPES } from "./transcript-policy.js";
import { chatEvents } from "./schema/events.js";
import { findDataKey } from "./transcript-keys.repo.js";

export interface TranscriptEvent {
  id: string;
  type: string;
  messageId: string | null;
  occurredAt: Date;
  payload: Record<string, unknown>;
}

export interface Transcript {
  events: TranscriptEvent[];
  /** Sealed events whose data key is gone (erased: crypto-shredded) or does not open. */
  unreadable: number;
}

/**
 * The one way to read a customer's transcript in clear (agents taking over a conversation, an
 * access request): conversation events from chat_events, oldest first, each payload opened with
 * the customer's data key. Events whose key was shredded are counted, never returned.
 */
export async function readTranscript(db: Db, keyring: MasterKeyring, customerId: string, options: { since?: Date; limit?: number } = {}): Promise<Transcript> {
  const rows = await db
    .select()
    .from(chatEvents)
    .where(
      and(
        eq(chatEvents.customerId, customerId),
        inArray(chatEvents.type, [...CONVERSATION_EVENT_TYPES]),
        options.since ? gte(chatEvents.occurredAt, options.since) : undefined,
      ),
    )
    // A turn's events share one time: the customer's words come before what answered them.
    .orderBy(asc(chatEvents.occurredAt), sql`CASE ${chatEvents.type} WHEN 'message.received' THEN 0 ELSE 1 END`, asc(chatEvents.id))
    .limit(options.limit ?? 500);
  const keys = new Map<string, Promise<DataKey | undefined>>();
  const keyFor = (keyId: string) => {
    let key = keys.get(keyId);
    if (!key) {
      key = findDataKey(db, keyId).then(async (wrapped) => {
        // A key of another customer never opens this customer's rows (and its binding would refuse).
        if (!wrapped || wrapped.customerId !== customerId) return undefined;
        try {
          return await unwrapDataKey(keyring, wrapped);
        } catch (error) {
          if (error instanceof KeyUnavailableError) return undefined;
          throw error;
        }
      });
      keys.set(keyId, key);
    }
    return key;
  };

  const events: TranscriptEvent[] = [];
  let unreadable = 0;
  for (const row of rows) {
    const base = { id: row.id, type: row.type, messageId: row.messageId, occurredAt: row.occurredAt };
    if (!isSealedPayload(row.payload)) {
      // Written before encryption shipped (or carrying no text, as hand-off requests): kept as is.
      events.push({ ...base, payload: row.payload as Record<string, unknown> });
      continue;
    }
    const key = await keyFor(sealedKeyId(row.payload.sealed)!);
    const payload = key ? await openPayload(key, row.payload).catch(() => undefined) : undefined;
    if (payload) events.push({ ...base, payload });
    else unreadable++;
  }
  return { events, unreadable };
}

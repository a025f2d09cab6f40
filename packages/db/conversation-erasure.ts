import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "./client.js";
import { chatEvents } from "./schema/events.js";

/** The events that carry what was said; audit events (money, cards, sign-ins) are kept. */
export const CONVERSATION_EVENT_TYPES = ["message.received", "reply.sent", "handoff.requested", "handoff.agent_message"] as const;

export interface Erasure {
  /** Id of the `audit.erasure` record (a retry with the same id records once). */
  id: string;
  by: "customer" | "operator";
  at: Date;
}

/**
 * GDPR Art. 17 for the transcript in Postgres: deletes the customer's conversation events and
 * leaves an `audit.erasure` record without content (who asked, when, how many events went), in
 * one transaction.
 */
export async function eraseConversationEvents(db: Db, customerId: string, erasure: Erasure): Promise<number> {
  return db.transaction(async (tx) => {
    const deleted = await tx
      .delete(chatEvents)
      .where(and(eq(chatEvents.customerId, customerId), inArray(chatEvents.type, [...CONVERSATION_EVENT_TYPES])))
      .returning({ id: chatEvents.id });
    await tx
      .insert(chatEvents)
      .values({ id: erasure.id, customerId, type: "audit.erasure", payload: { by: erasure.by, deletedEvents: deleted.length }, occurredAt: erasure.at })
      .onConflictDoNothing();
    return deleted.length;
  });
}

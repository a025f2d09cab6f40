import { eventsOf } from "../../packages/contract/events.js";
import type { Db } from "../../packages/db/client.js";
import { escalateHandoff, openHandoff } from "../../packages/handoff/handoffs.repo.js";
import { describeError } from "../../packages/logging/log-error.js";
import type { ChatEnv } from "./env.js";

/**
 * Puts each `handoff.requested` event of a batch in the staff queue (`handoffs`, keyed by the
 * event id, so a redelivery adds nothing; one for a customer already waiting may raise that
 * hand-off's urgency) and tells the staff desk when the queue changed. Runs
 * before the events are stored; a failure here is logged and does not hold the batch back: the
 * ChatSession stores the same row itself before it expires or leaves a hand-off.
 */
export async function queueHandoffs(batch: MessageBatch<unknown>, db: Db, env: ChatEnv): Promise<number> {
  let added = 0;
  try {
    for (const message of batch.messages) {
      for (const e of eventsOf(message.body).valid) {
        if (e.type !== "handoff.requested") continue;
        const reason = typeof e.payload.reason === "string" ? e.payload.reason : "customer_request";
        const intent = typeof e.payload.intent === "string" ? e.payload.intent : null;
        if (await openHandoff(db, { id: e.id, customerId: e.customerId, reason, intent, requestedAt: new Date(e.occurredAt) })) added++;
        // Already waiting: a fraud report made meanwhile marks the same hand-off as fraud.
        else if (await escalateHandoff(db, e.customerId, reason, intent)) added++;
      }
    }
    if (added > 0 && env.STAFF_DESK) await env.STAFF_DESK.get(env.STAFF_DESK.idFromName("desk")).queueChanged();
  } catch (error) {
    console.error(JSON.stringify({ msg: "hand-off queueing failed", error: describeError(error) }));
  }
  return added;
}

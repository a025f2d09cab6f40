import { fail, ok, type RpcResult } from "../packages/contract/errors.js";
import type { Db } from "../packages/db/client.js";
import { eraseConversationEvents } from "../packages/db/deferred.js";
import { CONVERSATION_EVENT_TYPES } from "../packages/db/transcript-policy.js";
import { initialState } from "../packages/dialogue/index.js";
import type { ChatSessionEnv } from "./chat-session.env.js";
import type { ChatSessionStore } from "./chat-session.storage.js";
import { dbHangFault } from "./fault-switches.js";
import type { TranscriptCipher } from "./transcript-cipher.js";
import { TurnAbandoned, fencedTurnDb, type TurnFence } from "./turn-deadline.js";

/** What the ChatSession lends its erasure. */
export interface ErasureHost {
  env: ChatSessionEnv;
  store: ChatSessionStore;
  cipher: TranscriptCipher;
  forgetAgentLog(): void;
  openDb(): { db: () => Promise<Db>; end(): Promise<void> };
}

/**
 * GDPR Art. 17, in the customer's lock under the turn deadline (chat-session.ts): the conversation
 * goes in Postgres first (one transaction), then here (one SQLite transaction, which needs no
 * network); an audit record without content stays. A confirmed transfer still executing keeps its
 * state, so money never moves twice.
 *
 * Postgres first (session 32): the Durable Object was cleared first, so a Postgres step that failed
 * left the conversation gone from the screen but kept in Postgres, and it stayed so unless the
 * customer asked again. Now a failed Postgres step changes nothing anywhere: the customer is told
 * it was not deleted, and asking again erases it all. (A pending-erasure marker retried by the
 * alarm was the other way; its retry, run after the customer chatted again, would shred the data
 * key those new turns were sealed with.)
 *
 * Past the deadline the Postgres step is fenced: sent late, it would delete the events (and the new
 * data key) of turns acknowledged after the 504. One already sent may still commit late; it deletes
 * only events up to its instant and keys older than its transaction (conversation-erasure.ts), and
 * the fence then keeps this object as it is: asked again, the erasure completes (what was said
 * meanwhile goes too, as asked).
 */
export async function eraseConversation(
  host: ErasureHost,
  request: { customerId: string; by: "customer" | "operator"; erasureId?: string },
  fence: TurnFence,
): Promise<RpcResult<{ turns: number; events: number }>> {
  const { store, cipher } = host;
  fence.check();
  const { db: pool, end } = host.openDb();
  const { db } = fencedTurnDb(fence, dbHangFault(host.env), pool);
  try {
    // An operator's request (workers/chat/erasures.ts) keeps its id: one audit record, marked complete.
    const erased = await eraseConversationEvents(await db(), request.customerId, {
      id: request.erasureId ?? crypto.randomUUID(),
      by: request.by,
      at: new Date(),
      ...(request.erasureId ? { completesRequest: request.erasureId } : {}),
    });
    fence.check();
    const turns = store.atomically(() => {
      const removed = store.eraseConversation(CONVERSATION_EVENT_TYPES);
      // Crypto-shredding: this object's copy of the data key goes too (Postgres's is gone).
      cipher.forget();
      host.forgetAgentLog();
      if (!store.loadState().executing) store.saveState(initialState());
      return removed;
    });
    return ok({ turns, events: erased.events });
  } catch (error) {
    const msg = error instanceof TurnAbandoned ? "erasure: postgres step refused past the deadline" : "erasure: postgres step failed";
    console.error(JSON.stringify({ msg, error: String(error) }));
    return fail(503, "unavailable", "the conversation could not be erased completely; try again");
  } finally {
    // An abandoned erasure's pool was discarded already; the pool now kept may be the next turn's.
    if (!fence.abandoned) await end();
  }
}

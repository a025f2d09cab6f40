import { env, runInDurableObject } from "cloudflare:test";
import type { ChatSession } from "../../durable-objects/chat-session.js";
import type { DialogueState } from "../../packages/dialogue/index.js";

/** A Postgres that refuses connections at once (nothing listens on port 9). */
export const UNREACHABLE_DB = "postgres://nobody:nothing@127.0.0.1:9/none";

export function chatSession(customerId: string): DurableObjectStub<ChatSession> {
  return env.CHAT_SESSION.get(env.CHAT_SESSION.idFromName(customerId));
}

/**
 * Overrides bindings of the customer's live ChatSession instance until it is evicted: a Postgres
 * that is gone (DATABASE_URL), a local fault switch (FAULT_QUEUE_SEND_FAIL_RATE), or, with the
 * test environment's own values, back to normal.
 */
export async function setSessionEnv(customerId: string, bindings: Record<string, string>): Promise<void> {
  await runInDurableObject(chatSession(customerId), (instance: ChatSession) => {
    const self = instance as unknown as { env: Record<string, unknown> };
    self.env = { ...self.env, ...bindings };
  });
}

/** The dialogue state the customer's ChatSession has stored. */
export function storedDialogueState(customerId: string): Promise<DialogueState> {
  return runInDurableObject(chatSession(customerId), (_i, state) =>
    JSON.parse(state.storage.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = 'dialogue_state'").one().value),
  );
}

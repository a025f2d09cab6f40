import { createExecutionContext, createMessageBatch, env, getQueueResult } from "cloudflare:test";
import { inArray } from "drizzle-orm";
import chat from "../../workers/chat/index.js";
import type { ChatEnv } from "../../workers/chat/env.js";
import type { ChatEvent } from "../../packages/contract/events.js";
import { chatEvents } from "../../packages/db/schema/events.js";
import { withTestDb } from "./helpers.js";

/** A customer's message as the ChatSession queues it (unsealed: the consumer stores what it gets). */
export function messageEvent(customerId: string, text: string): ChatEvent {
  return {
    id: crypto.randomUUID(),
    type: "message.received",
    customerId,
    messageId: `m-${crypto.randomUUID().slice(0, 8)}`,
    occurredAt: new Date().toISOString(),
    payload: { text },
  };
}

/** A queue message around `body`, as the queue hands it to a consumer. */
export function queueMessage(body: unknown, n: number) {
  return { id: `msg-${n}-${crypto.randomUUID()}`, timestamp: new Date(), attempts: 1, body };
}

/** Runs the chat Worker's own queue handler on a batch, as the queue would, and collects its acks. */
export async function deliver(queue: string, bodies: unknown[]) {
  const batch = createMessageBatch(queue, bodies.map(queueMessage));
  const ctx = createExecutionContext();
  await chat.queue(batch, env as unknown as ChatEnv, ctx);
  return { batch, result: await getQueueResult(batch, ctx) };
}

/** Which of these event ids are in chat_events. */
export async function storedIds(ids: string[]): Promise<string[]> {
  return withTestDb(async (db) => (await db.select({ id: chatEvents.id }).from(chatEvents).where(inArray(chatEvents.id, ids))).map((r) => r.id));
}

import type { ChatEnv } from "./env.js";
import { consumeChatEvents } from "./events.consumer.js";
import { requestDb } from "./db.js";
import { runScheduledTick } from "./scheduled.js";

export { ChatService } from "./chat.service.js";
export { BankingService } from "./banking.service.js";
export { ChatSession } from "../../durable-objects/chat-session.js";

export default {
  // No public HTTP: the gateway reaches this Worker over its service binding only.
  async fetch(): Promise<Response> {
    return Response.json({ error: { code: "not_found", message: "not found" } }, { status: 404 });
  },

  async queue(batch: MessageBatch<unknown>, env: ChatEnv, ctx: ExecutionContext): Promise<void> {
    const { db, end } = requestDb(env, ctx);
    try {
      const outcome = await consumeChatEvents(batch, db, env.CHAT_EVENTS_DLQ);
      const log = outcome.error ? console.error : console.log;
      log(JSON.stringify({ msg: "chat-events batch", queue: batch.queue, ...outcome }));
    } finally {
      await end();
    }
  },

  /** Cron Trigger: due scheduled/recurring transfers (see scheduled.ts). */
  async scheduled(controller: ScheduledController, env: ChatEnv, ctx: ExecutionContext): Promise<void> {
    await runScheduledTick(env, ctx, controller.scheduledTime);
  },
} satisfies ExportedHandler<ChatEnv>;

import type { ChatEnv } from "./env.js";
import { requestDb } from "./db.js";
import { lazyModule } from "../../packages/lazy-module/lazy-module.js";
import type * as Retention from "./retention.js";
import type * as Scheduled from "./scheduled.js";
import type * as Erasures from "./erasures.js";
import type * as EventsConsumer from "./events.consumer.js";
import type * as DeadLettersConsumer from "./dead-letters.consumer.js";
import type * as HandoffsConsumer from "./handoffs.consumer.js";

export { ChatService } from "./chat.service.js";
export { StaffService } from "./staff.service.js";
export { StaffDesk } from "../../durable-objects/staff-desk.js";
export { BankingService } from "./banking.service.js";
export { ChatSession } from "../../durable-objects/chat-session.js";
export { TurnMetricsStandIn, TurnMetricsStore } from "./turn-metrics.standin.js";

/** The daily Cron Trigger; the other one (every 15 minutes) runs scheduled transfers. */
const RETENTION_CRON = "17 3 * * *";

// The cron and queue handlers import their Postgres code when they first run (as
// packages/db/deferred.ts does): a fresh isolate serving chat turns never loads it.
const retention = lazyModule((): Promise<typeof Retention> => import("./retention.js"));
const scheduledTransfers = lazyModule((): Promise<typeof Scheduled> => import("./scheduled.js"));
const erasures = lazyModule((): Promise<typeof Erasures> => import("./erasures.js"));
const eventsConsumer = lazyModule((): Promise<typeof EventsConsumer> => import("./events.consumer.js"));
const deadLettersConsumer = lazyModule((): Promise<typeof DeadLettersConsumer> => import("./dead-letters.consumer.js"));
const handoffsConsumer = lazyModule((): Promise<typeof HandoffsConsumer> => import("./handoffs.consumer.js"));

export default {
  // No public HTTP: the gateway reaches this Worker over its service binding only.
  async fetch(): Promise<Response> {
    return Response.json({ error: { code: "not_found", message: "not found" } }, { status: 404 });
  },

  /**
   * Cron Triggers (workers/chat/wrangler.toml): daily retention; otherwise due scheduled transfers
   * and operators' pending erasures, each on its own account (one failing never holds the other).
   */
  async scheduled(controller: ScheduledController, env: ChatEnv, ctx: ExecutionContext): Promise<void> {
    if (controller.cron === RETENTION_CRON) {
      const { runRetention } = await retention();
      return void (await runRetention(env, ctx, controller.scheduledTime));
    }
    const [{ runScheduledTick }, { runErasureRequests }] = await Promise.all([scheduledTransfers(), erasures()]);
    // One after the other: locally the embedded Postgres serves one session at a time.
    const transfers = await runScheduledTick(env, ctx, controller.scheduledTime).then(() => undefined, (error: unknown) => error);
    await runErasureRequests(env, ctx).catch((error: unknown) => console.error(JSON.stringify({ msg: "erasure requests failed", error: String(error) })));
    if (transfers !== undefined) throw transfers;
  },

  async queue(batch: MessageBatch<unknown>, env: ChatEnv, ctx: ExecutionContext): Promise<void> {
    const [{ consumeChatEvents }, { isDeadLetterQueue, parkDeadLetters }, { queueHandoffs }] = await Promise.all([
      eventsConsumer(),
      deadLettersConsumer(),
      handoffsConsumer(),
    ]);
    const { db, end } = await requestDb(env, ctx);
    try {
      if (!isDeadLetterQueue(batch.queue)) await queueHandoffs(batch, db, env);
      const outcome = isDeadLetterQueue(batch.queue)
        ? await parkDeadLetters(batch, db)
        : await consumeChatEvents(batch, db, env.CHAT_EVENTS_DLQ);
      const log = outcome.error ? console.error : console.log;
      log(JSON.stringify({ msg: isDeadLetterQueue(batch.queue) ? "dead letters parked" : "chat-events batch", queue: batch.queue, ...outcome }));
    } finally {
      await end();
    }
  },

} satisfies ExportedHandler<ChatEnv>;

import gateway from "../../workers/gateway/index.js";
import chat from "../../workers/chat/index.js";

export { BankingService, ChatService, ChatSession, StaffDesk, StaffService, TurnMetricsStandIn, TurnMetricsStore } from "../../workers/chat/index.js";

// HTTP goes to the gateway, queue batches and cron ticks to the chat Worker: the same handlers that
// run as two Workers in production.
export default {
  fetch: gateway.fetch,
  queue: chat.queue,
  scheduled: chat.scheduled,
} satisfies ExportedHandler<never>;

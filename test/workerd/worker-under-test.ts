import gateway from "../../workers/gateway/index.js";
import chat from "../../workers/chat/index.js";

export { BankingService, ChatService, ChatSession, TurnMetricsStandIn, TurnMetricsStore } from "../../workers/chat/index.js";

// HTTP goes to the gateway, queue batches to the chat Worker's consumer: the same handlers that
// run as two Workers in production.
export default {
  fetch: gateway.fetch,
  queue: chat.queue,
} satisfies ExportedHandler<never>;

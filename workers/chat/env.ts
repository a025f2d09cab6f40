import type { ChatSession } from "../../durable-objects/chat-session.js";
import type { ChatSessionEnv } from "../../durable-objects/chat-session.env.js";
import type { TurnMetricsStore } from "./turn-metrics.standin.js";

/** The chat Worker's bindings: the session's own, plus what only the Worker uses. */
export interface ChatEnv extends ChatSessionEnv {
  CHAT_SESSION: DurableObjectNamespace<ChatSession>;
  CHAT_EVENTS_DLQ: Queue;
  /** Local only: where the stand-in keeps the points (workers/chat/turn-metrics.standin.ts). */
  TURN_METRICS_STORE?: DurableObjectNamespace<TurnMetricsStore>;
}

import type { ChatSession } from "../../durable-objects/chat-session.js";
import type { StaffDesk } from "../../durable-objects/staff-desk.js";
import type { TurnMetricsSink } from "./turn-metrics.js";
import type { TurnMetricsStore } from "./turn-metrics.standin.js";

export interface ChatEnv {
  ENVIRONMENT: "local" | "staging" | "production";
  CHAT_SESSION: DurableObjectNamespace<ChatSession>;
  CHAT_EVENTS: Queue;
  /** The one staff desk: agents' sockets, pushed queue changes and conversation messages. */
  STAFF_DESK?: DurableObjectNamespace<StaffDesk>;
  /** Seconds an unclaimed hand-off waits before the customer is told other ways to reach the bank (default 600). */
  HANDOFF_TIMEOUT_SECONDS?: string;
  CHAT_EVENTS_DLQ: Queue;
  /** Postgres connection string (a secret in staging/production). */
  DATABASE_URL: string;
  /** "127.0.0.1:port" of the local WebSocket-to-TCP proxy; unset against Neon. */
  DB_WS_PROXY?: string;
  DB_MAX_CONNECTIONS?: string;
  /** Workers AI: bound in staging/production only (wrangler dev cannot reach it offline). */
  AI?: Ai;
  /**
   * Local fault switch for `npm run load -- --faults`: this fraction (0–1) of outbox queue sends
   * fails. Honoured only when ENVIRONMENT is "local"; never set in a deployed environment.
   */
  FAULT_QUEUE_SEND_FAIL_RATE?: string;
  /** Days a transcript is kept (default 90); the Cron Trigger deletes older ones. */
  TRANSCRIPT_RETENTION_DAYS?: string;
  /** One data point per turn: Analytics Engine in staging/production, the stand-in locally. */
  TURN_METRICS?: TurnMetricsSink;
  /** Local only: where the stand-in keeps the points (workers/chat/turn-metrics.standin.ts). */
  TURN_METRICS_STORE?: DurableObjectNamespace<TurnMetricsStore>;
}

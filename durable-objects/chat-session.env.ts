import type { TurnDataPoint, TurnMetricsSink } from "../packages/conversation/turn-metrics.js";
import type { StaffDesk } from "./staff-desk.js";

/** The bindings a ChatSession uses; the chat Worker's env (workers/chat/env.ts) extends it. */
export interface ChatSessionEnv {
  ENVIRONMENT: "local" | "staging" | "production";
  CHAT_EVENTS: Queue;
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
  /**
   * Local fault switch: this fraction of outbox queue sends resolves without sending, as a crash
   * of the local runtime loses its in-memory queue (durable-objects/fault-switches.ts).
   */
  FAULT_QUEUE_SEND_DROP_RATE?: string;
  /** Local fault switch: this fraction of outbox queue sends never settles (durable-objects/fault-switches.ts). */
  FAULT_QUEUE_SEND_HANG_RATE?: string;
  /**
   * Local fault switch: this fraction of alarm runs fails in its first step (the hand-off expiry and
   * the unfinished money movement), as a Postgres error there would (durable-objects/fault-switches.ts).
   */
  FAULT_ALARM_STEP_FAIL_RATE?: string;
  /**
   * How long after a send the outbox asks Postgres whether its events arrived, in ms (default
   * 30,000). The load harness shortens it so a run drains in seconds; deployments keep the default.
   */
  OUTBOX_CONFIRM_AFTER_MS?: string;
  /**
   * How long one outbox step (a queue send, a Postgres open/query/close) may wait before it fails
   * and a later alarm retries, in ms (default 20,000). Tests shorten it.
   */
  OUTBOX_STEP_DEADLINE_MS?: string;
  /** Multiplies the per-customer socket message budgets (chat-session.socket.ts); local stacks with a rate-limit scale set it. */
  SOCKET_RATE_LIMIT_SCALE?: string;
  /**
   * How long a customer's turn may take before the customer is answered 504 `timeout` and the turn
   * is abandoned (durable-objects/turn-deadline.ts), in ms (default 20,000). Tests shorten it.
   */
  TURN_DEADLINE_MS?: string;
  /** Local fault switch: this fraction of turns finds Postgres hanging (durable-objects/fault-switches.ts). */
  FAULT_DB_HANG_RATE?: string;
  /** Local fault switch: where the hang starts, "start" (default) or "after-ledger". */
  FAULT_DB_HANG_AT?: string;
  /** Local fault switch: how long a hung Postgres call stalls, in ms (default: for ever). */
  FAULT_DB_HANG_MS?: string;
  /** Local fault switch: this fraction of money effects evicts the ChatSession around the ledger call (durable-objects/fault-switches.ts). */
  FAULT_EVICT_RATE?: string;
  /**
   * Encryption at rest (packages/transcript-crypto): `{"<id>": "<base64 32 bytes>", …}`, a secret.
   * Without it no turn is stored: transcripts are never written in clear.
   */
  TRANSCRIPT_MASTER_KEYS?: string;
  /** The entry of TRANSCRIPT_MASTER_KEYS that wraps new data keys (optional when there is one). */
  TRANSCRIPT_MASTER_KEY_ID?: string;
  /** Days a transcript is kept (default 90); the Cron Trigger deletes older ones. */
  TRANSCRIPT_RETENTION_DAYS?: string;
  /** One data point per turn: Analytics Engine in staging/production, the stand-in locally. */
  TURN_METRICS?: TurnMetricsSink;
  /** The one staff desk: agents' sockets, pushed queue changes and conversation messages. */
  STAFF_DESK?: DurableObjectNamespace<StaffDesk>;
  /** Seconds an unclaimed hand-off waits before the customer is told other ways to reach the bank (default 600). */
  HANDOFF_TIMEOUT_SECONDS?: string;
}

/**
 * The local stand-in's store as a ChatSession writes to it (TURN_METRICS_STORE, bound only
 * locally, typed in workers/chat/env.ts as workers/chat/turn-metrics.standin.ts's TurnMetricsStore).
 */
export interface TurnMetricsStoreStub extends Rpc.DurableObjectBranded {
  write(point: TurnDataPoint, at: number): Promise<void>;
  /** Several points in one call and one transaction (durable-objects/metric-points.ts). */
  writeMany(points: Array<{ point: TurnDataPoint; at: number }>): Promise<void>;
}

/** What a ChatConnection tells the chat (connection.ts): its status and what the server said. */
import type { AgentMessage, OutgoingMessage, PendingConfirmation, PendingQuestion, Reply, SaidElsewhere } from "./protocol.js";

export type ConnectionStatus =
  /** First attempt. */
  | "connecting"
  /** WebSocket open. */
  | "live"
  /** No socket on this server: each message is an HTTP request. */
  | "http"
  | "offline"
  | "reconnecting"
  /** 401: the customer must sign in again. */
  | "expired";

export type ConnectionEvent =
  | { type: "status"; status: ConnectionStatus }
  | { type: "typing"; on: boolean }
  /**
   * `final`: the whole answer to message `id` (HTTP, or the socket's `turn` frame), which may
   * combine replies already streamed for it.
   */
  | {
      type: "reply";
      id: string;
      reply: Reply;
      final: boolean;
      /** A turn the server replayed that this connection never sent (restoring after a reload). */
      replay?: boolean;
      /**
       * Sent from another of the customer's tabs or devices just now: its words, shown with the
       * answer. On a `replay`, the words as the server kept them (for a turn this tab's log lacks).
       */
      said?: SaidElsewhere;
      /** When the server answered it (epoch ms), where known: a turn read late is shown at its own time. */
      at?: number;
      /** Read late, it was kept before this message of this tab's (sent over HTTP meanwhile): shown before it. */
      before?: string;
    }
  | {
      type: "state";
      pendingConfirmation: PendingConfirmation | null;
      handoff?: boolean;
      agent?: string | null;
      /** The question a task waits on; absent when the server did not say (an older server). */
      pendingQuestion?: PendingQuestion | null;
    }
  | { type: "agent"; message: AgentMessage }
  | { type: "agent_typing"; on: boolean; agentName: string }
  | { type: "failed"; id?: string; message: string }
  /** The conversation was erased on the server from another tab or device (or by the bank). */
  | { type: "erased"; by: "customer" | "operator" }
  | { type: "unsent"; messages: OutgoingMessage[] };

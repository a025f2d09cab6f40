import { WorkerEntrypoint } from "cloudflare:workers";
import type { ChatEnv } from "./env.js";
import type { ChatMessageInput, ChatTurnResult, SinceInstant, TurnsPage, TurnsQuery } from "../../packages/contract/chat.js";
import type { RpcResult } from "../../packages/contract/errors.js";
import { isChatEvent, type ChatEvent } from "../../packages/contract/events.js";
import { ticketCustomer } from "../../packages/contract/ticket.js";
import type { AgentMessage } from "../../packages/contract/handoff.js";

const AUDIT_OUTBOX_SHARDS = 8;
import { turnMetricsStore, type StoredDataPoint } from "./turn-metrics.standin.js";
import { customerSession } from "./object-ids.js";

/**
 * The chat Worker's RPC surface for the gateway (service binding, entrypoint "ChatService").
 * The chat Worker has no public route: every caller has passed the gateway's authentication,
 * and `customerId` is the verified token's `sub`.
 */
export class ChatService extends WorkerEntrypoint<ChatEnv> {
  async sendMessage(customerId: string, message: ChatMessageInput): Promise<RpcResult<ChatTurnResult>> {
    return this.session(customerId).handleMessage(customerId, message);
  }

  /** Benchmark baseline only (the gateway exposes it in the local environment). */
  async echo(customerId: string, text: string): Promise<string> {
    return this.session(customerId).echo(text);
  }

  /**
   * The gateway's audit events whose queue send failed: kept in a ChatSession outbox (one of a few
   * objects of their own, never a customer's conversation), sent by its alarm and kept until
   * Postgres holds them. The consumer dedupes on the event id, so a send that did get through is harmless.
   */
  async parkAuditEvent(event: ChatEvent): Promise<void> {
    if (!isChatEvent(event)) throw new Error("parkAuditEvent: not a chat event");
    const shard = Math.floor(Math.random() * AUDIT_OUTBOX_SHARDS);
    await this.env.CHAT_SESSION.get(this.env.CHAT_SESSION.idFromName(`audit-outbox:${shard}`)).parkEvent(event);
  }

  /** DELETE /api/me/conversation: the customer erases their chat history. */
  async eraseConversation(customerId: string): Promise<RpcResult<{ turns: number; events: number }>> {
    return this.session(customerId).eraseConversation(customerId, "customer");
  }

  /** The local stand-in's turn metrics for `npm run report` (gateway: /dev/metrics, local only). */
  async localTurnMetrics(fromMs: number, toMs: number): Promise<StoredDataPoint[]> {
    if (this.env.ENVIRONMENT !== "local") return [];
    return (await turnMetricsStore(this.env)?.query(fromMs, toMs)) ?? [];
  }

  /** The customer leaves the hand-off queue (or ends an agent's conversation); the staff desk hears it. */
  async leaveHandoff(customerId: string): Promise<RpcResult<{ handoffId: string }>> {
    const left = await this.session(customerId).leaveQueue(customerId);
    if (!left.ok) return left;
    const desk = this.env.STAFF_DESK?.get(this.env.STAFF_DESK.idFromName("desk"));
    this.ctx.waitUntil(
      Promise.all([
        desk?.toHolder(left.value.handoffId, left.value.agentId, { type: "handoff_closed", handoffId: left.value.handoffId, status: "left" }),
        desk?.queueChanged(),
      ]).catch(() => {}),
    );
    return { ok: true, value: { handoffId: left.value.handoffId } };
  }

  /** What the bank's people said after `afterSeq`, at or after `since` (HTTP clients; sockets get it pushed). */
  async agentMessages(customerId: string, afterSeq: number, since?: SinceInstant): Promise<{ messages: AgentMessage[]; held: boolean; waiting: boolean }> {
    return this.session(customerId).agentMessages(customerId, afterSeq, since);
  }

  /** GET /api/chat/turns: the customer's kept turns after a point, and the conversation's state. */
  async turns(customerId: string, query: TurnsQuery): Promise<RpcResult<TurnsPage>> {
    return this.session(customerId).turns(customerId, query);
  }

  /** `tokenValidUntil`: when the bearer token that asked for it expires; the socket closes then. */
  async createSocketTicket(customerId: string, tokenValidUntil?: number): Promise<{ ticket: string; expiresAt: number }> {
    return this.session(customerId).createSocketTicket(customerId, tokenValidUntil);
  }

  /**
   * WebSocket upgrades, forwarded by the gateway. The ticket names the customer's session; the
   * session itself checks the ticket's secret (single use, one minute).
   */
  override async fetch(request: Request): Promise<Response> {
    const ticket = new URL(request.url).searchParams.get("ticket") ?? "";
    const customerId = ticketCustomer(ticket);
    if (!customerId) {
      return Response.json({ error: { code: "unauthorized", message: "a valid ticket is required" } }, { status: 401 });
    }
    return this.session(customerId).fetch(request);
  }

  private session(customerId: string) {
    return customerSession(this.env, customerId);
  }
}

import { DurableObject } from "cloudflare:workers";
import type { ChatEnv } from "../workers/chat/env.js";
import type { ChatEvent } from "../packages/common/events.js";
import type { ChatMessageInput, ChatTurn } from "../packages/common/chat.js";
import { fail, ok, type RpcResult } from "../packages/common/errors.js";
import { ChatSessionStore } from "./chat-session.storage.js";

/** Turns kept in the DO for idempotency and context; the full transcript is in Postgres. */
const KEEP_TURNS = 200;
const OUTBOX_BATCH = 100;
const OUTBOX_RETRY_MS = 5_000;

/**
 * One customer's conversation: the single writer of its state, so two quick messages never race.
 * Wiring only — understanding and dialogue live in packages/.
 */
export class ChatSession extends DurableObject<ChatEnv> {
  private readonly store: ChatSessionStore;

  constructor(ctx: DurableObjectState, env: ChatEnv) {
    super(ctx, env);
    this.store = new ChatSessionStore(ctx.storage.sql);
  }

  async handleMessage(customerId: string, message: ChatMessageInput): Promise<RpcResult<ChatTurn>> {
    this.bindCustomer(customerId);
    const previous = this.store.findTurn(message.id);
    if (previous) {
      if (previous.text !== message.text) {
        return fail(409, "conflict", "id: this message id was already used for a different message");
      }
      return ok(previous.turn);
    }

    const now = Date.now();
    const turn: ChatTurn = { id: message.id, reply: this.reply(message.text) };
    const events: ChatEvent[] = [
      event("message.received", customerId, message.id, now, { text: message.text }),
      event("reply.sent", customerId, message.id, now, { reply: turn.reply }),
    ];
    this.ctx.storage.transactionSync(() => {
      this.store.saveTurn(message.id, message.text, turn, events, now);
      this.store.trimTurns(KEEP_TURNS);
    });
    this.ctx.waitUntil(this.flushOutbox());
    return ok(turn);
  }

  /** Retries whatever the queue did not accept. */
  override async alarm(): Promise<void> {
    await this.flushOutbox();
  }

  /** Sends queued events; on failure they stay in the outbox and an alarm tries again. */
  async flushOutbox(): Promise<number> {
    let sent = 0;
    for (;;) {
      const events = this.store.pendingEvents(OUTBOX_BATCH);
      if (events.length === 0) return sent;
      try {
        await this.env.CHAT_EVENTS.sendBatch(events.map((body) => ({ body, contentType: "json" })));
      } catch (error) {
        console.warn(JSON.stringify({ msg: "outbox send failed", error: String(error), pending: events.length }));
        await this.ctx.storage.setAlarm(Date.now() + OUTBOX_RETRY_MS);
        return sent;
      }
      this.store.deleteEvents(events.map((e) => e.id));
      sent += events.length;
    }
  }

  /** The DO is named by the customer id; refuse anything that would mix two customers. */
  private bindCustomer(customerId: string): void {
    const bound = this.store.getMeta("customer_id");
    if (bound === undefined) this.store.setMeta("customer_id", customerId);
    // Thrown, not returned: this is a routing bug, never a client error.
    else if (bound !== customerId) throw new Error("ChatSession: bound to another customer");
  }

  // Placeholder understanding until the NLU and dialogue engine are wired in.
  private reply(text: string): ChatTurn["reply"] {
    return {
      text: `You said: “${text.slice(0, 200)}”. I can’t understand requests yet.`,
      intent: { name: "unknown", confidence: 0 },
      actions: [],
    };
  }
}

function event(
  type: ChatEvent["type"],
  customerId: string,
  messageId: string,
  now: number,
  payload: Record<string, unknown>,
): ChatEvent {
  return { id: crypto.randomUUID(), type, customerId, messageId, occurredAt: new Date(now).toISOString(), payload };
}

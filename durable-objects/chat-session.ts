import { DurableObject } from "cloudflare:workers";
import type { ChatSessionEnv } from "./chat-session.env.js";
import type { ChatEvent, ChatEventBundle } from "../packages/contract/events.js";
import type { ChatMessageInput, ChatTurn, ChatTurnResult } from "../packages/contract/chat.js";
import { describeIssues, fail, ok, type RpcResult } from "../packages/contract/errors.js";
import { initialState, type Reply } from "../packages/dialogue/index.js";
import { combineReplies } from "../packages/dialogue/runner.js";
import type { TextGenerator } from "../packages/nlu/index.js";
import type { Db } from "../packages/db/client.js";
import { customerActive, finishExecution, takeTurn, type SessionNotice, type SessionPorts } from "../packages/conversation/turn.js";
import { chatEvent } from "../packages/conversation/session-events.js";
import { CONVERSATION_EVENT_TYPES, eraseConversationEvents } from "../packages/db/conversation-erasure.js";
import { DEFAULT_TRANSCRIPT_RETENTION_DAYS } from "../packages/db/retention.js";
import { SessionDb } from "./session-db.js";
import { ChatSessionStore } from "./chat-session.storage.js";
import { ClientFrameSchema, mayConfirm } from "../packages/contract/chat.schema.js";
import { MAX_FRAME_BYTES, PING_FRAME, PONG_FRAME, type ClientFrame, type ServerFrame } from "../packages/contract/frames.js";
import { encodeTicket, ticketSecret } from "../packages/contract/ticket.js";
import { toBase64Url } from "../packages/encoding/base64.js";
import type { AgentHold } from "./chat-session.agent.js";
import { SessionHandoffs } from "./chat-session.handoff.js";
import type { AgentMessage, Staff, TranscriptEntry } from "../packages/contract/handoff.js";
import { redactText } from "../packages/redaction/redact.js";
import { maybeEvict } from "./fault-switches.js";
import { TranscriptCipher, sealedSessionStorage } from "./transcript-cipher.js";
import { CLOSE_CUSTOMER_DISABLED, CLOSE_TOKEN_EXPIRED, socketAuth, statusDue, tokenExpired, type SocketAuth } from "./socket-guard.js";

export type { SessionNotice };

/** Events per queue message, bounded by count and by bytes: far below the queue's 128 KB message limit. */
const OUTBOX_BATCH = 50;
const OUTBOX_BUNDLE_BYTES = 64 * 1024;
const RETRY_MS = 5_000;
/** How long events wait in the outbox so that a busy conversation shares one queue message. */
const FLUSH_DELAY_MS = 500;
const TICKET_TTL_MS = 60_000;
const RESUME_LIMIT = 50;
/**
 * Socket messages skip the gateway's per-customer chat limit (frames go straight to this DO), so
 * the DO applies the same budget itself: the DO is the customer's single writer, so a window
 * kept in its storage is exact, across evictions too.
 */
const SOCKET_MESSAGES_PER_MINUTE = 30;
/** The gateway's money limit (RL_MONEY), applied to socket turns that may confirm a transfer. */
const SOCKET_MONEY_TURNS_PER_MINUTE = 10;

/**
 * One customer's conversation: the single writer of its state, so two quick messages never race.
 * Wiring and storage only: the turn itself is packages/conversation (understanding, the dialogue
 * runner, the bank), which reads and writes this object's storage through SessionPorts.
 */
export class ChatSession extends DurableObject<ChatSessionEnv> {
  private readonly store: ChatSessionStore;
  /** Seals turns and queued events with the customer's data key (encryption at rest). */
  private readonly cipher: TranscriptCipher;
  /** The hand-off to people: who from the bank holds this conversation, and what they said. */
  private readonly handoffs: SessionHandoffs;
  /** Set by a turn's hand-off effect: the turn then puts it in the staff queue at once. */
  private newHandoff = false;
  /** Serialises turns: Postgres calls open the input gate, and a turn must not interleave. */
  private turnLock: Promise<unknown> = Promise.resolve();
  private readonly sessionDb = new SessionDb(
    () => this.env,
    (promise) => this.ctx.waitUntil(promise),
  );

  constructor(ctx: DurableObjectState, env: ChatSessionEnv) {
    super(ctx, env);
    this.store = new ChatSessionStore(ctx.storage.sql, (work) => ctx.storage.transactionSync(work));
    this.cipher = new TranscriptCipher(this.store, () => this.env);
    this.handoffs = new SessionHandoffs({
      ctx,
      env,
      store: this.store,
      serialised: (work) => this.serialised(work),
      queueEvent: (e) => this.queueEvent(e),
      scheduleAlarm: (delayMs) => this.scheduleAlarm(delayMs),
      openDb: () => this.openDb(),
      cipher: this.cipher,
      broadcastState: () => {
        for (const ws of this.ctx.getWebSockets()) this.sendState(ws);
      },
    });
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(PING_FRAME, PONG_FRAME));
  }

  // ─── RPC from the chat Worker ──────────────────────────────────────────────────────────────

  async handleMessage(customerId: string, message: ChatMessageInput, onReply?: (reply: Reply) => void): Promise<RpcResult<ChatTurnResult>> {
    this.bindCustomer(customerId);
    return this.serialised(() => this.turn(customerId, message, onReply));
  }

  /** An event to send through this object's outbox (the gateway's audit events, when its queue send failed). */
  async parkEvent(chatEvent: ChatEvent): Promise<void> {
    this.queueEvent(chatEvent);
    await this.scheduleAlarm(FLUSH_DELAY_MS);
  }

  /**
   * GDPR Art. 17: the conversation goes, here and in Postgres; an audit record without content
   * stays. A confirmed transfer still executing keeps its state, so money never moves twice.
   */
  async eraseConversation(customerId: string, by: "customer" | "operator", erasureId?: string): Promise<RpcResult<{ turns: number; events: number }>> {
    this.bindCustomer(customerId);
    return this.serialised(async () => {
      const turns = this.store.atomically(() => {
        const removed = this.store.eraseConversation(CONVERSATION_EVENT_TYPES);
        // Crypto-shredding: this object's copy of the data key goes too (Postgres's just below).
        this.cipher.forget();
        this.handoffs.agents.forgetLog();
        if (!this.store.loadState().executing) this.store.saveState(initialState());
        return removed;
      });
      const { db, end } = this.openDb();
      try {
        // An operator's request (workers/chat/erasures.ts) keeps its id: one audit record, marked complete.
        const erased = await eraseConversationEvents(db(), customerId, {
          id: erasureId ?? crypto.randomUUID(),
          by,
          at: new Date(),
          ...(erasureId ? { completesRequest: erasureId } : {}),
        });
        return ok({ turns, events: erased.events });
      } catch (error) {
        console.error(JSON.stringify({ msg: "erasure: postgres step failed", error: String(error) }));
        return fail(503, "unavailable", "the conversation could not be erased completely; try again");
      } finally {
        await end();
      }
    });
  }

  /**
   * A notice for the customer's next turn (a scheduled transfer that could not be sent), from the
   * cron runner. Stored here, shown first in the next reply; the same id is kept once.
   */
  async addNotice(customerId: string, notice: SessionNotice): Promise<void> {
    this.bindCustomer(customerId);
    await this.serialised(async () => this.store.addNotice(notice));
  }

  // ─── Hand-off to people (RPC from the chat Worker; the work is in chat-session.handoff.ts) ──

  /** An agent claimed the hand-off (Postgres already says so): from now on Teller stays silent. */
  async agentJoined(customerId: string, handoffId: string, agent: Staff): Promise<RpcResult<AgentMessage>> {
    this.bindCustomer(customerId);
    return this.handoffs.agentJoined(customerId, handoffId, agent);
  }

  /** An agent's message: shown in the customer's chat, never read by the dialogue engine. */
  async agentSays(customerId: string, handoffId: string, agentId: string, message: { id: string; text: string }, firstReplyMs?: number): Promise<RpcResult<AgentMessage>> {
    this.bindCustomer(customerId);
    return this.handoffs.agentSays(customerId, handoffId, agentId, message, firstReplyMs);
  }

  async agentTyping(customerId: string, handoffId: string, agentId: string, on: boolean): Promise<boolean> {
    this.bindCustomer(customerId);
    return this.handoffs.agentTyping(customerId, handoffId, agentId, on);
  }

  /** Hand back to Teller, or resolve: Teller answers again. */
  async agentLeaves(customerId: string, handoffId: string, by: string, resolved: boolean): Promise<RpcResult<{ left: boolean }>> {
    this.bindCustomer(customerId);
    return this.handoffs.agentLeaves(customerId, handoffId, by, resolved);
  }

  async leaveQueue(customerId: string): Promise<RpcResult<{ handoffId: string; agentId: string | null }>> {
    this.bindCustomer(customerId);
    return this.handoffs.leaveQueue(customerId);
  }

  async agentView(customerId: string): Promise<{ transcript: TranscriptEntry[]; hold: AgentHold | null }> {
    this.bindCustomer(customerId);
    return this.handoffs.agentView(customerId);
  }

  async agentMessages(customerId: string, afterSeq: number): Promise<{ messages: AgentMessage[]; held: boolean; waiting: boolean }> {
    this.bindCustomer(customerId);
    return this.handoffs.agentMessages(afterSeq);
  }

  /** The bare path for the chat benchmark: gateway → chat Worker → this DO and back, nothing else. */
  async echo(text: string): Promise<string> {
    return text;
  }

  /** A single-use, one-minute ticket that lets a browser open the WebSocket without a header. */
  async createSocketTicket(customerId: string, tokenValidUntil?: number): Promise<{ ticket: string; expiresAt: number }> {
    this.bindCustomer(customerId);
    const secret = toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
    const expiresAt = Date.now() + TICKET_TTL_MS;
    this.store.addTicket(secret, expiresAt, tokenValidUntil);
    return { ticket: encodeTicket(customerId, secret), expiresAt };
  }

  /** The WebSocket upgrade, already routed here by the ticket's customer id. */
  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get("upgrade")?.toLowerCase() !== "websocket") {
      return Response.json({ error: { code: "bad_request", message: "expected a WebSocket upgrade" } }, { status: 426 });
    }
    const secret = ticketSecret(new URL(request.url).searchParams.get("ticket") ?? "");
    const taken = this.store.takeTicket(secret, Date.now());
    if (!taken) {
      return Response.json({ error: { code: "unauthorized", message: "the ticket is unknown, used or expired" } }, { status: 401 });
    }
    const pair = new WebSocketPair();
    this.ctx.acceptWebSocket(pair[1]);
    pair[1].serializeAttachment({ tokenValidUntil: taken.tokenValidUntil, statusCheckedAt: Date.now() } satisfies SocketAuth);
    this.sendState(pair[1]);
    return new Response(null, { status: 101, webSocket: pair[0] });
  }

  // ─── WebSocket (hibernation API) ───────────────────────────────────────────────────────────

  override async webSocketMessage(ws: WebSocket, data: string | ArrayBuffer): Promise<void> {
    const size = typeof data === "string" ? data.length * 3 : data.byteLength;
    if (typeof data !== "string" || size > MAX_FRAME_BYTES) {
      return send(ws, { type: "error", error: { code: "bad_request", message: `send JSON text frames of at most ${MAX_FRAME_BYTES} bytes` } });
    }
    let parsed: ClientFrame;
    try {
      const result = ClientFrameSchema.safeParse(JSON.parse(data));
      if (!result.success) return send(ws, { type: "error", error: { code: "validation_failed", message: describeIssues(result.error.issues) } });
      parsed = result.data;
    } catch {
      return send(ws, { type: "error", error: { code: "invalid_json", message: "the frame is not valid JSON" } });
    }
    const customerId = this.store.getMeta("customer_id");
    if (!customerId) return ws.close(1011, "session has no customer");
    if (parsed.type === "pong") return;
    if (await this.socketRefused(ws, customerId)) return;
    if (parsed.type === "resume") {
      const { db, end } = this.openDb();
      try {
        for (const sealed of this.store.turnsAfter(parsed.lastMessageId, RESUME_LIMIT)) {
          const turn = await this.cipher.open(customerId, db, sealed);
          if (turn !== undefined) send(ws, { type: "turn", turn: JSON.parse(turn) as ChatTurn });
        }
      } finally {
        await end();
      }
      return this.sendState(ws);
    }
    if (!this.admitSocketMessage("socket_budget", SOCKET_MESSAGES_PER_MINUTE, Date.now())) {
      return send(ws, { type: "error", id: parsed.id, error: { code: "rate_limited", message: "too many messages; wait a minute" } });
    }
    if (mayConfirm(parsed) && !this.admitSocketMessage("socket_money_budget", SOCKET_MONEY_TURNS_PER_MINUTE, Date.now())) {
      return send(ws, { type: "error", id: parsed.id, error: { code: "rate_limited", message: "too many money requests; wait a minute" } });
    }
    send(ws, { type: "typing", id: parsed.id });
    const message: ChatMessageInput = { id: parsed.id, text: parsed.text, ...(parsed.confirmation ? { confirmation: parsed.confirmation } : {}) };
    const result = await this.serialised(() =>
      this.turn(customerId, message, (reply) => send(ws, { type: "reply", id: parsed.id, reply, final: false })),
    );
    if (result.ok) {
      // No gateway request line covers a socket frame: the turn logs its own decision.
      if (result.value.decision) console.log(JSON.stringify({ msg: "socket turn", intentDecision: result.value.decision }));
      send(ws, { type: "turn", turn: result.value.turn });
    } else {
      send(ws, { type: "error", id: parsed.id, error: { code: result.code, message: result.message } });
      if (result.code === "forbidden") return ws.close(CLOSE_CUSTOMER_DISABLED, "customer disabled");
    }
    this.sendState(ws);
  }

  /**
   * An open socket outlives neither its token nor the customer's access: an expired token closes
   * it (4401), and the customer's status is re-checked every STATUS_RECHECK_MS (4403 if the bank
   * disabled them). Money confirmations are checked in the turn itself, whatever the transport.
   */
  private async socketRefused(ws: WebSocket, customerId: string): Promise<boolean> {
    const auth = socketAuth(ws);
    const now = Date.now();
    if (tokenExpired(auth, now)) {
      send(ws, { type: "error", error: { code: "unauthorized", message: "your session has expired; sign in again" } });
      ws.close(CLOSE_TOKEN_EXPIRED, "token expired");
      return true;
    }
    if (!auth || !statusDue(auth, now)) return false;
    const active = await this.customerActive(customerId);
    if (active === false) {
      send(ws, { type: "error", error: { code: "forbidden", message: "this customer's access is disabled; contact the bank" } });
      ws.close(CLOSE_CUSTOMER_DISABLED, "customer disabled");
      return true;
    }
    if (active === true) ws.serializeAttachment({ ...auth, statusCheckedAt: now } satisfies SocketAuth);
    return false;
  }

  /** The customer's status in Postgres; undefined when it cannot be read right now. */
  private async customerActive(customerId: string): Promise<boolean | undefined> {
    const { db, end } = this.openDb();
    try {
      return await customerActive(db, customerId);
    } finally {
      await end();
    }
  }

  override async webSocketClose(ws: WebSocket, code: number): Promise<void> {
    // 1005, 1006 and 1015 only report what happened; close() refuses them.
    ws.close(code === 1005 || code === 1006 || code === 1015 ? 1000 : code, "closing");
  }

  /** A sliding one-minute window kept in storage, so an eviction does not reset the budget. */
  private admitSocketMessage(key: string, perMinute: number, now: number): boolean {
    const times = (JSON.parse(this.store.getMeta(key) ?? "[]") as number[]).filter((t) => now - t < 60_000);
    if (times.length >= perMinute) return false;
    times.push(now);
    this.store.setMeta(key, JSON.stringify(times));
    return true;
  }

  /** Retries queued events and unfinished money movements after a failure or a restart. */
  override async alarm(): Promise<void> {
    const customerId = this.store.getMeta("customer_id");
    if (customerId) await this.handoffs.expireIfDue(customerId);
    if (customerId && this.store.loadState().executing) {
      await this.serialised(async () => {
        const { db, end } = this.openDb();
        try {
          const outcome = await finishExecution(this.ports(customerId, db));
          // Nobody asked: the outcome goes to the customer's open sockets, or with their next reply.
          await this.deliverNotices(customerId, db, outcome.replies);
          if (outcome.executing) await this.ctx.storage.setAlarm(Date.now() + RETRY_MS);
        } finally {
          await end();
        }
      });
    }
    // Serialised with turns and erasure: an erasure must not run between a data key's registration
    // and the send of events sealed with it.
    await this.serialised(() => this.flushOutbox());
    await this.trimExpiredTurns();
  }

  /** Retention (as the Cron Trigger for Postgres): wakes again when the oldest kept turn expires. */
  private async trimExpiredTurns(): Promise<void> {
    const retentionMs = Number(this.env.TRANSCRIPT_RETENTION_DAYS ?? DEFAULT_TRANSCRIPT_RETENTION_DAYS) * 24 * 60 * 60 * 1000;
    if (!(retentionMs > 0)) return;
    const oldest = this.store.trimTurnsBefore(Date.now() - retentionMs);
    if (oldest !== undefined) await this.scheduleAlarm(Math.max(0, oldest + retentionMs - Date.now()) + 1000);
  }

  // ─── One turn ──────────────────────────────────────────────────────────────────────────────

  private async turn(customerId: string, message: ChatMessageInput, onReply?: (reply: Reply) => void): Promise<RpcResult<ChatTurnResult>> {
    // While someone from the bank holds the conversation, Teller stays silent (a retried id is
    // still answered from its stored turn by takeTurn).
    const hold = this.handoffs.agents.hold();
    const { db, end } = this.openDb();
    try {
      if (hold && !this.store.findTurn(message.id)) {
        return await this.handoffs.toAgent(customerId, message, redactText(message.text), hold, sealedSessionStorage(this.store, this.cipher, customerId, db));
      }
      const result = await takeTurn(message, this.ports(customerId, db, onReply));
      if (this.newHandoff) {
        this.newHandoff = false;
        await this.handoffs.queueNow(customerId, db);
      }
      return result;
    } finally {
      await end();
    }
  }

  private ports(customerId: string, db: () => Db, onReply?: (reply: Reply) => void): SessionPorts {
    return {
      customerId,
      environment: this.env.ENVIRONMENT,
      storage: sealedSessionStorage(this.store, this.cipher, customerId, db),
      db,
      ...(this.env.AI ? { ai: this.env.AI as unknown as TextGenerator } : {}),
      ...(this.env.TURN_METRICS ? { metrics: this.env.TURN_METRICS } : {}),
      wake: (reason) => this.scheduleAlarm(reason === "retry" ? RETRY_MS : FLUSH_DELAY_MS),
      onHandoff: (handoffId, reason, intent, at) => {
        this.handoffs.requested(handoffId, reason, intent, at);
        this.newHandoff = true;
      },
      faultPoint: (where) => maybeEvict(this.env, this.ctx, where),
      ...(onReply ? { onReply } : {}),
      now: () => Date.now(),
      newId: () => crypto.randomUUID(),
    };
  }

  /** The DO's pool, opened on first use (FAQ turns never touch Postgres) and kept across turns. */
  private openDb(): { db: () => Db; end(): Promise<void> } {
    return this.sessionDb.forTurn();
  }

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const run = this.turnLock.then(work, work);
    this.turnLock = run.catch(() => {});
    return run;
  }

  // ─── State, events ─────────────────────────────────────────────────────────────────────────

  private queueEvent(chatEvent: ChatEvent): void {
    this.store.queueEvent(chatEvent);
  }

  /** The alarm flushes the outbox and retries unfinished work; an earlier alarm is kept. */
  private async scheduleAlarm(delayMs: number): Promise<void> {
    const at = Date.now() + delayMs;
    const current = await this.ctx.storage.getAlarm();
    if (current === null || current > at) await this.ctx.storage.setAlarm(at);
  }

  /**
   * Sends the outbox as bundles (one queue message per OUTBOX_BATCH events); on failure the events
   * stay and an alarm tries again. The consumer dedupes by event id, so a resend is harmless.
   */
  async flushOutbox(): Promise<number> {
    let sent = 0;
    for (;;) {
      try {
        await this.registerTranscriptKey();
      } catch (error) {
        console.warn(JSON.stringify({ msg: "outbox send failed", error: `transcript key not registered: ${String(error)}`, pending: this.store.countEvents() }));
        await this.scheduleAlarm(RETRY_MS);
        return sent;
      }
      const events = this.store.pendingEvents(OUTBOX_BATCH, OUTBOX_BUNDLE_BYTES);
      if (events.length === 0) return sent;
      try {
        if (this.env.ENVIRONMENT === "local" && Math.random() < Number(this.env.FAULT_QUEUE_SEND_FAIL_RATE ?? 0)) {
          throw new Error("injected queue send failure (FAULT_QUEUE_SEND_FAIL_RATE)");
        }
        await this.env.CHAT_EVENTS.send({ events } satisfies ChatEventBundle, { contentType: "json" });
      } catch (error) {
        console.warn(JSON.stringify({ msg: "outbox send failed", error: String(error), pending: events.length }));
        await this.scheduleAlarm(RETRY_MS);
        return sent;
      }
      this.store.deleteEvents(events.map((e) => e.id));
      sent += events.length;
    }
  }

  /** A new data key goes to Postgres before the first events sealed with it leave (once per key). */
  private async registerTranscriptKey(): Promise<void> {
    const { db, end } = this.openDb();
    try {
      await this.cipher.ensureRegistered(db);
    } finally {
      await end();
    }
  }

  /**
   * Replies nobody asked for (the outcome of a transfer the alarm finished): sent to every open
   * socket as a turn (and kept with the turns, so a reconnecting client resumes them), or, with
   * no socket open, kept to be prepended to the customer's next reply.
   */
  private async deliverNotices(customerId: string, db: () => Db, replies: Reply[]): Promise<void> {
    if (replies.length === 0) return;
    const sockets = this.ctx.getWebSockets();
    if (sockets.length === 0) {
      for (const reply of replies) this.store.addNotice({ id: `execution-${crypto.randomUUID()}`, reply });
      return;
    }
    const now = Date.now();
    const turn: ChatTurn = { id: `notice-${crypto.randomUUID()}`, reply: combineReplies(replies) };
    const events = await this.cipher.sealEvents(customerId, db, [chatEvent("reply.sent", customerId, turn.id, now, { reply: turn.reply, notice: true })]);
    const [text, sealedTurn] = [await this.cipher.seal(customerId, db, ""), await this.cipher.seal(customerId, db, JSON.stringify(turn))];
    this.store.atomically(() => this.store.saveTurn(turn.id, text, sealedTurn, events, now));
    for (const ws of sockets) send(ws, { type: "turn", turn });
  }

  private sendState(ws: WebSocket): void {
    const state = this.store.loadState();
    const task = state.task;
    const confirmation = task && task.kind !== "lookup" ? task.confirmation : null;
    send(ws, {
      type: "state",
      pendingConfirmation: confirmation && confirmation.expiresAt > Date.now() ? confirmation : null,
      handoff: state.handoff !== null,
      agent: this.handoffs.agentFirstName(),
    });
  }

  /** The DO is named by the customer id; refuse anything that would mix two customers. */
  private bindCustomer(customerId: string): void {
    const bound = this.store.getMeta("customer_id");
    if (bound === undefined) this.store.setMeta("customer_id", customerId);
    // Thrown, not returned: this is a routing bug, never a client error.
    else if (bound !== customerId) throw new Error("ChatSession: bound to another customer");
  }
}

function send(ws: WebSocket, frame: ServerFrame): void {
  try {
    ws.send(JSON.stringify(frame));
  } catch {
    // The socket closed meanwhile; a reconnecting client resumes from the stored turns.
  }
}

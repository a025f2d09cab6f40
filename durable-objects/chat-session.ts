import { DurableObject } from "cloudflare:workers";
import type { ChatEnv } from "../workers/chat/env.js";
import type { ChatEvent, ChatEventBundle } from "../packages/common/events.js";
import type { ChatMessageInput, ChatTurn, ChatTurnResult, IntentDecision } from "../packages/common/chat.js";
import { describeIssues, fail, ok, type RpcResult } from "../packages/common/errors.js";
import { redactText } from "../packages/common/redact.js";
import { initialState, type DialogueState, type Reply } from "../packages/dialogue/index.js";
import { isCustomerActive, listPayees } from "../packages/banking/index.js";
import type { TextGenerator } from "../packages/nlu/index.js";
import { SessionDb } from "../workers/chat/session-db.js";
import type { Db } from "../packages/db/client.js";
import { understand } from "../workers/chat/understand.js";
import { bankEffectExecutor } from "../workers/chat/bank-effects.js";
import { combineReplies, resumeExecution, runTurn, type TurnHooks } from "../workers/chat/turn-runner.js";
import { observeEffects, recordTurn } from "../workers/chat/turn-metrics.js";
import { CONVERSATION_EVENT_TYPES, eraseConversationEvents } from "../packages/db/conversation-erasure.js";
import { DEFAULT_TRANSCRIPT_RETENTION_DAYS } from "../packages/db/retention.js";
import { ChatSessionStore } from "./chat-session.storage.js";
import { mayConfirm } from "../packages/common/chat.schema.js";
import { ClientFrame, MAX_FRAME_BYTES, PING_FRAME, PONG_FRAME, type ServerFrame } from "./chat-socket.js";
import type { AgentHold } from "./chat-session.agent.js";
import { SessionHandoffs } from "./chat-session.handoff.js";
import type { AgentMessage, TranscriptEntry } from "../packages/handoff/protocol.js";
import type { Staff } from "../packages/handoff/staff.js";
import { CLOSE_CUSTOMER_DISABLED, CLOSE_TOKEN_EXPIRED, socketAuth, statusDue, tokenExpired, type SocketAuth } from "./socket-guard.js";

/** Turns kept in the DO for idempotency, reconnects and context; the full transcript is in Postgres. */
const KEEP_TURNS = 200;
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
/** Undelivered notices kept per customer (older ones are dropped; the runner's rows stay in Postgres). */
const MAX_NOTICES = 20;

export interface SessionNotice {
  id: string;
  reply: Reply;
}

/**
 * One customer's conversation: the single writer of its state, so two quick messages never race.
 * Wiring only: understanding (NLU), the dialogue engine and the banking domain live in packages/.
 */
export class ChatSession extends DurableObject<ChatEnv> {
  private readonly store: ChatSessionStore;
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

  constructor(ctx: DurableObjectState, env: ChatEnv) {
    super(ctx, env);
    this.store = new ChatSessionStore(ctx.storage.sql);
    this.handoffs = new SessionHandoffs({
      ctx,
      env,
      store: this.store,
      serialised: (work) => this.serialised(work),
      loadState: () => this.loadState(),
      saveState: (state) => this.saveState(state),
      queueEvent: (e) => this.queueEvent(e),
      scheduleAlarm: (delayMs) => this.scheduleAlarm(delayMs),
      openDb: () => this.openDb(),
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
  async eraseConversation(customerId: string, by: "customer" | "operator"): Promise<RpcResult<{ turns: number; events: number }>> {
    this.bindCustomer(customerId);
    return this.serialised(async () => {
      const turns = this.ctx.storage.transactionSync(() => {
        const removed = this.store.eraseConversation(CONVERSATION_EVENT_TYPES);
        if (!this.loadState().executing) this.saveState(initialState());
        return removed;
      });
      const { db, end } = this.openDb();
      try {
        const events = await eraseConversationEvents(db(), customerId, { id: crypto.randomUUID(), by, at: new Date() });
        return ok({ turns, events });
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
    await this.serialised(async () => {
      const notices = this.loadNotices().filter((n) => n.id !== notice.id);
      this.store.setMeta("notices", JSON.stringify([...notices, notice].slice(-MAX_NOTICES)));
    });
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
    return this.handoffs.agentMessages(customerId, afterSeq);
  }

  /** The bare path for the chat benchmark: gateway → chat Worker → this DO and back, nothing else. */
  async echo(text: string): Promise<string> {
    return text;
  }

  /** A single-use, one-minute ticket that lets a browser open the WebSocket without a header. */
  async createSocketTicket(customerId: string, tokenValidUntil?: number): Promise<{ ticket: string; expiresAt: number }> {
    this.bindCustomer(customerId);
    const secret = base64url(crypto.getRandomValues(new Uint8Array(32)));
    const expiresAt = Date.now() + TICKET_TTL_MS;
    this.store.addTicket(secret, expiresAt, tokenValidUntil);
    return { ticket: `${base64url(new TextEncoder().encode(customerId))}.${secret}`, expiresAt };
  }

  /** The WebSocket upgrade, already routed here by the ticket's customer id. */
  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get("upgrade")?.toLowerCase() !== "websocket") {
      return Response.json({ error: { code: "bad_request", message: "expected a WebSocket upgrade" } }, { status: 426 });
    }
    const secret = new URL(request.url).searchParams.get("ticket")?.split(".")[1] ?? "";
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
      const result = ClientFrame.safeParse(JSON.parse(data));
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
      for (const turn of this.store.turnsAfter(parsed.lastMessageId, RESUME_LIMIT)) send(ws, { type: "turn", turn });
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
  private async customerActive(customerId: string, db?: () => Db): Promise<boolean | undefined> {
    const own = db ? undefined : this.openDb();
    try {
      return await isCustomerActive((db ?? own!.db)(), customerId);
    } catch {
      return undefined;
    } finally {
      await own?.end();
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
    if (customerId && this.loadState().executing) {
      await this.serialised(async () => {
        const { db, end } = this.openDb();
        try {
          const outcome = await resumeExecution(this.loadState(), this.hooks(customerId, db));
          // Nobody asked: the outcome goes to the customer's open sockets, or with their next reply.
          this.deliverNotices(customerId, outcome.replies);
          if (outcome.state.executing) await this.ctx.storage.setAlarm(Date.now() + RETRY_MS);
        } finally {
          await end();
        }
      });
    }
    await this.flushOutbox();
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
    const started = Date.now();
    // Card numbers and other identifiers never reach storage, the queue or logs in clear.
    const storedText = redactText(message.text);
    const previous = this.store.findTurn(message.id);
    if (previous) {
      if (previous.text !== storedText) return fail(409, "conflict", "id: this message id was already used for a different message");
      return ok({ turn: previous.turn, decision: null });
    }
    const hold = this.handoffs.agents.hold();
    if (hold) return this.handoffs.toAgent(customerId, message, storedText, hold);

    const { db, end } = this.openDb();
    try {
      const observed = observeEffects(this.hooks(customerId, db, onReply));
      const hooks = observed.hooks;
      let state = this.loadState();
      // A confirmation (a button, or a typed "yes" while one is pending) is the last step before
      // money moves: the customer's status is read fresh, not from the gateway's 30 s cache or a
      // socket opened long ago. If Postgres cannot answer, the ledger call cannot run either; the
      // execution then waits for it, as any other.
      const task = state.task;
      if (message.confirmation || (task && task.kind !== "lookup" && task.confirmation)) {
        if ((await this.customerActive(customerId, db)) === false) {
          return fail(403, "forbidden", "this customer's access is disabled; nothing was done — contact the bank");
        }
      }
      // What the alarm finished while nobody was connected comes first.
      const executionNotices = this.pendingNotices();
      const replies: Reply[] = [...executionNotices];
      // A transfer confirmed before an eviction finishes first, with its original idempotency key.
      if (state.executing) {
        const resumed = await resumeExecution(state, hooks);
        state = resumed.state;
        replies.push(...resumed.replies);
      }
      // Notices from the scheduled-transfer runner come first; they are cleared with the turn's save.
      const notices = this.loadNotices();
      replies.unshift(...notices.map((n) => n.reply));
      const now = Date.now();
      let decision: IntentDecision | null = null;
      const understanding = await understand(message.text, {
        today: new Date(now).toISOString().slice(0, 10),
        transferInProgress: state.task?.kind === "transfer",
        payees: async () => {
          const result = await listPayees(db(), customerId).catch(() => undefined);
          return result?.ok ? result.value : [];
        },
        ...(this.env.AI ? { ai: this.env.AI as unknown as TextGenerator } : {}),
        log: (entry) => (decision = { ...entry }),
      });
      const outcome = await runTurn(
        state,
        {
          type: "message",
          messageId: message.id,
          text: storedText,
          now,
          newId: crypto.randomUUID(),
          understanding,
          ...(message.confirmation ? { confirmation: message.confirmation } : {}),
        },
        hooks,
      );
      replies.push(...outcome.replies);
      if (this.newHandoff) {
        this.newHandoff = false;
        await this.handoffs.queueNow(customerId, db);
      }

      const turn: ChatTurn = { id: message.id, reply: combineReplies(replies) };
      // A full account number the customer asked to see is shown once, never kept in transcripts.
      const storedTurn: ChatTurn = { ...turn, reply: { ...turn.reply, text: redactText(turn.reply.text) } };
      const events: ChatEvent[] = [
        event("message.received", customerId, message.id, now, {
          text: storedText,
          intent: understanding.intent,
          confidence: understanding.confidence,
        }),
        event("reply.sent", customerId, message.id, now, { reply: storedTurn.reply }),
      ];
      this.ctx.storage.transactionSync(() => {
        this.store.saveTurn(message.id, storedText, storedTurn, events, now);
        if (notices.length > 0) this.store.setMeta("notices", JSON.stringify(this.loadNotices().filter((n) => !notices.some((m) => m.id === n.id))));
        this.store.trimTurns(KEEP_TURNS);
        if (executionNotices.length > 0) this.store.setMeta("execution_notices", "[]");
      });
      await this.scheduleAlarm(outcome.state.executing ? RETRY_MS : FLUSH_DELAY_MS);
      // Analytics Engine's write is synchronous (buffered by the runtime); locally this awaits the
      // stand-in's RPC, so a point is kept before the reply leaves. Never throws.
      await recordTurn(this.env.TURN_METRICS, {
        environment: this.env.ENVIRONMENT,
        intent: understanding.intent,
        confidence: understanding.confidence,
        decidedBy: (decision as IntentDecision | null)?.decidedBy ?? "local",
        text: message.text,
        before: state,
        after: outcome.state,
        seen: observed.seen,
        latencyMs: Date.now() - started,
      });
      return ok({ turn, decision });
    } finally {
      await end();
    }
  }

  private hooks(customerId: string, db: () => Db, onReply?: (reply: Reply) => void): TurnHooks {
    const bank = bankEffectExecutor({
        customerId,
        db,
        handoff: (effect) => {
          // The event id is the hand-off's id: the queue consumer stores the row under it.
          const now = Date.now();
          const handoff = event("handoff.requested", customerId, effect.messageId, now, { reason: effect.reason, intent: effect.intent });
          this.queueEvent(handoff);
          this.handoffs.requested(handoff.id, effect.reason, effect.intent, now);
          this.newHandoff = true;
        },
        audit: (effect, result) =>
          this.queueEvent(
            event(effect.kind === "transfer" ? "audit.transfer" : "audit.card", customerId, undefined, Date.now(), {
              effect: effect.kind === "transfer" ? { ...effect, memo: effect.memo ? redactText(effect.memo) : undefined } : effect,
              ok: result.ok,
              ...(result.ok ? {} : { error: result.error.code }),
            }),
          ),
    });
    return {
      executor: {
        execute: async (effect) => {
          // The alarm is set before the ledger call: if this object is evicted mid-call, the alarm
          // resumes the execution (same key) instead of waiting for the customer's next message.
          if (effect.kind === "transfer" || effect.kind === "set_card_status") await this.scheduleAlarm(RETRY_MS);
          return bank.execute(effect);
        },
      },
      save: (state) => this.saveState(state),
      now: () => Date.now(),
      newId: () => crypto.randomUUID(),
      ...(onReply ? { onReply } : {}),
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

  private loadState(): DialogueState {
    const json = this.store.getMeta("dialogue_state");
    return json ? (JSON.parse(json) as DialogueState) : initialState();
  }

  private loadNotices(): SessionNotice[] {
    const json = this.store.getMeta("notices");
    return json ? (JSON.parse(json) as SessionNotice[]) : [];
  }

  private saveState(state: DialogueState): void {
    this.store.setMeta("dialogue_state", JSON.stringify(state));
  }

  private queueEvent(chatEvent: ChatEvent): void {
    this.store.saveEvents([chatEvent], Date.now());
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

  /**
   * Replies nobody asked for (the outcome of a transfer the alarm finished): sent to every open
   * socket as a turn (and kept with the turns, so a reconnecting client resumes them), or, with
   * no socket open, kept to be prepended to the customer's next reply.
   */
  private deliverNotices(customerId: string, replies: Reply[]): void {
    if (replies.length === 0) return;
    const sockets = this.ctx.getWebSockets();
    if (sockets.length === 0) {
      this.store.setMeta("execution_notices", JSON.stringify([...this.pendingNotices(), ...replies]));
      return;
    }
    const now = Date.now();
    const turn: ChatTurn = { id: `notice-${crypto.randomUUID()}`, reply: combineReplies(replies) };
    this.ctx.storage.transactionSync(() =>
      this.store.saveTurn(turn.id, "", turn, [event("reply.sent", customerId, turn.id, now, { reply: turn.reply, notice: true })], now),
    );
    for (const ws of sockets) send(ws, { type: "turn", turn });
  }

  private pendingNotices(): Reply[] {
    const json = this.store.getMeta("execution_notices");
    return json ? (JSON.parse(json) as Reply[]) : [];
  }

  private sendState(ws: WebSocket): void {
    const state = this.loadState();
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

function event(
  type: ChatEvent["type"],
  customerId: string,
  messageId: string | undefined,
  now: number,
  payload: Record<string, unknown>,
): ChatEvent {
  return {
    id: crypto.randomUUID(),
    type,
    customerId,
    ...(messageId ? { messageId } : {}),
    occurredAt: new Date(now).toISOString(),
    payload,
  };
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

import { DurableObject } from "cloudflare:workers";
import type { ChatSessionEnv, TurnMetricsStoreStub } from "./chat-session.env.js";
import type { ChatEvent } from "../packages/contract/events.js";
import { sinceMs } from "../packages/contract/since.js";
import { type ChatMessageInput, type ChatTurnResult, type SinceInstant, type TurnsPage, type TurnsQuery } from "../packages/contract/chat.js";
import { ok, type RpcResult } from "../packages/contract/errors.js";
import { forgetUnseen, initialState, type Reply } from "../packages/dialogue/index.js";
import type { TextGenerator } from "../packages/nlu/index.js";
import type { Db } from "../packages/db/client.js";
import { takeTurn, type SessionNotice, type SessionPorts } from "../packages/conversation/turn.js";
import type { TurnMetricsSink } from "../packages/conversation/turn-metrics.js";
import { isCustomerActive } from "../packages/banking/deferred.js";
import { SessionDb } from "./session-db.js";
import { ChatSessionStore } from "./chat-session.storage.js";
import { PING_FRAME, PONG_FRAME } from "../packages/contract/frames.js";
import type { AgentHold } from "./chat-session.agent.js";
import { SessionHandoffs } from "./chat-session.handoff.js";
import type { AgentMessage, Staff, TranscriptEntry } from "../packages/contract/handoff.js";
import { redactText } from "../packages/redaction/redact.js";
import { dbHangFault, maybeEvict } from "./fault-switches.js";
import { ERASURE_TIMEOUT_MESSAGE, HANDOFF_TIMEOUT_MESSAGE, TURNS_TIMEOUT_MESSAGE, fencedTurnDb, turnDeadlineMs, withinDeadlineOnPostgres, withinTurnDeadline, type TurnFence } from "./turn-deadline.js";
import { TranscriptCipher, sealedSessionStorage } from "./transcript-cipher.js";
import { RETRY_MS, SessionOutbox } from "./chat-session.outbox.js";
import { SessionSockets, socketLimitScale } from "./chat-session.socket.js";
import { SessionAlarm } from "./chat-session.alarm.js";
import { keptTurns, storedTurnsPage } from "./chat-session.turns.js";
import { eraseConversation } from "./chat-session.erasure.js";
import { PointBatch } from "./metric-points.js";
import { retentionDays } from "./retention-days.js";

export type { SessionNotice };

/**
 * One customer's conversation: the single writer of its state, so two quick messages never race.
 * Wiring and storage only: the turn itself is packages/conversation (understanding, the dialogue
 * runner, the bank), which reads and writes this object's storage through SessionPorts. Its parts
 * live beside it: the sockets (chat-session.socket.ts), the outbox (chat-session.outbox.ts), the
 * alarm (chat-session.alarm.ts) and the hand-off to people (chat-session.handoff.ts).
 */
export class ChatSession extends DurableObject<ChatSessionEnv> {
  private readonly store: ChatSessionStore;
  /** Seals turns and queued events with the customer's data key (encryption at rest). */
  private readonly cipher: TranscriptCipher;
  /** The hand-off to people: who from the bank holds this conversation, and what they said. */
  private readonly handoffs: SessionHandoffs;
  private readonly outbox: SessionOutbox;
  private readonly sockets: SessionSockets;
  private readonly alarms: SessionAlarm;
  /** Set by a turn's hand-off effect: the turn then puts it in the staff queue at once. */
  private newHandoff = false;
  /** The local metrics stand-in's points, sent in batches (see metrics()); made on first use. */
  private metricPoints: PointBatch | undefined;
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
    const part = {
      ctx,
      env: () => this.env,
      store: this.store,
      cipher: this.cipher,
      openDb: () => this.openDb(),
      serialised: <T>(work: () => Promise<T>) => this.serialised(work),
    };
    this.outbox = new SessionOutbox(part);
    this.handoffs = new SessionHandoffs({
      ctx,
      env,
      store: this.store,
      serialised: (work) => this.serialised(work),
      underDeadline: (describe, work) => this.underDeadline(describe, HANDOFF_TIMEOUT_MESSAGE, work),
      queueEvent: (e) => this.outbox.queue(e),
      scheduleAlarm: (delayMs) => this.outbox.scheduleAlarm(delayMs),
      openDb: () => this.openDb(),
      cipher: this.cipher,
      broadcastState: () => this.sockets.broadcastState(),
    });
    this.sockets = new SessionSockets({
      ...part,
      turn: (customerId, message, onReply) => this.answer(customerId, message, onReply),
      agentFirstName: () => this.handoffs.agentFirstName(),
      limitScale: socketLimitScale(env),
    });
    this.alarms = new SessionAlarm({ ...part, handoffs: this.handoffs, outbox: this.outbox, ports: (customerId, db) => this.ports(customerId, db) });
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(PING_FRAME, PONG_FRAME));
  }

  // ─── RPC from the chat Worker ──────────────────────────────────────────────────────────────

  async handleMessage(customerId: string, message: ChatMessageInput, onReply?: (reply: Reply) => void): Promise<RpcResult<ChatTurnResult>> {
    this.bindCustomer(customerId);
    const result = await this.answer(customerId, message, onReply);
    // An HTTP turn: the customer's open tabs and devices see it too.
    if (result.ok) {
      this.sockets.mirror(message, result.value.turn);
      this.sockets.broadcastState();
    }
    return result;
  }

  /** An event to send through this object's outbox (the gateway's audit events, when its queue send failed). */
  async parkEvent(chatEvent: ChatEvent): Promise<void> {
    this.outbox.queue(chatEvent);
    await this.outbox.scheduleFlush();
  }

  /**
   * GDPR Art. 17: the conversation goes, here and in Postgres; an audit record without content
   * stays. A confirmed transfer still executing keeps its state, so money never moves twice.
   */
  async eraseConversation(customerId: string, by: "customer" | "operator", erasureId?: string): Promise<RpcResult<{ turns: number; events: number }>> {
    this.bindCustomer(customerId);
    // Under the turn deadline: a hung Postgres step held the customer's lock, and every later turn, for ever.
    const result = await withinTurnDeadline({
      ms: turnDeadlineMs(this.env),
      serialised: (work) => this.serialised(work),
      turn: (fence) =>
        eraseConversation(
          { env: this.env, store: this.store, cipher: this.cipher, forgetAgentLog: () => this.handoffs.agents.forgetLog(), openDb: () => this.openDb() },
          { customerId, by, ...(erasureId ? { erasureId } : {}) },
          fence,
        ),
      onAbandon: () => this.sessionDb.discard(),
      describe: `erasure by ${by}`,
      timeoutMessage: ERASURE_TIMEOUT_MESSAGE,
    });
    // Erased everywhere (a failed Postgres step leaves it all in place, chat-session.erasure.ts):
    // the console and the customer's open tabs and devices stop showing it.
    if (result.ok) {
      this.handoffs.erased();
      this.sockets.erased(by);
    }
    return result;
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

  async agentMessages(customerId: string, afterSeq: number, since?: SinceInstant): Promise<{ messages: AgentMessage[]; held: boolean; waiting: boolean }> {
    this.bindCustomer(customerId);
    return this.handoffs.agentMessages(afterSeq, sinceMs(since));
  }

  /**
   * GET /api/chat/turns: the kept turns after a point, with the state a socket would be told, for
   * a client that was not listening (chat-session.turns.ts). Read between turns, never during one:
   * so it waits for a turn in progress (a money turn's Postgres calls; seconds only when Workers AI
   * is asked) and then includes it. Unserialised it would not be safe: with DB_MAX_CONNECTIONS=1
   * (the local stack) its `end()` closes the pool the turn is using; a cold object's data-key
   * lookup queues behind the turn's queries on the one-socket pool anyway; and the state read
   * mid-turn (saved before execute) can be ahead of the kept turns. An HTTP-only tab reads every
   * 3 s, so the wait delays a catch-up by at most the turn in progress, which it then shows.
   */
  async turns(customerId: string, query: TurnsQuery): Promise<RpcResult<TurnsPage>> {
    this.bindCustomer(customerId);
    // Under the turn deadline, counted from arrival: the wait for the lock included.
    return this.underDeadline("turns read", TURNS_TIMEOUT_MESSAGE, (_fence, db) => this.readTurns(customerId, query, db));
  }

  /** Work in the customer's lock under the turn deadline, on Postgres behind its fence (a hand-off step, a read of the turns). */
  private underDeadline<T>(describe: string, timeoutMessage: string, work: (fence: TurnFence, db: () => Promise<Db>) => Promise<RpcResult<T>>): Promise<RpcResult<T>> {
    return withinDeadlineOnPostgres({
      ms: turnDeadlineMs(this.env),
      serialised: (w) => this.serialised(w),
      openDb: () => this.openDb(),
      hang: dbHangFault(this.env),
      // The hung call holds the pool's one socket: the next turn opens a fresh pool.
      onAbandon: () => this.sessionDb.discard(),
      describe,
      timeoutMessage,
      work,
    });
  }

  private async readTurns(customerId: string, query: TurnsQuery, db: () => Promise<Db>): Promise<RpcResult<TurnsPage>> {
    const page = storedTurnsPage(this.ctx.storage.sql, query.after, query.limit, sinceMs(query.since));
    // Postgres only for a data key re-wrapped after a master-key rotation; the hang switch applies there.
    const turns = await keptTurns(page.rows, (sealed) => this.cipher.open(customerId, db, sealed));
    const { type: _state, ...state } = this.sockets.state(sinceMs(query.since));
    return ok({ turns, more: page.more, next: page.next, ...state });
  }

  /**
   * The gateway's customer-status check (cached there ~30 s), on this object's kept Postgres
   * session: the customer's first turn, which comes right after, reuses the session the check
   * opened instead of opening a second one (a new session was a third of a first turn's cost).
   */
  async customerActive(customerId: string): Promise<boolean> {
    this.bindCustomer(customerId);
    const { db, end } = this.openDb();
    try {
      return await isCustomerActive(await db(), customerId);
    } finally {
      await end();
    }
  }

  /** The bare path for the chat benchmark: gateway → chat Worker → this DO and back, nothing else. */
  async echo(text: string): Promise<string> {
    return text;
  }

  /** A single-use, one-minute ticket that lets a browser open the WebSocket without a header. */
  async createSocketTicket(customerId: string, tokenValidUntil?: number): Promise<{ ticket: string; expiresAt: number }> {
    this.bindCustomer(customerId);
    return this.sockets.createTicket(customerId, tokenValidUntil);
  }

  /** The WebSocket upgrade, already routed here by the ticket's customer id. */
  override async fetch(request: Request): Promise<Response> {
    return this.sockets.upgrade(request);
  }

  // ─── WebSocket (hibernation API; the work is in chat-session.socket.ts) ────────────────────

  override async webSocketMessage(ws: WebSocket, data: string | ArrayBuffer): Promise<void> {
    return this.sockets.message(ws, data);
  }

  override async webSocketClose(ws: WebSocket, code: number): Promise<void> {
    this.sockets.close(ws, code);
  }

  // ─── Alarm and outbox (chat-session.alarm.ts, chat-session.outbox.ts) ──────────────────────

  /** Retries queued events and unfinished money movements after a failure or a restart. */
  override async alarm(): Promise<void> {
    await this.alarms.run();
  }

  /**
   * Sends the outbox as bundles; on failure the events stay and an alarm tries again. The
   * consumer dedupes by event id, so a resend is harmless.
   */
  async flushOutbox(): Promise<number> {
    return this.outbox.flush();
  }

  // ─── One turn ──────────────────────────────────────────────────────────────────────────────

  /**
   * A customer's turn (HTTP or socket), one at a time and under the turn deadline
   * (turn-deadline.ts): past it the customer is answered 504 `timeout` and the turn is fenced.
   */
  private answer(customerId: string, message: ChatMessageInput, onReply?: (reply: Reply) => void): Promise<RpcResult<ChatTurnResult>> {
    return withinTurnDeadline({
      ms: turnDeadlineMs(this.env),
      serialised: (work) => this.serialised(work),
      turn: (fence) => this.turn(customerId, message, fence, onReply),
      // The hung call holds the pool's one socket: the next turn opens a fresh pool.
      onAbandon: () => this.sessionDb.discard(),
      describe: message.id,
    });
  }

  private async turn(customerId: string, message: ChatMessageInput, fence: TurnFence, onReply?: (reply: Reply) => void): Promise<RpcResult<ChatTurnResult>> {
    // While someone from the bank holds the conversation, Teller stays silent (a retried id is
    // still answered from its stored turn by takeTurn).
    const hold = this.handoffs.agents.hold();
    const { db: pool, end } = this.openDb();
    const guarded = fencedTurnDb(fence, dbHangFault(this.env), pool);
    const { db } = guarded;
    try {
      if (message.since !== undefined && !this.store.findTurn(message.id)) this.forgetUnseen(sinceMs(message.since), fence);
      if (hold && !this.store.findTurn(message.id)) {
        return await this.handoffs.toAgent(customerId, message, redactText(message.text), hold, sealedSessionStorage(this.store, this.cipher, customerId, db, { check: () => fence.check() }));
      }
      const result = await takeTurn(message, this.ports(customerId, db, onReply, { fence, ...guarded }));
      if (this.newHandoff) {
        this.newHandoff = false;
        await this.handoffs.queueNow(customerId, db);
      }
      return result;
    } finally {
      // An abandoned turn's pool was discarded already; the pool now kept may be the next turn's.
      if (!fence.abandoned) await end();
    }
  }

  /**
   * A message from a sign-in later than what the conversation waits on (a shared device): that
   * confirmation or question was never shown to its sender, so it is dropped before the turn and
   * this message cannot answer it (packages/dialogue/unseen.ts).
   */
  private forgetUnseen(since: number, fence: TurnFence): void {
    const state = this.store.loadState();
    if (!forgetUnseen(state, since, Date.now())) return;
    fence.check();
    this.store.saveState(state);
  }

  /** The turn's ports; `fenced`: a customer's turn, whose writes stop at its deadline (the alarm's have none). */
  private ports(
    customerId: string,
    db: () => Promise<Db>,
    onReply?: (reply: Reply) => void,
    fenced?: { fence: TurnFence; beforeSave(): Promise<void>; afterLedgerCall(): void },
  ): SessionPorts {
    const fence = fenced?.fence;
    return {
      customerId,
      environment: this.env.ENVIRONMENT,
      settings: { transcriptRetentionDays: retentionDays(this.env) },
      storage: sealedSessionStorage(this.store, this.cipher, customerId, db, fence && { check: () => fence.check(), beforeSave: fenced.beforeSave }),
      db,
      ...(this.env.AI ? { ai: this.env.AI as unknown as TextGenerator } : {}),
      ...this.metrics(),
      wake: (reason) => (reason === "retry" ? this.outbox.scheduleAlarm(RETRY_MS) : this.outbox.scheduleFlush()),
      onHandoff: (handoffId, reason, intent, at) => {
        fence?.check();
        this.handoffs.requested(handoffId, reason, intent, at);
        this.newHandoff = true;
      },
      withdrawHandoff: () => this.handoffs.withdraw(customerId, db),
      faultPoint: (where) => {
        maybeEvict(this.env, this.ctx, where);
        if (where === "after the ledger call") fenced?.afterLedgerCall();
      },
      // A reply streamed after the 504 would contradict it.
      ...(onReply ? { onReply: (reply: Reply) => void (fence?.abandoned || onReply(reply)) } : {}),
      now: () => Date.now(),
      newId: () => crypto.randomUUID(),
    };
  }

  /**
   * Analytics Engine's binding where it is bound; locally, the stand-in's store written directly
   * (in the background, as Analytics Engine's write returns at once) instead of through the
   * stand-in entrypoint, and in batches (metric-points.ts): one RPC to the stack's one store per
   * quarter second of a conversation's turns, not one per turn.
   */
  private metrics(): { metrics?: TurnMetricsSink } {
    const sink = this.env.TURN_METRICS;
    const store = (this.env as { TURN_METRICS_STORE?: DurableObjectNamespace<TurnMetricsStoreStub> }).TURN_METRICS_STORE;
    if (!sink || !store) return sink ? { metrics: sink } : {};
    const points = (this.metricPoints ??= new PointBatch(
      // The stub per batch: it belongs to the request whose timer sends it.
      (batch) => store.get(store.idFromName("turn-metrics")).writeMany(batch),
      (ms, flush) => this.ctx.waitUntil(new Promise((resolve) => setTimeout(resolve, ms)).then(flush)),
    ));
    return { metrics: { writeDataPoint: (point) => points.write(point, Date.now()) } };
  }

  /** The DO's pool, opened on first use (FAQ turns never touch Postgres) and kept across turns. */
  private openDb(): { db: () => Promise<Db>; end(): Promise<void> } {
    return this.sessionDb.forTurn();
  }

  private serialised<T>(work: () => Promise<T>): Promise<T> {
    const run = this.turnLock.then(work, work);
    this.turnLock = run.catch(() => {});
    return run;
  }

  /** The DO is named by the customer id; refuse anything that would mix two customers. */
  private bindCustomer(customerId: string): void {
    const bound = this.store.getMeta("customer_id");
    if (bound === undefined) this.store.setMeta("customer_id", customerId);
    // Thrown, not returned: this is a routing bug, never a client error.
    else if (bound !== customerId) throw new Error("ChatSession: bound to another customer");
  }
}

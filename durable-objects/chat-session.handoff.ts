import type { ChatSessionEnv } from "./chat-session.env.js";
import type { ChatMessageInput, ChatTurn, ChatTurnResult } from "../packages/contract/chat.js";
import type { ChatEvent } from "../packages/contract/events.js";
import { fail, ok, type RpcResult } from "../packages/contract/errors.js";
import { redactText } from "../packages/redaction/redact.js";
import type { Db } from "../packages/db/client.js";
import { clearHandoff } from "../packages/dialogue/index.js";
import { closeHandoff, escalateHandoff, getHandoff, openHandoff } from "../packages/handoff/deferred.js";
import { type AgentMessage, type TranscriptEntry } from "../packages/contract/handoff.js";
import { LEFT_QUEUE_TEXT, NOBODY_FREE_TEXT } from "../packages/handoff/texts.js";
import { firstName } from "../packages/handoff/staff.js";
import type { Staff } from "../packages/contract/handoff.js";
import { AgentLink, DEFAULT_HANDOFF_TIMEOUT_SECONDS, handoffEvent, silentReply, type AgentHold, type LogStep } from "./chat-session.agent.js";
import type { TurnFence } from "./turn-deadline.js";
import type { ChatSessionStore } from "./chat-session.storage.js";
import type { TranscriptCipher } from "./transcript-cipher.js";
import type { SessionStorage } from "../packages/conversation/turn.js";
import { FLUSH_DELAY_MS, RETRY_MS } from "./chat-session.outbox.js";

const TRANSCRIPT_LIMIT = 50;

/** What the ChatSession lends its hand-off side: its storage, lock, state and outbox. */
export interface HandoffHost {
  readonly ctx: DurableObjectState;
  readonly env: ChatSessionEnv;
  readonly store: ChatSessionStore;
  serialised<T>(work: () => Promise<T>): Promise<T>;
  /**
   * A step in the customer's lock under the turn deadline (turn-deadline.ts): past it the caller is
   * answered 504 and the lock let go; Postgres and every write of the abandoned step are refused.
   */
  underDeadline<T>(describe: string, work: (fence: TurnFence, db: () => Promise<Db>) => Promise<RpcResult<T>>): Promise<RpcResult<T>>;
  queueEvent(event: ChatEvent): void;
  scheduleAlarm(delayMs: number): Promise<void>;
  openDb(): { db: () => Promise<Db>; end(): Promise<void> };
  /** Seals what carries words before it is stored or queued (encryption at rest). */
  readonly cipher: TranscriptCipher;
  /** Sends the session state (pending confirmation, hand-off, agent) to every open socket. */
  broadcastState(): void;
}

/**
 * A ChatSession's hand-off to people: an agent joins, writes, types and leaves; the customer
 * leaves the queue; an unclaimed hand-off expires; and while an agent holds the conversation the
 * customer's messages go to them instead of Teller. The ChatSession's RPC methods delegate here.
 */
export class SessionHandoffs {
  readonly agents: AgentLink;

  constructor(private readonly host: HandoffHost) {
    this.agents = new AgentLink(host.store, () => host.ctx.getWebSockets(), {
      seal: (plain) => this.withCipher((customerId, db) => host.cipher.seal(customerId, db, plain)),
      open: (stored) => this.withCipher((customerId, db) => host.cipher.open(customerId, db, stored)),
    });
  }

  /** The agent log is sealed with the bound customer's data key, like their turns. */
  private async withCipher<T>(work: (customerId: string, db: () => Promise<Db>) => Promise<T>): Promise<T> {
    const customerId = this.host.store.getMeta("customer_id");
    if (!customerId) throw new Error("ChatSession: the agent log has no customer");
    const { db, end } = this.host.openDb();
    try {
      return await work(customerId, db);
    } finally {
      await end();
    }
  }

  /** A step's way to the agent log: sealed on its fenced Postgres, each write checked against its deadline. */
  private step(customerId: string, fence: TurnFence, db: () => Promise<Db>): LogStep {
    return {
      sealer: { seal: (plain) => this.host.cipher.seal(customerId, db, plain), open: (stored) => this.host.cipher.open(customerId, db, stored) },
      check: () => fence.check(),
    };
  }

  /** An agent claimed the hand-off (Postgres already says so): from now on Teller stays silent. */
  async agentJoined(customerId: string, handoffId: string, agent: Staff): Promise<RpcResult<AgentMessage>> {
    return this.host.underDeadline(`agent joins ${handoffId}`, async (fence, db) => {
      const hold = this.agents.hold();
      if (hold && hold.handoffId !== handoffId) return fail(409, "conflict", "another hand-off holds this conversation");
      const now = Date.now();
      const next: AgentHold = { handoffId, agentId: agent.id, agentName: agent.name };
      if (!hold) {
        fence.check();
        this.agents.setHold(next);
        this.agents.setPending(undefined);
        this.host.queueEvent(handoffEvent("handoff.claimed", customerId, now, { handoffId, agentId: agent.id, role: agent.role }));
        await this.host.scheduleAlarm(FLUSH_DELAY_MS);
      }
      // A join abandoned here holds the conversation without its notice: the agent's retried claim adds it.
      const joined = await this.agents.joined(next, now, this.step(customerId, fence, db));
      this.host.broadcastState();
      return ok(joined);
    });
  }

  /** An agent's message: shown in the customer's chat, never read by the dialogue engine. */
  async agentSays(customerId: string, handoffId: string, agentId: string, message: { id: string; text: string }, firstReplyMs?: number): Promise<RpcResult<AgentMessage>> {
    return this.host.underDeadline(`agent message ${message.id}`, async (fence, db) => {
      const step = this.step(customerId, fence, db);
      const hold = this.agents.hold();
      if (!hold || hold.handoffId !== handoffId || hold.agentId !== agentId) return fail(409, "conflict", "you do not hold this conversation");
      const now = Date.now();
      const known = (await this.agents.after(0, step)).find((m) => m.id === message.id);
      if (known) return known.text === message.text ? ok(known) : fail(409, "conflict", "id: this message id was already used for a different message");
      const event = handoffEvent("handoff.agent_message", customerId, now, {
        handoffId,
        agentId,
        messageId: message.id,
        text: redactText(message.text),
        ...(firstReplyMs !== undefined ? { firstReplyMs } : {}),
      });
      // Sealed before anything is kept: a failure leaves no half-recorded message behind.
      const sealed = await this.host.cipher.sealEvents(customerId, db, [event]);
      const added = await this.agents.add({ id: message.id, kind: "message", agentName: firstName(hold.agentName), text: message.text, at: now }, step);
      fence.check();
      for (const e of sealed) this.host.queueEvent(e);
      await this.host.scheduleAlarm(FLUSH_DELAY_MS);
      return ok(added);
    });
  }

  /** The agent's typing indicator, to the customer's open sockets only (nothing is stored). */
  async agentTyping(customerId: string, handoffId: string, agentId: string, on: boolean): Promise<boolean> {
    const hold = this.agents.hold();
    if (!hold || hold.handoffId !== handoffId || hold.agentId !== agentId) return false;
    this.agents.push({ type: "agent_typing", on, agentName: firstName(hold.agentName) });
    return true;
  }

  /** Hand back to Teller, or resolve: Teller answers again, and may hand off again later. */
  async agentLeaves(customerId: string, handoffId: string, by: string, resolved: boolean): Promise<RpcResult<{ left: boolean }>> {
    return this.host.underDeadline<{ left: boolean }>(`agent leaves ${handoffId}`, async (fence, db) => {
      const hold = this.agents.hold();
      if (!hold || hold.handoffId !== handoffId) return ok({ left: false });
      const now = Date.now();
      fence.check();
      this.host.store.atomically(() => {
        this.host.store.saveState(clearHandoff(this.host.store.loadState()));
        this.agents.setHold(undefined);
        this.host.queueEvent(handoffEvent(resolved ? "handoff.resolved" : "handoff.returned", customerId, now, { handoffId, agentId: hold.agentId, by }));
      });
      await this.agents.left(hold, resolved, now, this.step(customerId, fence, db));
      this.host.broadcastState();
      await this.host.scheduleAlarm(FLUSH_DELAY_MS);
      return ok({ left: true });
    });
  }

  /** The customer leaves the queue (or ends the agent's conversation): Teller answers again. */
  async leaveQueue(customerId: string): Promise<RpcResult<{ handoffId: string; agentId: string | null }>> {
    return this.host.underDeadline("leave the hand-off queue", async (fence, db) => {
      const hold = this.agents.hold();
      const pending = this.agents.pending();
      const handoffId = hold?.handoffId ?? pending?.handoffId;
      if (!handoffId) return fail(404, "not_found", "you are not waiting for anyone from the bank");
      try {
        // The queue consumer may not have stored the row yet: store it first, then close it.
        if (pending) await openHandoff(await db(), { id: pending.handoffId, customerId, reason: pending.reason, intent: pending.intent, requestedAt: new Date(pending.requestedAt) });
        await closeHandoff(await db(), handoffId, "left", ["queued", "assigned"]);
      } catch (error) {
        if (fence.abandoned) throw error;
        console.error(JSON.stringify({ msg: "leave queue: postgres step failed", error: String(error) }));
        return fail(503, "unavailable", "could not leave the queue right now; try again");
      }
      // Abandoned after Postgres closed the row: the customer's retry finds it closed and finishes here.
      const now = Date.now();
      fence.check();
      this.host.store.atomically(() => {
        this.host.store.saveState(clearHandoff(this.host.store.loadState()));
        this.agents.setHold(undefined);
        this.agents.setPending(undefined);
        this.host.queueEvent(handoffEvent("handoff.left", customerId, now, { handoffId }));
      });
      await this.agents.add({ id: `left-queue-${handoffId}`, kind: "notice", text: LEFT_QUEUE_TEXT, at: now }, this.step(customerId, fence, db));
      this.host.broadcastState();
      await this.host.scheduleAlarm(FLUSH_DELAY_MS);
      return ok({ handoffId, agentId: hold?.agentId ?? null });
    });
  }

  /**
   * "never mind" while queued, inside the customer's turn (already serialised): the hand-off leaves
   * the staff queue only while still queued. "taken" when someone from the bank holds it or claimed
   * it meanwhile (their join is on its way); "none" when nothing waits here any more (it expired).
   */
  async withdraw(customerId: string, db: () => Promise<Db>): Promise<"withdrawn" | "taken" | "none"> {
    if (this.agents.hold()) return "taken";
    const pending = this.agents.pending();
    if (!pending) return "none";
    // The queue consumer may not have stored the row yet: store it first, then close it.
    await openHandoff(await db(), { id: pending.handoffId, customerId, reason: pending.reason, intent: pending.intent, requestedAt: new Date(pending.requestedAt) });
    const closed = await closeHandoff(await db(), pending.handoffId, "left", ["queued"]);
    if (!closed) return (await getHandoff(await db(), pending.handoffId))?.status === "assigned" ? "taken" : "none";
    this.agents.setPending(undefined);
    this.host.queueEvent(handoffEvent("handoff.left", customerId, Date.now(), { handoffId: pending.handoffId }));
    this.host.ctx.waitUntil(this.desk()?.queueChanged().catch(() => {}) ?? Promise.resolve());
    return "withdrawn";
  }

  /** What the agent reads: the masked transcript and who holds the conversation. */
  async agentView(customerId: string): Promise<{ transcript: TranscriptEntry[]; hold: AgentHold | null }> {
    const { db, end } = this.host.openDb();
    try {
      const transcript = await this.agents.transcript(TRANSCRIPT_LIMIT, (sealed) => this.host.cipher.open(customerId, db, sealed));
      return { transcript, hold: this.agents.hold() ?? null };
    } finally {
      await end();
    }
  }

  /**
   * Agent messages after a cursor, for HTTP clients (socket clients get them pushed); only those
   * said at or after `sinceMs` (the client's sign-in), like the turns.
   */
  async agentMessages(afterSeq: number, sinceMs = 0): Promise<{ messages: AgentMessage[]; held: boolean; waiting: boolean }> {
    return { messages: (await this.agents.after(afterSeq)).filter((m) => m.at >= sinceMs), held: this.agents.hold() !== undefined, waiting: this.agents.pending() !== undefined };
  }

  /**
   * A hand-off nobody claimed in time: the customer is told how else to reach the bank, and
   * the queue drops it — only if Postgres still has it queued (a claim in the meantime wins).
   */
  async expireIfDue(customerId: string): Promise<void> {
    const pending = this.agents.pending();
    if (!pending || this.agents.hold()) return;
    const now = Date.now();
    if (pending.deadline > now) return this.host.scheduleAlarm(pending.deadline - now);
    await this.host.serialised(async () => {
      const { db, end } = this.host.openDb();
      let expired = false;
      try {
        await openHandoff(await db(), { id: pending.handoffId, customerId, reason: pending.reason, intent: pending.intent, requestedAt: new Date(pending.requestedAt) });
        expired = (await closeHandoff(await db(), pending.handoffId, "expired", ["queued"])) !== undefined;
      } catch (error) {
        console.warn(JSON.stringify({ msg: "hand-off expiry: postgres step failed", error: String(error) }));
        return this.host.scheduleAlarm(RETRY_MS);
      } finally {
        await end();
      }
      // Not expired: an agent claimed it meanwhile, and agentJoined is on its way.
      if (!expired || this.agents.hold()) return;
      this.host.store.atomically(() => {
        this.host.store.saveState(clearHandoff(this.host.store.loadState()));
        this.agents.setPending(undefined);
        this.host.queueEvent(handoffEvent("handoff.expired", customerId, now, { handoffId: pending.handoffId }));
      });
      await this.agents.add({ id: `expired-${pending.handoffId}`, kind: "notice", text: NOBODY_FREE_TEXT, at: now });
      this.host.broadcastState();
      this.host.ctx.waitUntil(this.desk()?.queueChanged().catch(() => {}) ?? Promise.resolve());
      await this.host.scheduleAlarm(FLUSH_DELAY_MS);
    });
  }

  /**
   * Puts a new hand-off in the staff queue without waiting for the event queue's batch (seconds
   * in production). Best effort: the queue consumer stores the same row from the event anyway.
   */
  async queueNow(customerId: string, db: () => Promise<Db>): Promise<void> {
    const pending = this.agents.pending();
    if (!pending) return;
    try {
      const opened = await openHandoff(await db(), { id: pending.handoffId, customerId, reason: pending.reason, intent: pending.intent, requestedAt: new Date(pending.requestedAt) });
      // Already queued: a fraud report made while waiting raises the same hand-off's urgency.
      if (!opened) await escalateHandoff(await db(), customerId, pending.reason, pending.intent);
      this.host.ctx.waitUntil(this.desk()?.queueChanged().catch(() => {}) ?? Promise.resolve());
    } catch (error) {
      console.warn(JSON.stringify({ msg: "hand-off not queued at once; the event will", error: String(error) }));
    }
  }

  /**
   * The dialogue just handed off: remember it for expiry and leaving (the event id is its id). A
   * second request while one waits (a fraud report after "talk to a human") is the same hand-off
   * with a more urgent reason: it keeps its id, place and deadline.
   */
  requested(handoffId: string, reason: string, intent: string, now: number): void {
    const waiting = this.agents.pending();
    if (waiting && !this.agents.hold()) return this.agents.setPending({ ...waiting, reason, intent });
    this.agents.setPending({ handoffId, deadline: now + this.handoffTimeoutMs(), reason, intent, requestedAt: now });
  }

  /**
   * The customer erased the conversation (chat-session.erasure.ts): the person holding it is told, so
   * the console stops showing what was erased (it kept showing it until reloaded).
   */
  erased(): void {
    const hold = this.agents.hold();
    if (!hold) return;
    this.host.ctx.waitUntil(this.desk()?.toHolder(hold.handoffId, hold.agentId, { type: "transcript_erased", handoffId: hold.handoffId }).catch(() => {}) ?? Promise.resolve());
  }

  agentFirstName(): string | null {
    return this.agents.hold() ? firstName(this.agents.hold()!.agentName) : null;
  }

  private desk() {
    return this.host.env.STAFF_DESK?.get(this.host.env.STAFF_DESK.idFromName("desk"));
  }

  private handoffTimeoutMs(): number {
    const seconds = Number(this.host.env.HANDOFF_TIMEOUT_SECONDS ?? DEFAULT_HANDOFF_TIMEOUT_SECONDS);
    return (Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_HANDOFF_TIMEOUT_SECONDS) * 1000;
  }

  /**
   * A message while an agent holds the conversation: stored and passed to the agent; Teller does
   * not answer (no NLU, no dialogue engine, so nothing can move money), the reply is empty.
   */
  async toAgent(customerId: string, message: ChatMessageInput, storedText: string, hold: AgentHold, storage: SessionStorage): Promise<RpcResult<ChatTurnResult>> {
    const now = Date.now();
    const turn: ChatTurn = { id: message.id, reply: silentReply(), at: new Date(now).toISOString() };
    // The same sealed commit as a turn Teller answers: text, turn and event encrypted at rest.
    await storage.commitTurn({
      messageId: message.id,
      text: storedText,
      turn,
      events: [{ ...handoffEvent("message.received", customerId, now, { text: storedText, to: "agent", handoffId: hold.handoffId }), messageId: message.id }],
      at: now,
      shownNotices: [],
    });
    const entry: TranscriptEntry = { id: message.id, from: "customer", text: storedText, at: now };
    this.host.ctx.waitUntil(this.desk()?.toHolder(hold.handoffId, hold.agentId, { type: "customer_message", handoffId: hold.handoffId, entry }).catch(() => {}) ?? Promise.resolve());
    this.host.ctx.waitUntil(this.host.scheduleAlarm(FLUSH_DELAY_MS));
    return ok({ turn, decision: null });
  }
}

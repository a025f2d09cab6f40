/**
 * The chat's link to the server: a WebSocket (streamed replies, typing, pending-confirmation
 * state) with HTTP `POST /api/chat/messages` as the fallback when the socket isn't available.
 * Without a socket (HTTP only, or while one is closed) it catches up on what the customer said
 * elsewhere over `GET /api/chat/turns` (catchUp.ts) every few seconds (a socket resumes instead).
 *
 * Every message stays in the unsent queue (persisted) until its reply arrives, and is resent with
 * the same id after any reconnect: the server dedupes by id, so a resend never acts twice.
 */
import { ApiError, NetworkError, plainError, sinceParam, sinceUrl } from "../api.js";
import type { UnsentStore } from "./outbox.js";
import { TurnCatchUp, type TurnsCursor } from "./catchUp.js";
import type { ConnectionEvent, ConnectionStatus } from "./connectionEvents.js";
import { parseServerFrame, type AgentMessage, type ChatTurn, type ClientFrame, type KeptTurn, type OutgoingMessage, type PendingConfirmation, type Reply, type SaidElsewhere, type TurnsPage } from "./protocol.js";

export type { ConnectionEvent, ConnectionStatus } from "./connectionEvents.js";

export interface ConnectionDeps {
  getToken(): string | null;
  onEvent(event: ConnectionEvent): void;
  store: UnsentStore;
  http: {
    send(token: string, message: OutgoingMessage): Promise<ChatTurn>;
    wsTicket(token: string): Promise<{ ticket: string }>;
    turns(token: string, after: TurnsCursor | undefined, limit: number, since?: number): Promise<TurnsPage>;
  };
  WebSocketImpl?: typeof WebSocket;
  socketUrl?: (ticket: string) => string;
  /** Ask for every kept turn on the first open (the page was reloaded mid-conversation). */
  restore?: boolean;
  /** Epoch ms of this sign-in: resume and catch-up read only turns since it (a shared device). */
  since?: number;
  /** Backoff base; tests shorten it. */
  retryBaseMs?: number;
}

const MAX_RETRY_MS = 15_000;
/** The client pings this often; the runtime answers without waking the Durable Object. */
const PING_EVERY_MS = 25_000;
/** No frame (not even a pong) for this long means a dead link the OS hasn't noticed. */
const SILENCE_MS = 60_000;
/** Socket attempts that fail before opening, after which HTTP takes over. */
const SOCKET_GIVE_UP = 3;
/** A typing indicator never outlives a lost reply. */
const TYPING_MAX_MS = 20_000;
/** Without a socket, what the customer said elsewhere is read this often (while the page is visible). */
const CATCH_UP_MS = 3_000;

export function defaultSocketUrl(ticket: string): string {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  return `${scheme}://${location.host}/api/chat/ws?ticket=${encodeURIComponent(ticket)}`;
}

export class ChatConnection {
  private queue: OutgoingMessage[];
  private socket: WebSocket | null = null;
  private mode: "socket" | "http" = "socket";
  private attempt = 0;
  private socketFailures = 0;
  private stopped = true;
  private flushing = false;
  private lastMessageId: string | null = null;
  private restored = false;
  /** This socket asked for the whole conversation (a reload restoring it), not only what it missed. */
  private restoring = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private silenceTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  private catchUpTimer: ReturnType<typeof setInterval> | undefined;
  private status: ConnectionStatus = "connecting";
  /** Turns this connection has passed on, so a catch-up read shows none twice. */
  private readonly shown = new Set<string>();
  private readonly catchUp: TurnCatchUp;

  constructor(private readonly deps: ConnectionDeps) {
    this.queue = deps.store.load();
    this.catchUp = new TurnCatchUp({
      read: (after, limit) => {
        const token = this.deps.getToken();
        return token ? this.deps.http.turns(token, after, limit, this.deps.since) : Promise.reject(new ApiError(401, "unauthorized", "signed out"));
      },
      restore: () => {
        const restore = Boolean(this.deps.restore) && !this.restored;
        this.restored = true;
        return restore;
      },
      onTurn: (turn, restored, later) => this.caughtUp(turn, restored, later),
      onState: (state) => this.emit({ type: "state", ...state }),
    });
  }

  get unsent(): readonly OutgoingMessage[] {
    return this.queue;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    window.addEventListener("online", this.onOnline);
    window.addEventListener("offline", this.onOffline);
    document.addEventListener("visibilitychange", this.onVisible);
    this.emit({ type: "unsent", messages: [...this.queue] });
    void this.connect();
  }

  stop(): void {
    this.stopped = true;
    window.removeEventListener("online", this.onOnline);
    window.removeEventListener("offline", this.onOffline);
    document.removeEventListener("visibilitychange", this.onVisible);
    clearTimeout(this.retryTimer);
    clearInterval(this.catchUpTimer);
    this.catchUpTimer = undefined;
    clearTimeout(this.typingTimer);
    this.closeSocket();
  }

  send(message: OutgoingMessage): void {
    // Already queued (a double retry): it goes out once.
    if (this.queue.some((m) => m.id === message.id)) return;
    this.queue.push(message);
    this.persist();
    if (this.socket?.readyState === 1 /* OPEN */) this.frame({ type: "message", ...message });
    else if (this.mode === "http" && this.status === "http") void this.flushHttp();
    // Otherwise it goes out when the link is back.
  }

  private readonly onOnline = () => {
    this.attempt = 0;
    clearTimeout(this.retryTimer);
    void this.connect();
  };

  private readonly onVisible = () => {
    if (this.mode === "http" || !this.socket) this.catchUpNow();
  };

  private readonly onOffline = () => {
    this.setStatus("offline");
    clearTimeout(this.retryTimer);
    this.closeSocket();
  };

  private async connect(): Promise<void> {
    if (this.stopped || this.socket) return;
    if (!navigator.onLine) return this.setStatus("offline");
    const token = this.deps.getToken();
    if (!token) return this.expire();
    if (this.mode === "http") {
      this.setStatus("http");
      this.catchUpTimer ??= setInterval(() => this.catchUpNow(), CATCH_UP_MS);
      this.catchUpNow();
      return this.flushHttp();
    }
    this.setStatus(this.attempt === 0 ? "connecting" : "reconnecting");
    let ticket: string;
    try {
      ticket = (await this.deps.http.wsTicket(token)).ticket;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return this.expire();
      // No ticket route (404/405/501): this server has no socket; HTTP it is.
      if (error instanceof ApiError && [404, 405, 501].includes(error.status)) return this.useHttp();
      if (!(error instanceof NetworkError) && ++this.socketFailures >= SOCKET_GIVE_UP) return this.useHttp();
      return this.retryLater();
    }
    if (this.stopped) return;
    this.openSocket(ticket);
  }

  private openSocket(ticket: string): void {
    const Impl = this.deps.WebSocketImpl ?? WebSocket;
    const socket = new Impl(sinceUrl((this.deps.socketUrl ?? defaultSocketUrl)(ticket), this.deps.since));
    let opened = false;
    this.socket = socket;
    socket.onopen = () => {
      opened = true;
      this.attempt = 0;
      this.socketFailures = 0;
      this.setStatus("live");
      this.heard();
      this.pingTimer = setInterval(() => this.frame({ type: "ping" }), PING_EVERY_MS);
      this.restoring = false;
      const since = sinceParam(this.deps.since);
      if (this.lastMessageId) this.frame({ type: "resume", lastMessageId: this.lastMessageId, ...since });
      else if (this.deps.restore && !this.restored) {
        this.frame({ type: "resume", ...since });
        this.restoring = true;
      }
      this.restored = true;
      for (const message of this.queue) this.frame({ type: "message", ...message });
    };
    socket.onmessage = (event: MessageEvent) => {
      this.heard();
      const frame = parseServerFrame(event.data);
      if (!frame) return;
      switch (frame.type) {
        case "ping":
          return this.frame({ type: "pong" });
        case "typing":
          return this.setTyping(true);
        case "pong":
          return;
        case "reply":
          // Streamed: more may follow, and the message stays queued until its `turn` arrives.
          return this.emit({ type: "reply", id: frame.id, reply: frame.reply, final: false });
        case "turn":
          if (this.queue.some((m) => m.id === frame.turn.id)) return this.answered(frame.turn);
          // Replayed to restore the conversation: a turn said before, with its kept words, goes
          // back where it was. Missed while reconnecting, a turn said elsewhere goes at the end.
          if (frame.resumed && this.restoring) return this.answered(frame.turn, frame.said);
          if (frame.said) return this.elsewhere(frame.turn, frame.said);
          return this.answered(frame.turn);
        case "state":
          this.catchUp.heardNewer();
          return this.emit({
            type: "state",
            pendingConfirmation: frame.pendingConfirmation,
            handoff: frame.handoff,
            agent: frame.agent,
            ...(frame.pendingQuestion !== undefined ? { pendingQuestion: frame.pendingQuestion } : {}),
          });
        case "agent":
          return this.emit({ type: "agent", message: frame.message });
        case "agent_typing":
          return this.emit({ type: "agent_typing", on: frame.on, agentName: frame.agentName });
        case "history_erased":
          return this.emit({ type: "erased", by: frame.by });
        case "error":
          if (frame.error.code === "unauthorized") return this.expire();
          if (frame.id) this.drop(frame.id);
          this.setTyping(false);
          return this.emit({ type: "failed", id: frame.id, message: frame.error.message || "That didn't work. Please try again." });
      }
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.stopTimers();
      this.setTyping(false);
      if (this.stopped || this.status === "expired") return;
      if (!opened && ++this.socketFailures >= SOCKET_GIVE_UP) return this.useHttp();
      this.retryLater();
    };
  }

  private async flushHttp(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (!this.stopped && this.mode === "http" && this.queue.length > 0) {
        const message = this.queue[0]!;
        const token = this.deps.getToken();
        if (!token) return this.expire();
        this.setTyping(true);
        try {
          // With the sign-in: a confirmation from before it is not answered by this message.
          const turn = await this.deps.http.send(token, { ...message, ...sinceParam(this.deps.since) });
          this.attempt = 0;
          this.setStatus("http");
          this.answered({ ...turn, id: message.id });
        } catch (error) {
          this.setTyping(false);
          if (error instanceof ApiError && error.status === 401) return this.expire();
          if (error instanceof NetworkError || (error instanceof ApiError && (error.status >= 500 || error.status === 429))) {
            return this.retryLater();
          }
          // The server refused this message for good (invalid, conflict): say so, move on.
          this.drop(message.id);
          this.emit({ type: "failed", id: message.id, message: plainError(error) });
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  /** `said`: the customer's words as the server kept them, on a turn replayed to restore the conversation. */
  private answered({ id, reply, at }: ChatTurn, said?: SaidElsewhere): void {
    const replay = !this.queue.some((m) => m.id === id);
    if (!replay) this.setTyping(false);
    this.lastMessageId = id;
    this.shown.add(id);
    this.catchUp.heardNewer();
    // A socket delivers every turn in order; over HTTP the cursor stays the last read's.
    if (this.mode === "socket") this.catchUp.saw(id);
    this.drop(id);
    this.emit({ type: "reply", id, reply, final: true, ...(replay ? { replay, ...(said ? { said } : {}) } : {}), ...serverTime(at) });
  }

  /** A turn another tab or device sent: shown live; a reconnect resumes after it. */
  private elsewhere({ id, reply, at }: ChatTurn, said: SaidElsewhere): void {
    this.lastMessageId = id;
    this.shown.add(id);
    this.catchUp.heardNewer();
    this.catchUp.saw(id);
    this.emit({ type: "reply", id, reply, final: true, said, ...serverTime(at) });
  }

  /**
   * A turn read over HTTP: passed on unless this tab already shows it or is still sending it, with
   * the first later turn of the read that this tab shows (its own HTTP send), to go before it.
   */
  private caughtUp(kept: KeptTurn, restored: boolean, later: readonly KeptTurn[]): void {
    const { id, reply } = kept.turn;
    if (this.onScreen(id)) return;
    this.shown.add(id);
    this.lastMessageId = id;
    const when = serverTime(kept.at);
    if (restored) return this.emit({ type: "reply", id, reply, final: true, replay: true, said: kept.said, ...when });
    const before = later.find((t) => this.onScreen(t.turn.id))?.turn.id;
    this.emit({ type: "reply", id, reply, final: true, said: kept.said, ...when, ...(before ? { before } : {}) });
  }

  /** Shown, or sent from this tab and awaiting its answer. */
  private onScreen(id: string): boolean {
    return this.shown.has(id) || this.queue.some((m) => m.id === id);
  }

  private catchUpNow(): void {
    if (this.stopped || document.visibilityState === "hidden" || !navigator.onLine) return;
    this.catchUp.run().catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 401) this.expire();
      // Anything else: the next read tries again.
    });
  }

  private drop(id: string): void {
    const before = this.queue.length;
    this.queue = this.queue.filter((m) => m.id !== id);
    if (this.queue.length !== before) this.persist();
  }

  private persist(): void {
    this.deps.store.save(this.queue);
    this.emit({ type: "unsent", messages: [...this.queue] });
  }

  private useHttp(): void {
    this.mode = "http";
    this.attempt = 0;
    void this.connect();
  }

  private retryLater(): void {
    if (this.stopped) return;
    if (!navigator.onLine) return this.setStatus("offline");
    this.setStatus("reconnecting");
    const base = this.deps.retryBaseMs ?? 500;
    const delay = Math.min(MAX_RETRY_MS, base * 2 ** this.attempt) * (0.5 + Math.random() / 2);
    this.attempt++;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.connect(), delay);
  }

  private expire(): void {
    this.setStatus("expired");
    this.stop();
  }

  private heard(): void {
    clearTimeout(this.silenceTimer);
    this.silenceTimer = setTimeout(() => this.socket?.close(), SILENCE_MS);
  }

  private frame(frame: ClientFrame): void {
    this.socket?.send(JSON.stringify(frame));
  }

  private closeSocket(): void {
    const socket = this.socket;
    this.socket = null;
    this.stopTimers();
    this.setTyping(false);
    socket?.close();
  }

  private stopTimers(): void {
    clearTimeout(this.silenceTimer);
    clearInterval(this.pingTimer);
  }

  private setTyping(on: boolean): void {
    clearTimeout(this.typingTimer);
    if (on) this.typingTimer = setTimeout(() => this.emit({ type: "typing", on: false }), TYPING_MAX_MS);
    this.emit({ type: "typing", on });
  }

  private setStatus(status: ConnectionStatus): void {
    if (this.status === status) return;
    this.status = status;
    this.emit({ type: "status", status });
  }

  private emit(event: ConnectionEvent): void {
    this.deps.onEvent(event);
  }
}

/** A turn's server time (ISO) as epoch ms, when it has a valid one: every tab shows the same minute. */
function serverTime(at: unknown): { at?: number } {
  const ms = typeof at === "string" ? Date.parse(at) : NaN;
  return Number.isFinite(ms) ? { at: ms } : {};
}

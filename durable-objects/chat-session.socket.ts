import { sinceMs } from "../packages/contract/since.js";
import { MESSAGE_ID_PATTERN, type ChatMessageInput, type ChatTurn, type ChatTurnResult } from "../packages/contract/chat.js";
import { describeIssues, type RpcResult } from "../packages/contract/errors.js";
import { pendingQuestion, shownBefore, type Reply } from "../packages/dialogue/index.js";
import type { Db } from "../packages/db/client.js";
import { customerActive, transcriptTurn } from "../packages/conversation/turn.js";
import { redactText } from "../packages/redaction/redact.js";
import { mayConfirm } from "../packages/contract/may-confirm.js";
import { MAX_FRAME_BYTES, type ClientFrame, type SaidElsewhere, type ServerFrame } from "../packages/contract/frames.js";
import { encodeTicket, ticketSecret } from "../packages/contract/ticket.js";
import { toBase64Url } from "../packages/encoding/base64.js";
import { parseStrictJson, repeatedKeyMessage } from "../packages/encoding/strict-json.js";
import type { ChatSessionStore } from "./chat-session.storage.js";
import type { TranscriptCipher } from "./transcript-cipher.js";
import { admitToBudget } from "./socket-budget.js";
import { openKeptTurn } from "./chat-session.turns.js";
import { CLOSE_CUSTOMER_DISABLED, CLOSE_TOKEN_EXPIRED, socketAuth, statusDue, tokenExpired, type SocketAuth } from "./socket-guard.js";
import type * as ChatSchema from "../packages/contract/chat.schema.js";
import { lazyModule } from "../packages/lazy-module/lazy-module.js";

const chatSchema = lazyModule((): Promise<typeof ChatSchema> => import("../packages/contract/chat.schema.js"));

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
 * SOCKET_RATE_LIMIT_SCALE multiplies both socket budgets, as local stacks scale the gateway's
 * limits (benchmarks drive many turns a minute per customer); a whole number ≥ 1, default 1.
 */
export function socketLimitScale(env: { SOCKET_RATE_LIMIT_SCALE?: string }): number {
  const scale = Number(env.SOCKET_RATE_LIMIT_SCALE);
  return Number.isInteger(scale) && scale >= 1 ? scale : 1;
}

/** What the ChatSession lends its sockets: its storage, cipher, database, lock and turn. */
export interface SocketHost {
  readonly ctx: DurableObjectState;
  readonly store: ChatSessionStore;
  readonly cipher: TranscriptCipher;
  openDb(): { db: () => Promise<Db>; end(): Promise<void> };
  /** One turn, after the one before it, under the turn deadline: past it an error frame with code `timeout`. */
  turn(customerId: string, message: ChatMessageInput, onReply?: (reply: Reply) => void): Promise<RpcResult<ChatTurnResult>>;
  /** The first name of the agent holding the conversation, if any. */
  agentFirstName(): string | null;
  /** socketLimitScale of the environment. */
  readonly limitScale: number;
}

/**
 * The customer's WebSockets (hibernation API): the single-use ticket that opens one, the upgrade,
 * each frame (resume, a message, its budget), and the state frame. ChatSession's socket handlers
 * delegate here.
 */
export class SessionSockets {
  constructor(private readonly host: SocketHost) {}

  /** A single-use, one-minute ticket that lets a browser open the WebSocket without a header. */
  createTicket(customerId: string, tokenValidUntil?: number): { ticket: string; expiresAt: number } {
    const secret = toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
    const expiresAt = Date.now() + TICKET_TTL_MS;
    this.host.store.addTicket(secret, expiresAt, tokenValidUntil);
    return { ticket: encodeTicket(customerId, secret), expiresAt };
  }

  /** The WebSocket upgrade, already routed here by the ticket's customer id. */
  upgrade(request: Request): Response {
    if (request.headers.get("upgrade")?.toLowerCase() !== "websocket") {
      return Response.json({ error: { code: "bad_request", message: "expected a WebSocket upgrade" } }, { status: 426 });
    }
    const secret = ticketSecret(new URL(request.url).searchParams.get("ticket") ?? "");
    const taken = this.host.store.takeTicket(secret, Date.now());
    if (!taken) {
      return Response.json({ error: { code: "unauthorized", message: "the ticket is unknown, used or expired" } }, { status: 401 });
    }
    const pair = new WebSocketPair();
    this.host.ctx.acceptWebSocket(pair[1]);
    // The gateway validated `since`; its first state frame is already this sign-in's.
    const since = sinceMs(new URL(request.url).searchParams.get("since") ?? undefined);
    pair[1].serializeAttachment({ tokenValidUntil: taken.tokenValidUntil, statusCheckedAt: Date.now(), ...(since > 0 ? { sinceMs: since } : {}) } satisfies SocketAuth);
    this.sendState(pair[1]);
    return new Response(null, { status: 101, webSocket: pair[0] });
  }

  async message(ws: WebSocket, data: string | ArrayBuffer): Promise<void> {
    const { store } = this.host;
    const size = typeof data === "string" ? data.length * 3 : data.byteLength;
    if (typeof data !== "string" || size > MAX_FRAME_BYTES) {
      return send(ws, { type: "error", error: { code: "bad_request", message: `send JSON text frames of at most ${MAX_FRAME_BYTES} bytes` } });
    }
    // The frame schema (and zod) load on an isolate's first frame, not at its startup.
    const { clientFrameSchema } = await chatSchema();
    const json = parseStrictJson(data);
    if (!json.ok) {
      const message = json.reason === "duplicate_key" ? repeatedKeyMessage("frame", json.key) : "the frame is not valid JSON";
      return send(ws, { type: "error", error: { code: "invalid_json", message } });
    }
    const frame = clientFrameSchema().safeParse(json.value);
    if (!frame.success) {
      // A refused message still names its id when that id is well formed, so the client can
      // tell which message was refused instead of waiting for an answer that never comes.
      const id = (json.value as { id?: unknown } | null)?.id;
      const named = typeof id === "string" && MESSAGE_ID_PATTERN.test(id) ? { id } : {};
      return send(ws, { type: "error", ...named, error: { code: "validation_failed", message: describeIssues(frame.error.issues) } });
    }
    const parsed: ClientFrame = frame.data;
    const customerId = store.getMeta("customer_id");
    if (!customerId) return ws.close(1011, "session has no customer");
    if (parsed.type === "pong") return;
    if (await this.socketRefused(ws, customerId)) return;
    if (parsed.type === "resume") {
      if (parsed.since !== undefined) rememberSince(ws, sinceMs(parsed.since));
      const { db, end } = this.host.openDb();
      try {
        // With the customer's words as kept (redacted): a page restoring the conversation shows
        // what was said in other tabs and devices too, not only Teller's answers.
        for (const sealed of store.turnsAfter(parsed.lastMessageId, RESUME_LIMIT, sinceMs(parsed.since))) {
          const opened = await openKeptTurn(sealed, (value) => this.host.cipher.open(customerId, db, value));
          if (!opened) continue;
          send(ws, { type: "turn", turn: opened.turn, ...(opened.said !== undefined ? { said: { text: opened.said } } : {}), resumed: true });
        }
      } finally {
        await end();
      }
      return this.sendState(ws);
    }
    if (!this.admitSocketMessage("socket_budget", SOCKET_MESSAGES_PER_MINUTE * this.host.limitScale, Date.now())) {
      return send(ws, { type: "error", id: parsed.id, error: { code: "rate_limited", message: "too many messages; wait a minute" } });
    }
    if (mayConfirm(parsed) && !this.admitSocketMessage("socket_money_budget", SOCKET_MONEY_TURNS_PER_MINUTE * this.host.limitScale, Date.now())) {
      return send(ws, { type: "error", id: parsed.id, error: { code: "rate_limited", message: "too many money requests; wait a minute" } });
    }
    send(ws, { type: "typing", id: parsed.id });
    const since = parsed.since ?? socketSince(ws);
    const message: ChatMessageInput = { id: parsed.id, text: parsed.text, ...(parsed.confirmation ? { confirmation: parsed.confirmation } : {}), ...(since ? { since } : {}) };
    const result = await this.host.turn(customerId, message, (reply) => send(ws, { type: "reply", id: parsed.id, reply, final: false }));
    if (result.ok) {
      // No gateway request line covers a socket frame: the turn logs its own decision.
      if (result.value.decision) console.log(JSON.stringify({ msg: "socket turn", intentDecision: result.value.decision }));
      send(ws, { type: "turn", turn: result.value.turn });
      this.mirror(message, result.value.turn, ws);
    } else {
      send(ws, { type: "error", id: parsed.id, error: { code: result.code, message: result.message } });
      if (result.code === "forbidden") return ws.close(CLOSE_CUSTOMER_DISABLED, "customer disabled");
    }
    this.broadcastState();
  }

  /**
   * A turn to the customer's other open sockets (other tabs, other devices), with their words:
   * every open chat shows the conversation as it happens, so a confirmation shown in one is shown
   * in all, and a "yes" typed anywhere answers a question the customer can see there. The same
   * redacted text and reply the transcript keeps. `from`: the socket that sent it, if any.
   */
  mirror(message: ChatMessageInput, turn: ChatTurn, from?: WebSocket): void {
    const others = this.host.ctx.getWebSockets().filter((ws) => ws !== from);
    if (others.length === 0) return;
    const said: SaidElsewhere = { text: redactText(message.text), ...(message.confirmation ? { confirmation: message.confirmation } : {}) };
    const frame: ServerFrame = { type: "turn", turn: transcriptTurn(turn), said };
    for (const ws of others) send(ws, frame);
  }

  close(ws: WebSocket, code: number): void {
    // 1005, 1006 and 1015 only report what happened; close() refuses them.
    ws.close(code === 1005 || code === 1006 || code === 1015 ? 1000 : code, "closing");
  }

  sendState(ws: WebSocket): void {
    send(ws, this.state(socketAuth(ws)?.sinceMs ?? 0));
  }

  /**
   * What is awaiting a yes/no, or the question a task waits on (a tab opened after it was asked
   * shows it), and whether a person is involved (HTTP catch-up reads it too). `readerSinceMs`: the
   * reader's sign-in; what was last shown before it is not this reader's (a shared device).
   */
  state(readerSinceMs = 0): Extract<ServerFrame, { type: "state" }> {
    const state = this.host.store.loadState();
    const task = state.task;
    const unseen = shownBefore(state, readerSinceMs);
    const confirmation = task && task.kind !== "lookup" && !unseen ? task.confirmation : null;
    const now = Date.now();
    return {
      type: "state",
      pendingConfirmation: confirmation && confirmation.expiresAt > now ? confirmation : null,
      pendingQuestion: unseen ? null : pendingQuestion(state, now),
      handoff: state.handoff !== null,
      agent: this.host.agentFirstName(),
    };
  }

  /** The state frame to every open socket. */
  /**
   * The conversation was erased (from another tab or device, or by the bank): every open socket
   * empties it, the one whose tab asked too (its page cleared it already and ignores this).
   */
  erased(by: "customer" | "operator"): void {
    for (const ws of this.host.ctx.getWebSockets()) send(ws, { type: "history_erased", by });
    this.broadcastState();
  }

  broadcastState(): void {
    for (const ws of this.host.ctx.getWebSockets()) this.sendState(ws);
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
    const { db, end } = this.host.openDb();
    try {
      return await customerActive(db, customerId);
    } finally {
      await end();
    }
  }

  /** A sliding one-minute window kept in storage, so an eviction does not reset the budget. */
  private admitSocketMessage(key: string, perMinute: number, now: number): boolean {
    const { store } = this.host;
    const decision = admitToBudget(store.getMeta(key), perMinute, now);
    if (decision.admitted) store.setMeta(key, JSON.stringify(decision.buckets));
    return decision.admitted;
  }
}

/** The socket's page's sign-in, as its messages carry it. */
function socketSince(ws: WebSocket): string | undefined {
  const ms = socketAuth(ws)?.sinceMs;
  return ms ? new Date(ms).toISOString() : undefined;
}

/** A resume names the page's sign-in: the socket's later state frames and messages go by it. */
function rememberSince(ws: WebSocket, ms: number): void {
  const auth = socketAuth(ws);
  if (auth && ms > 0) ws.serializeAttachment({ ...auth, sinceMs: ms } satisfies SocketAuth);
}

/** One frame to one socket; a socket that closed meanwhile is skipped. */
export function send(ws: WebSocket, frame: ServerFrame): void {
  try {
    ws.send(JSON.stringify(frame));
  } catch {
    // The socket closed meanwhile; a reconnecting client resumes from the stored turns.
  }
}

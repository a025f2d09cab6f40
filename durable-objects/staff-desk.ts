import { DurableObject } from "cloudflare:workers";
import type { StaffDeskFrame } from "../packages/contract/handoff.js";
import type { Staff } from "../packages/contract/handoff.js";
import { PING_FRAME, PONG_FRAME } from "../packages/contract/frames.js";
import { CLOSE_TOKEN_EXPIRED } from "./socket-guard.js";

const TICKET_TTL_MS = 60_000;

interface DeskSocket {
  staff: Staff;
  tokenValidUntil: number | null;
}

/**
 * The staff desk: one object (named "desk") holding every signed-in agent's WebSocket with the
 * hibernation API, so idle agents cost nothing. It only pushes: the queue's truth is Postgres
 * (`handoffs`), a conversation's is its ChatSession. A changed queue is announced to everyone
 * (agents then read GET /api/staff/queue, filtered for them); a conversation's messages go only
 * to the agent holding it and to supervisors.
 */
export class StaffDesk extends DurableObject<object> {
  constructor(ctx: DurableObjectState, env: object) {
    super(ctx, env);
    ctx.storage.sql.exec("CREATE TABLE IF NOT EXISTS tickets (secret TEXT PRIMARY KEY, staff TEXT NOT NULL, expires_at INTEGER NOT NULL, token_valid_until INTEGER)");
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(PING_FRAME, PONG_FRAME));
  }

  /** A single-use, one-minute ticket for the desk socket (browsers cannot send a bearer header). */
  async createTicket(staff: Staff, tokenValidUntil?: number): Promise<{ ticket: string; expiresAt: number }> {
    const now = Date.now();
    const secret = base64url(crypto.getRandomValues(new Uint8Array(32)));
    const expiresAt = now + TICKET_TTL_MS;
    this.ctx.storage.sql.exec("DELETE FROM tickets WHERE expires_at < ?", now);
    this.ctx.storage.sql.exec("INSERT INTO tickets VALUES (?, ?, ?, ?)", secret, JSON.stringify(staff), expiresAt, tokenValidUntil ?? null);
    return { ticket: `desk.${secret}`, expiresAt };
  }

  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get("upgrade")?.toLowerCase() !== "websocket") {
      return Response.json({ error: { code: "bad_request", message: "expected a WebSocket upgrade" } }, { status: 426 });
    }
    const secret = new URL(request.url).searchParams.get("ticket")?.split(".")[1] ?? "";
    const row = this.ctx.storage.sql
      .exec<{ staff: string; expires_at: number; token_valid_until: number | null }>("DELETE FROM tickets WHERE secret = ? RETURNING staff, expires_at, token_valid_until", secret)
      .toArray()[0];
    if (!row || row.expires_at < Date.now()) {
      return Response.json({ error: { code: "unauthorized", message: "the ticket is unknown, used or expired" } }, { status: 401 });
    }
    const pair = new WebSocketPair();
    this.ctx.acceptWebSocket(pair[1]);
    pair[1].serializeAttachment({ staff: JSON.parse(row.staff) as Staff, tokenValidUntil: row.token_valid_until } satisfies DeskSocket);
    return new Response(null, { status: 101, webSocket: pair[0] });
  }

  /** Everyone re-reads the queue. */
  async queueChanged(): Promise<void> {
    this.send(() => true, { type: "queue_changed" });
  }

  /** A conversation's frame: to the agent holding it and to supervisors. */
  async toHolder(_handoffId: string, agentId: string | null, frame: StaffDeskFrame): Promise<void> {
    this.send((staff) => staff.role === "supervisor" || staff.id === agentId, frame);
  }

  override async webSocketMessage(ws: WebSocket): Promise<void> {
    // Staff act over HTTP (validated, rate-limited, audited); the socket only listens.
    this.guard(ws, Date.now());
  }

  override async webSocketClose(ws: WebSocket, code: number): Promise<void> {
    ws.close(code === 1005 || code === 1006 || code === 1015 ? 1000 : code, "closing");
  }

  private send(to: (staff: Staff) => boolean, frame: StaffDeskFrame): void {
    const text = JSON.stringify(frame);
    const now = Date.now();
    for (const ws of this.ctx.getWebSockets()) {
      const desk = this.guard(ws, now);
      if (!desk || !to(desk.staff)) continue;
      try {
        ws.send(text);
      } catch {
        // Closed meanwhile; the page reloads the queue when it reconnects.
      }
    }
  }

  /** A socket outlives neither its token: an expired one closes (4401) instead of listening on. */
  private guard(ws: WebSocket, now: number): DeskSocket | undefined {
    let desk: DeskSocket | null = null;
    try {
      desk = ws.deserializeAttachment() as DeskSocket | null;
    } catch {
      desk = null;
    }
    if (!desk || (desk.tokenValidUntil !== null && now >= desk.tokenValidUntil)) {
      try {
        ws.close(CLOSE_TOKEN_EXPIRED, "token expired");
      } catch {
        // already closed
      }
      return undefined;
    }
    return desk;
  }
}

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

import { Hono } from "hono";
import * as z from "zod"; // the namespace import tree-shakes; `{ z }` pulls in every locale (~700 KiB)
import type { GatewayEnv } from "./env.js";
import type { AuthVariables } from "./auth/index.js";
import type { ChatTurnResult, TurnsPage } from "../../packages/contract/chat.js";
import { chatMessageFields, sinceField, turnsQuerySchema } from "../../packages/contract/chat.schema.js";
import { TICKET_PATTERN } from "../../packages/contract/ticket.js";
import { describeIssues, type RpcResult } from "../../packages/contract/errors.js";
import { jsonError, upgradeOrRefusal } from "./errors.js";
import { readJson } from "./json-body/index.js";
import { limitChatTurn, settleLimits } from "./rate-limit.js";

export const SendMessageRequest = z.strictObject(chatMessageFields());

// A 2,000-character message is at most 8,000 UTF-8 bytes, plus the id and JSON punctuation.
const MAX_BODY_BYTES = 16 * 1024;

export function chatRoutes() {
  const app = new Hono<{ Bindings: GatewayEnv; Variables: AuthVariables }>();

  app.post("/messages", async (c) => {
    const body = await readJson(c, SendMessageRequest, MAX_BODY_BYTES);
    if (body instanceof Response) return (await settleLimits(c)) ?? body;
    // Waits for the turn's limits (per IP, chat, and money for a "yes"), asked at once: nothing
    // reaches the chat Worker before all of them let it through.
    const refused = await limitChatTurn(c, body);
    if (refused) return refused;
    // Annotated: RPC stubs wrap results in a type that defeats union narrowing.
    const result: RpcResult<ChatTurnResult> = await c.env.CHAT.sendMessage(c.get("customerId"), body);
    if (!result.ok) return jsonError(c, result.status, result.code, result.message);
    if (result.value.decision) c.set("intentDecision", result.value.decision);
    return c.json(result.value.turn);
  });

  // Hand-off to people: leave the queue; read what the bank's people said (HTTP clients).
  app.post("/handoff/leave", async (c) => {
    const result: RpcResult<{ handoffId: string }> = await c.env.CHAT.leaveHandoff(c.get("customerId"));
    if (!result.ok) return jsonError(c, result.status, result.code, result.message);
    return c.json({ left: true, ...result.value });
  });
  app.get("/agent-messages", async (c) => {
    const after = c.req.query("after") ?? "0";
    if (!/^\d{1,9}$/.test(after)) return jsonError(c, 400, "validation_failed", "after: a message sequence number (0 or more)");
    const since = sinceField().safeParse(c.req.query("since"));
    if (!since.success) return jsonError(c, 400, "validation_failed", `since: ${since.error.issues[0]?.message ?? "must be an ISO 8601 instant"}`);
    return c.json(await c.env.CHAT.agentMessages(c.get("customerId"), Number(after), since.data));
  });

  // Catching up without a socket (or after one closed): the kept turns after a point.
  app.get("/turns", async (c) => {
    const query = turnsQuerySchema().safeParse(c.req.query());
    if (!query.success) return jsonError(c, 400, "validation_failed", describeIssues(query.error.issues));
    // 504 `timeout` past the session's deadline (a hung Postgres call, or a lock held that long).
    const result: RpcResult<TurnsPage> = await c.env.CHAT.turns(c.get("customerId"), query.data);
    if (!result.ok) return jsonError(c, result.status, result.code, result.message);
    return c.json(result.value);
  });

  // The socket lives no longer than the token that opened it: the session closes it at expiry.
  app.post("/ws-ticket", async (c) => c.json(await c.env.CHAT.createSocketTicket(c.get("customerId"), c.get("tokenValidUntil"))));

  return app;
}

/**
 * The WebSocket upgrade. Browsers cannot set an Authorization header on a WebSocket, so this one
 * route is authenticated by a single-use, one-minute ticket from POST /api/chat/ws-ticket instead
 * of the bearer token (which never goes into a URL).
 */
export function chatSocketRoute() {
  const app = new Hono<{ Bindings: GatewayEnv; Variables: AuthVariables }>();
  app.get("/", async (c) => {
    if (c.req.header("upgrade")?.toLowerCase() !== "websocket") {
      return jsonError(c, 426, "bad_request", "this route only accepts WebSocket upgrades");
    }
    if (!TICKET_PATTERN.test(c.req.query("ticket") ?? "")) {
      return jsonError(c, 401, "unauthorized", "ticket: get one from POST /api/chat/ws-ticket");
    }
    // The page's sign-in: its first state frame already leaves out what waits from before it.
    const since = sinceField().safeParse(c.req.query("since"));
    if (!since.success) return jsonError(c, 400, "validation_failed", `since: ${since.error.issues[0]?.message ?? "must be an ISO 8601 instant"}`);
    return upgradeOrRefusal(c, await c.env.CHAT.fetch(c.req.raw));
  });
  return app;
}

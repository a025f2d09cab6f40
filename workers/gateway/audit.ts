import type { Context, MiddlewareHandler } from "hono";
import type { ChatEvent, ChatEventType } from "../../packages/contract/events.js";
import { logJson, scrubForLog } from "../../packages/logging/log.js";
import type { AuthVariables, GatewayEnv } from "./env.js";

type GatewayContext = Context<{ Bindings: GatewayEnv; Variables: AuthVariables }>;

/** The audit log's customer id for events with no verified customer (a refused token). */
export const ANONYMOUS = "anonymous";

/**
 * Queues a security event for the audit log (the chat Worker's consumer stores it in
 * `chat_events`). Sent after the response with waitUntil: auditing must not slow or fail the
 * request. A failed send is retried, then handed to a ChatSession outbox (durable storage, sent by
 * its alarm and kept until Postgres holds it), so an audit event is stored eventually. Payloads carry
 * ids and outcomes, never a token or free text.
 */
export function audit(c: GatewayContext, type: ChatEventType, customerId: string, payload: Record<string, unknown>): void {
  const queue = c.env.AUDIT_EVENTS;
  const requestId = c.get("requestId");
  if (!queue) {
    logJson("warn", "audit event dropped: no AUDIT_EVENTS binding", { requestId, type });
    return;
  }
  const event: ChatEvent = {
    id: crypto.randomUUID(),
    type,
    customerId,
    occurredAt: new Date().toISOString(),
    payload: { ...payload, requestId, method: c.req.method, route: c.req.routePath, ip: clientIp(c) ?? null },
  };
  const sending = sendWithRetry(queue, event).catch(async (error: unknown) => {
    logJson("warn", "audit event not queued; parked in an outbox", { requestId, type, error: scrubForLog(String(error)) });
    try {
      await c.env.CHAT.parkAuditEvent(event);
    } catch (parkError) {
      logJson("error", "audit event lost", { requestId, type, error: scrubForLog(String(parkError)) });
    }
  });
  try {
    c.executionCtx.waitUntil(sending);
  } catch {
    // No execution context (a bare app.request in a test): the send still runs.
  }
}

const SEND_RETRY_DELAYS_MS = [50, 250];

async function sendWithRetry(queue: Queue, event: ChatEvent): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await queue.send(event);
      return;
    } catch (error) {
      const delay = SEND_RETRY_DELAYS_MS[attempt];
      if (delay === undefined) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/** The client's address as Cloudflare's edge saw it; clients cannot set this header themselves. */
export function clientIp(c: Context): string | undefined {
  return c.req.header("cf-connecting-ip") || undefined;
}

/**
 * Audits the REST API's money and card writes (the chat path audits its own in the ChatSession):
 * outcome, status and ids, read from the response after the handler ran, so the banking routes
 * need no audit code. Refusals are audited too — a run of 404s on card ids is how BOLA probing
 * shows up.
 */
export function auditBankingWrites(): MiddlewareHandler<{ Bindings: GatewayEnv; Variables: AuthVariables }> {
  return async (c, next) => {
    await next();
    if (c.req.method !== "POST") return;
    const path = c.req.path;
    const card = /^\/api\/cards\/([^/]+)\/(freeze|unfreeze)$/.exec(path);
    if (path !== "/api/transfers" && !card) return;
    const ok = c.res.status < 400;
    const body = (await c.res
      .clone()
      .json()
      .catch(() => ({}))) as Record<string, unknown> & { error?: { code?: string } };
    const outcome = { ok, status: c.res.status, ...(ok ? {} : { error: body.error?.code ?? "unknown" }) };
    if (card) {
      audit(c, "audit.card", c.get("customerId"), { source: "api", action: card[2], cardId: card[1]!.slice(0, 64), ...outcome });
      return;
    }
    audit(c, "audit.transfer", c.get("customerId"), {
      source: "api",
      ...outcome,
      ...(ok
        ? {
            transferId: body.id,
            fromAccountId: body.fromAccountId,
            toAccountId: body.toAccountId,
            toPayeeId: body.toPayeeId,
            amount: body.amount,
            replayed: c.res.headers.get("idempotent-replayed") === "true",
          }
        : {}),
    });
  };
}

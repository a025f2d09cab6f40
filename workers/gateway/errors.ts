import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { errorBody, type ErrorCode } from "../../packages/contract/errors.js";

/**
 * Every error response: `{"error": {"code", "message", "requestId"}}`, never a stack trace. The
 * request log line names the code, and `cause` (a fixed snake_case word, never data) where one
 * code has several causes: each 503 the gateway makes itself says which check could not be made.
 */
export function jsonError(c: Context, status: number, code: ErrorCode, message: string, cause?: string): Response {
  const requestId = c.get("requestId") as string | undefined;
  c.set("errorCode", code);
  if (cause !== undefined) c.set("errorCause", cause);
  return c.json(errorBody(code, message, requestId), status as ContentfulStatusCode);
}

/**
 * The answer to a WebSocket upgrade forwarded to a Worker behind the gateway: the upgrade itself
 * when it switched protocols, else that Worker's refusal (a spent or unknown ticket) in the
 * gateway's error shape.
 */
export async function upgradeOrRefusal(c: Context, upstream: Response): Promise<Response> {
  if (upstream.status === 101) return upstream;
  const body = (await upstream.json().catch(() => ({}))) as { error?: { code?: ErrorCode; message?: string } };
  return jsonError(c, upstream.status, body.error?.code ?? "unauthorized", body.error?.message ?? "the ticket was refused");
}

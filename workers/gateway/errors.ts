import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { errorBody, type ErrorCode } from "../../packages/contract/errors.js";

/** Every error response: `{"error": {"code", "message", "requestId"}}`, never a stack trace. */
export function jsonError(c: Context, status: number, code: ErrorCode, message: string): Response {
  const requestId = c.get("requestId") as string | undefined;
  return c.json(errorBody(code, message, requestId), status as ContentfulStatusCode);
}

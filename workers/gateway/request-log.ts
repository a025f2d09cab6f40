import type { MiddlewareHandler } from "hono";
import { hashForLog, logJson } from "../../packages/logging/log.js";
import type { GatewayEnv } from "./env.js";
import type { AuthVariables } from "./auth/index.js";
import { logSalt } from "./config.js";

/**
 * One structured line per request: id, method, route pattern (never the raw path or query, which
 * hold ids and search text), status, latency, and the customer as a keyed hash. Never a header,
 * a body or a token.
 */
export function requestLog(): MiddlewareHandler<{ Bindings: GatewayEnv; Variables: AuthVariables }> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const level = c.res.status >= 500 ? "error" : "info";
    // LOG_LEVEL=warn (the test Worker) keeps routine request lines out of test output.
    if (level === "info" && c.env.LOG_LEVEL === "warn") return;
    const customerId = c.get("customerId");
    const decision = c.get("intentDecision");
    logJson(level, "request", {
      requestId: c.get("requestId"),
      method: c.req.method,
      route: c.req.routePath,
      status: c.res.status,
      // Workers freeze timers between I/O: this is time spent waiting on I/O, which is the latency.
      latencyMs: Math.round(performance.now() - started),
      customer: customerId ? await hashForLog(customerId, logSalt(c.env)) : undefined,
      authFailure: c.get("authFailure"),
      rateLimited: c.get("rateLimited"),
      errorCode: c.get("errorCode"),
      errorCause: c.get("errorCause"),
      // Chat turns: which path decided the intent (local model, Workers AI or fallback).
      intent: decision?.intent,
      intentDecidedBy: decision?.decidedBy,
      intentReason: decision?.reason,
      localIntent: decision?.localIntent,
      localConfidence: decision ? Math.round(decision.localConfidence * 1000) / 1000 : undefined,
    });
  };
}

import type { MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import type { GatewayEnv } from "./env.js";
import { gatewayConfig } from "./config.js";

/**
 * The web app's policy: no inline script or style, nothing from other origins, no framing. It
 * matches web/public/_headers, which the assets layer applies to static files (those never reach
 * the Worker, see docs/security.md); this one covers HTML the Worker itself returns.
 */
export const HTML_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
/** API responses are data: nothing in them may load, run or be framed. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const ALWAYS: Record<string, string> = {
  "Strict-Transport-Security": "max-age=63072000; includeSubDomains",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
};

/**
 * A fresh id for every request, in logs, audit events, error bodies and X-Request-Id. An id sent
 * by the client is ignored: it would let a caller forge or collide entries in the logs.
 */
export function assignRequestId(): MiddlewareHandler<{ Bindings: GatewayEnv; Variables: { requestId: string } }> {
  return async (c, next) => {
    c.set("requestId", crypto.randomUUID());
    await next();
  };
}

/** Security headers on every response the Worker sends, errors and proxied assets included. */
export function securityHeaders(): MiddlewareHandler<{ Bindings: GatewayEnv; Variables: { requestId: string } }> {
  return async (c, next) => {
    await next();
    // A WebSocket upgrade's 101 carries the socket; copying the response would drop it.
    if (c.res.status === 101) return;
    const requestId = c.get("requestId");
    // Set in place on the route's own response: copying it (and hono copying it again on
    // assignment) cost more CPU than the rest of an unauthenticated request's middleware.
    try {
      setSecurityHeaders(c.res.headers, requestId);
    } catch {
      // Responses from fetch (assets) and Response.redirect have immutable headers (TypeError on
      // the first set, before any header changed): copy once. Unset first, or hono's setter
      // would copy the copy and all its headers again.
      const copy = new Response(c.res.body, c.res);
      setSecurityHeaders(copy.headers, requestId);
      c.res = undefined;
      c.res = copy;
    }
  };
}

const ALWAYS_ENTRIES = Object.entries(ALWAYS);

function setSecurityHeaders(headers: Headers, requestId: string): void {
  for (const [name, value] of ALWAYS_ENTRIES) headers.set(name, value);
  headers.set("X-Request-Id", requestId);
  const html = (headers.get("content-type") ?? "").startsWith("text/html");
  if (!headers.has("content-security-policy")) headers.set("Content-Security-Policy", html ? HTML_CSP : API_CSP);
  // Account data must not sit in a shared or browser cache.
  if (!html && !headers.has("cache-control")) headers.set("Cache-Control", "no-store");
}

/**
 * CORS for the one configured web origin (WEB_ORIGIN); any other origin gets no
 * Access-Control-Allow-Origin and the browser keeps its response from the page. No credentials
 * mode: the API authenticates with a bearer header, never cookies.
 */
export function corsForWebOrigin(): MiddlewareHandler<{ Bindings: GatewayEnv }> {
  const corsMiddleware = cors({
    origin: (origin, c) => (origin && origin === gatewayConfig(c.env as GatewayEnv).webOrigin ? origin : null),
    allowMethods: ["GET", "POST", "DELETE"],
    allowHeaders: ["Authorization", "Content-Type", "Idempotency-Key"],
    exposeHeaders: ["X-Request-Id", "Retry-After", "Location", "Idempotent-Replayed"],
    maxAge: 600,
  });
  // A request without Origin is not a cross-origin browser request (the same-origin web app's
  // GETs, servers): it needs no CORS headers, and skipping the middleware saves a pre-built
  // Response per request.
  return (c, next) => (c.req.header("origin") === undefined ? next() : corsMiddleware(c, next));
}

import type { Context, MiddlewareHandler } from "hono";
import { setBounded } from "../../packages/bounded-map/bounded-map.js";
import { logJson } from "../../packages/logging/log.js";
import type { GatewayEnv } from "./env.js";
import type { AuthVariables } from "./auth/index.js";
import { ANONYMOUS, audit, clientIp } from "./audit.js";
import { jsonError } from "./errors.js";
import { mayConfirm } from "../../packages/contract/may-confirm.js";

type Env = { Bindings: GatewayEnv; Variables: AuthVariables };
export type LimiterName = "RL_IP" | "RL_READ" | "RL_CHAT" | "RL_MONEY";

/**
 * The limiters' windows, in seconds. They must match `simple.period` in wrangler.toml (the binding
 * does not expose it): Retry-After is the whole window, the longest a client can have to wait.
 */
export const LIMITER_PERIOD_SECONDS: Record<LimiterName, number> = {
  RL_IP: 60,
  RL_READ: 60,
  RL_CHAT: 60,
  RL_MONEY: 60,
};

/**
 * Per client IP, before any token is verified: floods of junk tokens or logins are stopped before
 * they cost a signature check. Keyed on CF-Connecting-IP, which Cloudflare's edge sets on every
 * request and clients cannot forge (X-Forwarded-For can be, so it is never used). A request
 * without it never came through the edge (a local test harness): it is not limited per IP.
 */
export function limitByClientIp(): MiddlewareHandler<Env> {
  return async (c, next) => {
    const ip = clientIp(c);
    if (ip) {
      const refused = await enforce(c, "RL_IP", `ip:${ip}`, ANONYMOUS);
      if (refused) return refused;
    }
    await next();
  };
}

/**
 * Per customer (the token's `sub`), after authentication, with tighter limits where a request
 * does more: moving money or changing a card, then chat turns (each runs NLU and may call a
 * model), then everything else.
 */
export function limitByCustomer(): MiddlewareHandler<Env> {
  return async (c, next) => {
    const customerId = c.get("customerId");
    const limiter = limiterFor(c.req.method, c.req.path);
    const refused = await enforce(c, limiter, `${limiter}:${customerId}`, customerId);
    if (refused) return refused;
    await next();
  };
}

/**
 * A chat turn that may move money (a Yes button, or a short typed yes) also counts against the
 * money limit, as POST /api/transfers does: chat must not be a way around it. Called by the chat
 * route once the body is parsed; refuses with 429 (or 503 when the limiter fails).
 */
export function limitMoneyTurn(c: Context<Env>, message: { text: string; confirmation?: { answer: string } | undefined }): Promise<Response | undefined> {
  if (!mayConfirm(message)) return Promise.resolve(undefined);
  const customerId = c.get("customerId");
  return enforce(c, "RL_MONEY", `RL_MONEY:${customerId}`, customerId);
}

export function limiterFor(method: string, path: string): LimiterName {
  if (method === "POST" && (path === "/api/transfers" || /^\/api\/cards\/[^/]+\/(freeze|unfreeze)$/.test(path))) return "RL_MONEY";
  if (method === "DELETE" && path.startsWith("/api/scheduled-transfers/")) return "RL_MONEY";
  if (method === "POST" && path.startsWith("/api/chat/")) return "RL_CHAT";
  return "RL_READ";
}

export async function enforce(c: Context<Env>, name: LimiterName, key: string, customerId: string): Promise<Response | undefined> {
  const limiter = c.env[name];
  if (!limiter) {
    warnOnce(name);
    return undefined;
  }
  let allowed: boolean;
  try {
    ({ success: allowed } = await limiter.limit({ key }));
  } catch (error) {
    // Reads and chat fail open: the limiter protects capacity, and its outage must not take the
    // bank down. Money fails closed: its limit is a safety control, not only a capacity one.
    logJson("error", "rate limiter failed", { requestId: c.get("requestId"), limiter: name, error: String(error) });
    if (name !== "RL_MONEY") return undefined;
    c.header("Retry-After", "5");
    return jsonError(c, 503, "unavailable", "could not check the rate limit for moving money; try again shortly");
  }
  if (allowed) return undefined;
  c.set("rateLimited", name);
  if (firstRefusalInWindow(key, LIMITER_PERIOD_SECONDS[name])) {
    audit(c, "audit.rate_limit", customerId, { limiter: name });
  }
  c.header("Retry-After", String(LIMITER_PERIOD_SECONDS[name]));
  return jsonError(c, 429, "rate_limited", "too many requests; retry after the time in Retry-After");
}

// One audit event per key and window per isolate: a client hammering past its limit must not turn
// each refused request into a queued audit write.
const auditedUntil = new Map<string, number>();
const MAX_AUDITED_KEYS = 10_000;

function firstRefusalInWindow(key: string, periodSeconds: number): boolean {
  const now = Date.now();
  const until = auditedUntil.get(key);
  if (until !== undefined && until > now) return false;
  setBounded(auditedUntil, key, now + periodSeconds * 1000, MAX_AUDITED_KEYS);
  return true;
}

const warned = new Set<string>();
function warnOnce(name: string): void {
  if (warned.has(name)) return;
  warned.add(name);
  logJson("warn", "rate limiter binding missing: requests are not limited", { limiter: name });
}

import type { Context, MiddlewareHandler } from "hono";
import { setBounded } from "../../packages/bounded-map/bounded-map.js";
import { logJson } from "../../packages/logging/log.js";
import type { AuthVariables, GatewayEnv } from "./env.js";
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
 * A chat turn (POST /api/chat/messages) waits for its limits only where the route is about to
 * call the chat Worker: the per-IP, the chat and (for a "yes") the money limit are then asked at
 * once instead of one after another (each is a round trip to the limiter), and the body is read
 * meanwhile. Every other request waits for each limit where it is asked, as before.
 */
export function isChatTurn(method: string, path: string): boolean {
  return method === "POST" && path === "/api/chat/messages";
}

/**
 * Per client IP, before any token is verified: floods of junk tokens or logins are stopped before
 * they cost a signature check. Keyed on CF-Connecting-IP, which Cloudflare's edge sets on every
 * request and clients cannot forge (X-Forwarded-For can be, so it is never used). A request
 * without it never came through the edge (a local test harness): it is not limited per IP.
 * A chat turn's check runs while its token is looked up; requireCustomer waits for it before
 * verifying a signature or refusing, and the chat route before calling the chat Worker.
 */
export function limitByClientIp(): MiddlewareHandler<Env> {
  return async (c, next) => {
    const ip = clientIp(c);
    if (ip) startLimit(c, "RL_IP", `ip:${ip}`, ANONYMOUS);
    if (!isChatTurn(c.req.method, c.req.path)) {
      const refused = await settleLimits(c);
      if (refused) return refused;
    }
    await next();
    await answerUnsettled(c);
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
    startLimit(c, limiter, `${limiter}:${customerId}`, customerId);
    if (!isChatTurn(c.req.method, c.req.path)) {
      const refused = await settleLimits(c);
      if (refused) return refused;
    }
    await next();
    await answerUnsettled(c);
  };
}

/**
 * A chat turn that may move money (a Yes button, or a short typed yes) also counts against the
 * money limit, as POST /api/transfers does: chat must not be a way around it. Called by the chat
 * route once the body is parsed, right before the chat Worker is called: waits for every limit
 * the turn started (per IP, chat, money) and refuses with the first refusal in that order, 429
 * (or 503 when the money limiter fails), as when each was asked in turn.
 */
export function limitChatTurn(c: Context<Env>, message: { text: string; confirmation?: { answer: string } | undefined }): Promise<Response | undefined> {
  if (mayConfirm(message)) {
    const customerId = c.get("customerId");
    startLimit(c, "RL_MONEY", `RL_MONEY:${customerId}`, customerId);
  }
  return settleLimits(c);
}

export function limiterFor(method: string, path: string): LimiterName {
  if (method === "POST" && (path === "/api/transfers" || /^\/api\/cards\/[^/]+\/(freeze|unfreeze)$/.test(path))) return "RL_MONEY";
  if (method === "DELETE" && path.startsWith("/api/scheduled-transfers/")) return "RL_MONEY";
  if (method === "POST" && path.startsWith("/api/chat/")) return "RL_CHAT";
  return "RL_READ";
}

/** One limit asked and answered: the response to send when it refuses, else undefined. */
export async function enforce(c: Context<Env>, name: LimiterName, key: string, customerId: string): Promise<Response | undefined> {
  return answer(c, await checkLimit(c, name, key, customerId));
}

/** A limit's answer, kept until the request settles its limits. */
type LimitCheck = { name: LimiterName; key: string; customerId: string; outcome: "allowed" | "refused" | "failed" };
const pendingByRequest = new WeakMap<Context, Promise<LimitCheck>[]>();

function pendingChecks(c: Context): Promise<LimitCheck>[] {
  let pending = pendingByRequest.get(c);
  if (!pending) pendingByRequest.set(c, (pending = []));
  return pending;
}

/** Asks the limiter now; the answer waits in the request until settleLimits. */
export function startLimit(c: Context<Env>, name: LimiterName, key: string, customerId: string): void {
  pendingChecks(c).push(checkLimit(c, name, key, customerId));
}

/**
 * Waits for every limit this request started and not yet settled, all at once; the response for
 * the first that refuses, in the order they were started (per IP, then per customer, then money).
 */
export async function settleLimits(c: Context<Env>): Promise<Response | undefined> {
  const pending = pendingChecks(c);
  if (pending.length === 0) return undefined;
  const checks = await Promise.all(pending.splice(0));
  for (const check of checks) {
    const refused = answer(c, check);
    if (refused) return refused;
  }
  return undefined;
}

/**
 * A response sent before the route settled its limits (a refused token or body on a chat turn,
 * an error): the limits are still awaited, and a refusal among them is the answer, as it would
 * have been had they been checked first.
 */
async function answerUnsettled(c: Context<Env>): Promise<void> {
  const refused = await settleLimits(c);
  if (!refused) return;
  c.res = undefined;
  c.res = refused;
}

async function checkLimit(c: Context<Env>, name: LimiterName, key: string, customerId: string): Promise<LimitCheck> {
  const limiter = c.env[name];
  if (!limiter) {
    warnOnce(name);
    return { name, key, customerId, outcome: "allowed" };
  }
  try {
    const { success } = await limiter.limit({ key });
    return { name, key, customerId, outcome: success ? "allowed" : "refused" };
  } catch (error) {
    logJson("error", "rate limiter failed", { requestId: c.get("requestId"), limiter: name, error: String(error) });
    return { name, key, customerId, outcome: "failed" };
  }
}

function answer(c: Context<Env>, { name, key, customerId, outcome }: LimitCheck): Response | undefined {
  if (outcome === "allowed") return undefined;
  if (outcome === "failed") {
    // Reads and chat fail open: the limiter protects capacity, and its outage must not take the
    // bank down. Money fails closed: its limit is a safety control, not only a capacity one.
    if (name !== "RL_MONEY") return undefined;
    c.header("Retry-After", "5");
    return jsonError(c, 503, "unavailable", "could not check the rate limit for moving money; try again shortly", "money_limiter_failed");
  }
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

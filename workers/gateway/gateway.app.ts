import { Hono } from "hono";
import type { GatewayEnv } from "./env.js";
import { requireCustomer, type AuthVariables } from "./auth/index.js";
import { createKeyResolver, devIdpEnabled, type KeyOptions } from "./auth/keys.js";
import { createCustomerStatusCache, type CustomerStatusOptions } from "./auth/customer-status.js";
import { createVerifiedTokenCache, type VerifiedTokenCacheOptions } from "./auth/verified-tokens.js";
import { devIdentityProvider } from "./dev-idp/index.js";
import { chatRoutes, chatSocketRoute } from "./chat.routes.js";
import { staffRoutes, staffSocketRoute } from "./staff/staff.routes.js";
import { bankingRoutes } from "./banking.routes.js";
import { bankingOpenApiJson } from "./openapi.js";
import { jsonError } from "./errors.js";
import { assignRequestId, corsForWebOrigin, securityHeaders } from "./security-headers.js";
import { requestLog } from "./request-log.js";
import { limitBodySize } from "./body-limit.js";
import { limitByClientIp, limitByCustomer } from "./rate-limit.js";
import { auditBankingWrites } from "./audit.js";
import { hashForLog, logJson, scrubForLog } from "../../packages/common/log.js";
import { logSalt } from "./config.js";
import type { RpcResult } from "../../packages/contract/errors.js";

export type GatewayApp = Hono<{ Bindings: GatewayEnv; Variables: AuthVariables }>;

export interface GatewayOptions {
  /** Token key sources (tests inject the JWKS fetch and clock). */
  keys?: KeyOptions;
  /** The disabled-customer cache (tests move its clock). */
  customerStatus?: CustomerStatusOptions;
  /** The verified-token cache (tests move its clock). */
  verifiedTokens?: VerifiedTokenCacheOptions;
}

/**
 * The gateway's wiring, outermost first: request id, security headers and the request log wrap
 * everything (errors included); /api and /dev then get CORS, the per-IP limit and the body-size
 * limit before any work; every /api route but the public description and the ticketed WebSocket
 * is authenticated, then limited per customer.
 */
export function createGatewayApp(options: GatewayOptions = {}): GatewayApp {
  const app: GatewayApp = new Hono();

  app.use("*", assignRequestId());
  app.use("*", securityHeaders());
  app.use("*", requestLog());

  app.get("/healthz", (c) => c.json({ status: "ok", environment: c.env.ENVIRONMENT }));

  for (const prefix of ["/api/*", "/dev/*"]) {
    app.use(prefix, corsForWebOrigin());
    app.use(prefix, limitByClientIp());
    app.use(prefix, limitBodySize());
  }

  // The development identity provider answers only where the local environment enables it.
  app.use("/dev/*", async (c, next) => {
    if (!devIdpEnabled(c.env)) return jsonError(c, 404, "not_found", "not found");
    await next();
  });
  app.route("/dev", devIdentityProvider());

  // The API description is public; every other /api route needs a token.
  app.get("/api/openapi.json", (c) => c.body(bankingOpenApiJson(), 200, { "Content-Type": "application/json" }));
  // Registered before the bearer check: it authenticates with a ticket (see chatSocketRoute).
  app.route("/api/chat/ws", chatSocketRoute());
  // Staff routes verify workforce tokens themselves (another issuer and audience); a customer
  // token never reaches them, and a staff token never passes requireCustomer below.
  app.route("/api/staff/ws", staffSocketRoute());
  app.route("/api/staff", staffRoutes());
  app.use(
    "/api/*",
    requireCustomer({
      keys: createKeyResolver(options.keys),
      customerStatus: createCustomerStatusCache(options.customerStatus),
      verifiedTokens: createVerifiedTokenCache(options.verifiedTokens),
    }),
  );
  app.use("/api/*", limitByCustomer());
  app.use("/api/*", auditBankingWrites());

  // Who the token says you are, as the pseudonym the logs use: lets support correlate a report
  // with log lines, and is the authenticated no-op the gateway benchmark measures.
  app.get("/api/whoami", async (c) => c.json({ customer: await hashForLog(c.get("customerId"), logSalt(c.env)) }));
  // GDPR Art. 17: the customer erases their chat history (ledger and audit records stay).
  app.delete("/api/me/conversation", async (c) => {
    const result: RpcResult<{ turns: number; events: number }> = await c.env.CHAT.eraseConversation(c.get("customerId"));
    if (!result.ok) return jsonError(c, result.status, result.code, result.message);
    return c.json({ erased: true, ...result.value });
  });
  app.route("/api/chat", chatRoutes());
  app.route("/api", bankingRoutes());

  app.all("/api/*", (c) => jsonError(c, 404, "not_found", "no such API route"));
  app.notFound((c) => {
    if (c.env.ASSETS && (c.req.method === "GET" || c.req.method === "HEAD")) return c.env.ASSETS.fetch(c.req.raw);
    return jsonError(c, 404, "not_found", "not found");
  });
  app.onError((error, c) => {
    logJson("error", "unhandled error", { requestId: c.get("requestId"), error: scrubForLog(String(error)) });
    return jsonError(c, 500, "internal", "something went wrong; try again");
  });
  return app;
}

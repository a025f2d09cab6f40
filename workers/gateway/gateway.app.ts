import { Hono } from "hono";
import { requestId } from "hono/request-id";
import type { GatewayEnv } from "./env.js";
import { requireCustomer, type AuthVariables } from "./auth/index.js";
import { devIdpEnabled } from "./auth/keys.js";
import { devIdentityProvider } from "./dev-idp/index.js";
import { chatRoutes, chatSocketRoute } from "./chat.routes.js";
import { bankingRoutes } from "./banking.routes.js";
import { bankingOpenApiDocument } from "./openapi.js";
import { jsonError } from "./errors.js";

export type GatewayApp = Hono<{ Bindings: GatewayEnv; Variables: AuthVariables }>;

/** The gateway's wiring: every /api/* route is authenticated before it reaches a handler. */
export function createGatewayApp(): GatewayApp {
  const app: GatewayApp = new Hono();

  app.use("*", requestId({ generator: () => crypto.randomUUID() }));

  app.get("/healthz", (c) => c.json({ status: "ok", environment: c.env.ENVIRONMENT }));

  // The development identity provider answers only where the local environment enables it.
  app.use("/dev/*", async (c, next) => {
    if (!devIdpEnabled(c.env)) return jsonError(c, 404, "not_found", "not found");
    await next();
  });
  app.route("/dev", devIdentityProvider());

  // The API description is public; every other /api route needs a token.
  app.get("/api/openapi.json", (c) => c.json(bankingOpenApiDocument()));
  // Registered before the bearer check: it authenticates with a ticket (see chatSocketRoute).
  app.route("/api/chat/ws", chatSocketRoute());
  app.use("/api/*", requireCustomer());
  app.route("/api/chat", chatRoutes());
  app.route("/api", bankingRoutes());

  app.all("/api/*", (c) => jsonError(c, 404, "not_found", "no such API route"));
  app.notFound((c) => {
    if (c.env.ASSETS && (c.req.method === "GET" || c.req.method === "HEAD")) return c.env.ASSETS.fetch(c.req.raw);
    return jsonError(c, 404, "not_found", "not found");
  });
  app.onError((error, c) => {
    console.error(JSON.stringify({ msg: "unhandled error", requestId: c.get("requestId"), error: String(error) }));
    return jsonError(c, 500, "internal", "something went wrong; try again");
  });
  return app;
}

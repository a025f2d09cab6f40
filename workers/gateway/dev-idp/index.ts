import { Hono } from "hono";
import * as z from "zod"; // the namespace import tree-shakes; `{ z }` pulls in every locale (~700 KiB)
import type { GatewayEnv } from "../env.js";
import { DEMO_CUSTOMERS } from "./demo-customers.js";
import { devPublicJwks, signDevToken } from "./keys.js";
import { jsonError } from "../errors.js";
import { readJson } from "../json-body/index.js";
import { devStaffProvider } from "./staff.js";

const LoginRequest = z.strictObject({ customerId: z.string().min(1).max(64) });

/**
 * The development identity provider: lists the demo customers and signs a token for any of
 * them, or for any other customer in the database (seeded ones). Mounted only when the local environment enables it (see devIdpEnabled); staging and
 * production verify tokens from the bank's OIDC provider instead.
 */
export function devIdentityProvider() {
  const app = new Hono<{ Bindings: GatewayEnv }>();

  app.get("/customers", (c) =>
    c.json({ customers: DEMO_CUSTOMERS.map(({ id, name }) => ({ id, name })) }),
  );

  // The agent page's sign-in: demo staff, listed apart from customers.
  app.route("/staff", devStaffProvider());

  app.get("/jwks.json", async (c) => c.json(await devPublicJwks(privateKey(c.env))));

  app.post("/login", async (c) => {
    const body = await readJson(c, LoginRequest, 1024);
    if (body instanceof Response) return body;
    // The demo customers, or any customer seeded into the database (`npm run load` signs its 2,000 in here).
    const demo = DEMO_CUSTOMERS.find((candidate) => candidate.id === body.customerId);
    const seededName = demo ? null : await c.env.BANKING.customerName(body.customerId);
    const customer = demo ?? (seededName === null ? undefined : { id: body.customerId, name: seededName, email: undefined });
    if (!customer) return jsonError(c, 404, "not_found", "customerId: no customer has this id");
    const to = { issuer: c.env.AUTH_ISSUER, audience: c.env.AUTH_AUDIENCE, subject: customer.id };
    // The sign-in instant to the millisecond, by the server's clock (the token's iat is whole
    // seconds): the web app restores only what was said since it, so a turn of the session
    // signed out a moment before never shows in this one.
    const signedInAt = new Date().toISOString();
    return c.json({ ...(await signDevToken(privateKey(c.env), { name: customer.name, email: customer.email }, to)), signedInAt });
  });

  // The chat benchmark's baseline: the same hops as a chat turn (gateway → RPC → DO) with no
  // JWT, NLU, dialogue or storage. Local only, like everything under /dev.
  app.post("/bench/echo", async (c) => {
    const body = await readJson(c, EchoRequest, 4096);
    if (body instanceof Response) return body;
    return c.json({ text: await c.env.CHAT.echo(body.customerId, body.text) });
  });

  // `npm run report`: the turn metrics the local Analytics Engine stand-in kept. Local only.
  app.get("/metrics", async (c) => {
    const query = MetricsQuery.safeParse(c.req.query());
    if (!query.success) return jsonError(c, 400, "validation_failed", "from, to: epoch milliseconds");
    const to = query.data.to ?? Date.now();
    const from = query.data.from ?? to - 24 * 60 * 60 * 1000;
    return c.json({ from, to, points: await c.env.CHAT.localTurnMetrics(from, to) });
  });

  return app;
}

const MetricsQuery = z.strictObject({ from: z.coerce.number().int().nonnegative().optional(), to: z.coerce.number().int().nonnegative().optional() });

const EchoRequest = z.strictObject({ customerId: z.string().min(1).max(64), text: z.string().max(2000) });

function privateKey(env: GatewayEnv): string {
  if (!env.DEV_IDP_PRIVATE_JWK) throw new Error("DEV_IDP_PRIVATE_JWK is not set (npm start generates it)");
  return env.DEV_IDP_PRIVATE_JWK;
}

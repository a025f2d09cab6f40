import { Hono } from "hono";
import * as z from "zod"; // the namespace import tree-shakes; `{ z }` pulls in every locale
import type { GatewayEnv } from "../env.js";
import { DEMO_STAFF } from "../../../packages/handoff/staff.js";
import { signDevToken } from "./keys.js";
import { jsonError } from "../errors.js";
import { readJson } from "../json-body/index.js";
import { staffRoleClaim } from "../staff/role-claim.js";

const StaffLoginRequest = z.strictObject({ staffId: z.string().min(1).max(64) });

/**
 * The development workforce provider: the agent page's own sign-in (/dev/staff, never mixed
 * with /dev/customers). Tokens carry the staff issuer and audience and a role claim, as the
 * bank's workforce OIDC provider's would.
 */
export function devStaffProvider() {
  const app = new Hono<{ Bindings: GatewayEnv }>();

  app.get("/", (c) => c.json({ staff: DEMO_STAFF.map(({ id, name, role }) => ({ id, name, role })) }));

  app.post("/login", async (c) => {
    const body = await readJson(c, StaffLoginRequest, 1024);
    if (body instanceof Response) return body;
    const member = DEMO_STAFF.find((s) => s.id === body.staffId);
    if (!member) return jsonError(c, 404, "not_found", "staffId: no demo staff member has this id");
    if (!c.env.STAFF_AUTH_ISSUER || !c.env.STAFF_AUTH_AUDIENCE || !c.env.DEV_IDP_PRIVATE_JWK) {
      return jsonError(c, 503, "unavailable", "staff sign-in is not configured", "staff_sign_in_not_configured");
    }
    const to = { issuer: c.env.STAFF_AUTH_ISSUER, audience: c.env.STAFF_AUTH_AUDIENCE, subject: member.id };
    return c.json(await signDevToken(c.env.DEV_IDP_PRIVATE_JWK, { name: member.name, [staffRoleClaim(c.env)]: member.role }, to));
  });

  return app;
}

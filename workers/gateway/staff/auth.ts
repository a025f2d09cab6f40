import type { Context, MiddlewareHandler } from "hono";
import { errors, jwtVerify, type JWTPayload } from "jose";
import type { GatewayEnv } from "../env.js";
import { gatewayConfig } from "../config.js";
import { jsonError } from "../errors.js";
import { ANONYMOUS, audit } from "../audit.js";
import { ACCEPTED_ALGORITHMS, type AuthVariables } from "../auth/index.js";
import { createKeyResolver, type KeyOptions } from "../auth/keys.js";
import { KeysUnavailableError } from "../auth/remote-jwks.js";
import { isStaffRole, type Staff } from "../../../packages/handoff/staff.js";
import { logJson } from "../../../packages/logging/log.js";
import { staffRoleClaim } from "./role-claim.js";

export type StaffVariables = AuthVariables & { staff: Staff };
export type StaffEnv = { Bindings: GatewayEnv; Variables: StaffVariables };

const BEARER = /^Bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/i;
const MAX_TOKEN_CHARS = 8 * 1024;
/**
 * The workforce provider's keys: its own JWKS (STAFF_AUTH_JWKS / STAFF_AUTH_JWKS_URL) through the
 * same resolver as customers' (pinned algorithms, cache, rotation); locally the dev IdP's key.
 */
function staffKeys(options?: KeyOptions) {
  const resolve = createKeyResolver(options);
  const derived = new WeakMap<GatewayEnv, GatewayEnv>();
  return (env: GatewayEnv) => {
    let staffEnv = derived.get(env);
    if (!staffEnv) {
      staffEnv = { ...env, AUTH_JWKS: env.STAFF_AUTH_JWKS, AUTH_JWKS_URL: env.STAFF_AUTH_JWKS_URL };
      derived.set(env, staffEnv);
    }
    return resolve(staffEnv);
  };
}

/**
 * Verifies a workforce access token for the staff routes: the staff issuer and audience (never
 * the customers'), pinned algorithms, `typ`, `exp`/`iat`/`sub`, a maximum age, and a role claim
 * that names a known role. A customer token fails on issuer or audience; a token whose role is
 * missing or unknown fails too. Every refusal is audited, like customer sign-in refusals.
 */
export function requireStaff(options: KeyOptions = {}): MiddlewareHandler<StaffEnv> {
  const resolveKeys = staffKeys(options);
  return async (c, next) => {
    if (!c.env.STAFF_AUTH_ISSUER || !c.env.STAFF_AUTH_AUDIENCE) return jsonError(c, 503, "unavailable", "staff sign-in is not configured", "staff_sign_in_not_configured");
    const header = c.req.header("authorization") ?? "";
    const match = header.length <= MAX_TOKEN_CHARS ? BEARER.exec(header) : null;
    if (!match) return refuse(c, header ? "malformed_header" : "missing_token", "send Authorization: Bearer <staff token>");
    const keys = await resolveKeys(c.env);
    if (!keys) return jsonError(c, 503, "unavailable", "staff sign-in is not configured", "staff_token_keys_not_configured");
    const config = gatewayConfig(c.env);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(match[1]!, keys, {
        algorithms: ACCEPTED_ALGORITHMS,
        issuer: c.env.STAFF_AUTH_ISSUER,
        audience: c.env.STAFF_AUTH_AUDIENCE,
        requiredClaims: ["exp", "sub", "iat"],
        clockTolerance: config.clockToleranceSeconds,
        maxTokenAge: config.maxTokenAgeSeconds,
        typ: config.tokenType,
      }));
    } catch (error) {
      if (error instanceof KeysUnavailableError) {
        logJson("error", "staff token keys unavailable", { requestId: c.get("requestId"), error: String(error.cause) });
        return jsonError(c, 503, "unavailable", "could not check the token right now; try again", "staff_token_keys_unavailable");
      }
      const claim = error instanceof errors.JWTClaimValidationFailed ? `claim_${error.claim}` : "invalid";
      return refuse(c, claim, "this is not a valid staff token");
    }
    const role = payload[staffRoleClaim(c.env)];
    if (!isStaffRole(role)) return refuse(c, "staff_role", "the token carries no staff role");
    if (typeof payload.sub !== "string" || payload.sub.length === 0 || payload.sub.length > 128) return refuse(c, "invalid_subject", "the token has no valid subject");
    const name = typeof payload.name === "string" && payload.name.trim() && payload.name.length <= 100 ? payload.name.trim() : "Bank staff";
    c.set("staff", { id: payload.sub, name, role });
    c.set("tokenValidUntil", Math.min(payload.exp!, payload.iat! + config.maxTokenAgeSeconds) * 1000);
    await next();
  };
}

function refuse(c: Context<StaffEnv>, reason: string, message: string): Response {
  c.set("authFailure", reason);
  audit(c as unknown as Parameters<typeof audit>[0], "audit.auth", ANONYMOUS, { outcome: "refused", reason, surface: "staff" });
  c.header("WWW-Authenticate", 'Bearer realm="teller-staff", error="invalid_token"');
  return jsonError(c, 401, "unauthorized", message);
}

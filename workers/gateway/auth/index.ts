import type { MiddlewareHandler } from "hono";
import { errors, jwtVerify } from "jose";
import type { GatewayEnv } from "../env.js";
import { jsonError } from "../errors.js";
import { tokenKeys } from "./keys.js";

/** Only asymmetric algorithms: `none` and HS* (the public-key confusion attack) never verify. */
export const ACCEPTED_ALGORITHMS = ["ES256", "RS256"];
const CLOCK_TOLERANCE_SECONDS = 30;
const MAX_TOKEN_AGE = "24h";
const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;

export interface AuthVariables {
  /** The verified token's `sub`: the only customer identity anything downstream sees. */
  customerId: string;
  requestId: string;
}

/**
 * Verifies `Authorization: Bearer <JWT>`: signature against the configured keys, pinned
 * algorithms, `iss`, `aud`, and required `exp` and `sub` (jose does not require `exp` itself).
 */
export function requireCustomer(): MiddlewareHandler<{ Bindings: GatewayEnv; Variables: AuthVariables }> {
  return async (c, next) => {
    const match = BEARER.exec(c.req.header("authorization") ?? "");
    if (!match) return unauthorized(c, "send Authorization: Bearer <token>");
    const keys = await tokenKeys(c.env);
    if (!keys) return jsonError(c, 503, "unavailable", "authentication is not configured");
    try {
      const { payload } = await jwtVerify(match[1]!, keys, {
        algorithms: ACCEPTED_ALGORITHMS,
        issuer: c.env.AUTH_ISSUER,
        audience: c.env.AUTH_AUDIENCE,
        requiredClaims: ["exp", "sub", "iat"],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        maxTokenAge: MAX_TOKEN_AGE,
      });
      if (typeof payload.sub !== "string" || payload.sub.length === 0 || payload.sub.length > 128) {
        return unauthorized(c, "the token has no valid subject");
      }
      c.set("customerId", payload.sub);
    } catch (error) {
      return unauthorized(c, reason(error));
    }
    await next();
  };
}

function unauthorized(c: Parameters<MiddlewareHandler>[0], message: string): Response {
  c.header("WWW-Authenticate", 'Bearer realm="teller"');
  return jsonError(c, 401, "unauthorized", message);
}

/** A reason a client can act on, without echoing the token or internals. */
function reason(error: unknown): string {
  if (error instanceof errors.JWTExpired) return "the token has expired";
  if (error instanceof errors.JWTClaimValidationFailed) return `the token's ${error.claim} claim is not accepted`;
  if (error instanceof errors.JWKSNoMatchingKey) return "the token was not signed by a trusted key";
  if (error instanceof errors.JOSEAlgNotAllowed) return "the token's algorithm is not accepted";
  if (error instanceof errors.JWKSTimeout) return "the identity provider's keys could not be fetched";
  return "the token is not valid";
}

import type { Context, MiddlewareHandler } from "hono";
import { errors } from "jose";
import { logJson } from "../../../packages/logging/log.js";
import type { AuthVariables, GatewayEnv } from "../env.js";
import { gatewayConfig } from "../config.js";
import { jsonError } from "../errors.js";
import { ANONYMOUS, audit } from "../audit.js";
import { createKeyResolver, type KeyResolver } from "./keys.js";
import { KeysUnavailableError } from "./remote-jwks.js";
import { createVerifiedTokenCache, type VerifiedTokenCache } from "./verified-tokens.js";
import { createCustomerStatusCache, type CustomerStatus } from "./customer-status.js";
import { staffRoleClaim } from "../staff/role-claim.js";
import { verifyAccessToken, type TokenPolicy } from "./verify-token.js";
import { settleLimits } from "../rate-limit.js";
import { describeError } from "../../../packages/logging/log-error.js";

/** Only asymmetric algorithms: `none` and HS* (the public-key confusion attack) never verify. */
export const ACCEPTED_ALGORITHMS = ["ES256", "RS256"];
/** The scheme is case-insensitive (RFC 9110 §11.1); the token is a compact JWS, nothing else. */
const BEARER = /^Bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/i;
/** Far above any real JWT; refusing longer ones keeps a forged header from costing a parse. */
const MAX_TOKEN_CHARS = 8 * 1024;
const MAX_SUBJECT_CHARS = 128;

export type { AuthVariables };

type AuthContext = Context<{ Bindings: GatewayEnv; Variables: AuthVariables }>;

export interface AuthOptions {
  keys?: KeyResolver;
  customerStatus?: CustomerStatus;
  verifiedTokens?: VerifiedTokenCache;
}

/**
 * Verifies `Authorization: Bearer <JWT>` (OWASP ASVS 5, V9): signature against the configured
 * keys only, pinned algorithms, `iss` and `aud` exact, `exp`, `sub` and `iat` required, a small
 * clock tolerance, `nbf` honoured, and a maximum age from `iat`. Then refuses customers the bank
 * has disabled. The `typ` header must be the configured token type (at+jwt unless configured
 * otherwise), so an ID token is not an access token. Every refusal is audited (audit.auth) with a reason code.
 */
export function requireCustomer(options: AuthOptions = {}): MiddlewareHandler<{ Bindings: GatewayEnv; Variables: AuthVariables }> {
  const resolveKeys = options.keys ?? createKeyResolver();
  const customerStatus = options.customerStatus ?? createCustomerStatusCache();
  const verifiedTokens = options.verifiedTokens ?? createVerifiedTokenCache();
  return async (c, next) => {
    const header = c.req.header("authorization") ?? "";
    const match = header.length <= MAX_TOKEN_CHARS ? BEARER.exec(header) : null;
    // A chat turn's per-IP limit is asked while its token is looked up (rate-limit.ts): it is
    // waited for before anything that costs more than a cache lookup, and before any refusal.
    if (!match) return (await settleLimits(c)) ?? refuse(c, header ? "malformed_header" : "missing_token", "send Authorization: Bearer <token>");
    const keys = await resolveKeys(c.env);
    if (!keys) return (await settleLimits(c)) ?? jsonError(c, 503, "unavailable", "authentication is not configured", "token_keys_not_configured");
    const { policy, scope } = tokenPolicy(c.env);
    const jwt = match[1]!;
    const cached = verifiedTokens.get(keys, scope, jwt);
    let subject = cached?.sub;
    let validUntil = cached?.validUntilMs;
    if (subject === undefined) {
      const refused = await settleLimits(c);
      if (refused) return refused;
      try {
        const payload = await verifyAccessToken(jwt, keys, policy);
        // A workforce token is never a customer's, even where one issuer signs both (role claim).
        if ((payload as Record<string, unknown>)[staffRoleClaim(c.env)] !== undefined) return refuse(c, "staff_token", "staff tokens are not accepted here");
        if (typeof payload.sub !== "string" || payload.sub.length === 0 || payload.sub.length > MAX_SUBJECT_CHARS) {
          return refuse(c, "invalid_subject", "the token has no valid subject");
        }
        subject = payload.sub;
        const validUntilMs = Math.min(payload.exp, payload.iat + policy.maxTokenAgeSeconds) * 1000;
        validUntil = validUntilMs;
        verifiedTokens.set(keys, scope, jwt, { sub: subject, validUntilMs }, validUntilMs);
      } catch (error) {
        if (error instanceof KeysUnavailableError) {
          logJson("error", "token keys unavailable", { requestId: c.get("requestId"), error: String(error.cause) });
          return jsonError(c, 503, "unavailable", "could not check the token right now; try again", "token_keys_unavailable");
        }
        const [code, message] = classify(error);
        return refuse(c, code, message);
      }
    }

    let active: boolean;
    try {
      active = await customerStatus(subject, async (id) => {
        const refused = await settleLimits(c);
        if (refused) throw new RefusedByLimit(refused);
        return c.env.BANKING.isCustomerActive(id);
      });
    } catch (error) {
      if (error instanceof RefusedByLimit) return error.response;
      // Fail closed: a check that cannot be made does not pass.
      // describeError: a failed query's message carries its parameters, here the customer's id.
      logJson("error", "customer status lookup failed", { requestId: c.get("requestId"), error: describeError(error) });
      return jsonError(c, 503, "unavailable", "could not check the customer's status; try again", "customer_status_lookup_failed");
    }
    c.set("customerId", subject);
    if (validUntil !== undefined) c.set("tokenValidUntil", validUntil);
    if (!active) {
      const refused = await settleLimits(c);
      if (refused) return refused;
      c.set("authFailure", "customer_disabled");
      audit(c, "audit.auth", subject, { outcome: "refused", reason: "customer_disabled" });
      return jsonError(c, 403, "forbidden", "this customer's access is disabled; contact the bank");
    }
    await next();
  };
}

/** A status lookup not made: a limit refused the request first (not cached as a failed lookup). */
class RefusedByLimit extends Error {
  constructor(readonly response: Response) {
    super("refused by a rate limit");
  }
}

const policies = new WeakMap<GatewayEnv, { policy: TokenPolicy; scope: string }>();

/**
 * What a token is verified against, built once per env object (Workers hand every request of an
 * isolate the same one); `scope` names everything a verification depended on besides the keys,
 * so the verified-token cache (per key set) never answers across configurations.
 */
function tokenPolicy(env: GatewayEnv): { policy: TokenPolicy; scope: string } {
  let known = policies.get(env);
  if (!known) {
    const config = gatewayConfig(env);
    const policy: TokenPolicy = {
      algorithms: ACCEPTED_ALGORITHMS,
      issuer: env.AUTH_ISSUER,
      audience: env.AUTH_AUDIENCE,
      tokenType: config.tokenType,
      clockToleranceSeconds: config.clockToleranceSeconds,
      maxTokenAgeSeconds: config.maxTokenAgeSeconds,
    };
    const scope = `${policy.issuer}\n${policy.audience}\n${policy.clockToleranceSeconds}\n${policy.maxTokenAgeSeconds}\n${policy.tokenType}`;
    policies.set(env, (known = { policy, scope }));
  }
  return known;
}

function refuse(c: AuthContext, reason: string, message: string): Response {
  c.set("authFailure", reason);
  audit(c, "audit.auth", ANONYMOUS, { outcome: "refused", reason });
  c.header("WWW-Authenticate", 'Bearer realm="teller", error="invalid_token"');
  return jsonError(c, 401, "unauthorized", message);
}

/** A reason code for the audit log and a message a client can act on, never echoing the token. */
function classify(error: unknown): [string, string] {
  if (error instanceof errors.JWTExpired) return ["expired", "the token has expired"];
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === "typ") return ["token_type", "the token is not an access token (typ)"];
  if (error instanceof errors.JWTClaimValidationFailed) return [`claim_${error.claim}`, `the token's ${error.claim} claim is not accepted`];
  if (error instanceof errors.JWKSNoMatchingKey) return ["unknown_key", "the token was not signed by a trusted key"];
  if (error instanceof errors.JOSEAlgNotAllowed) return ["algorithm", "the token's algorithm is not accepted"];
  if (error instanceof errors.JWSSignatureVerificationFailed) return ["signature", "the token's signature is not valid"];
  return ["invalid", "the token is not valid"];
}

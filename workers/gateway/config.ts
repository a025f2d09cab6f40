import type { GatewayEnv } from "./env.js";

/**
 * The gateway's tunable vars, parsed once per env object with safe defaults: a missing or malformed
 * value falls back to the default, and every value is clamped to a range that stays safe, so a
 * typo in wrangler.toml can never turn a check off.
 */
export interface GatewayConfig {
  /** Leeway for `exp`/`nbf`/`iat` against clock skew between the IdP and the edge. */
  clockToleranceSeconds: number;
  /** Tokens issued (`iat`) longer ago than this are refused, whatever their `exp` says. */
  maxTokenAgeSeconds: number;
  /**
   * The `typ` header every token must carry (RFC 8725 §3.11 explicit typing): "at+jwt" (RFC 9068
   * access tokens) by default, so an ID token or any other JWT the same issuer signs for the same
   * audience is not accepted as an access token. `undefined` only when AUTH_TOKEN_TYPE is "any".
   */
  tokenType: string | undefined;
  /** Bodies declaring more than this are refused with 413 before anything reads them. */
  maxBodyBytes: number;
  /** The one cross-origin web origin allowed by CORS, if any. */
  webOrigin: string | undefined;
}

/** RFC 9068's `typ` for JWT access tokens; what the development identity provider issues. */
export const ACCESS_TOKEN_TYPE = "at+jwt";

export const DEFAULTS = {
  clockToleranceSeconds: 30,
  maxTokenAgeSeconds: 60 * 60,
  maxBodyBytes: 16 * 1024,
  tokenType: ACCESS_TOKEN_TYPE,
} as const;

// Workers hand every request of an isolate the same env object: parse it once, not per request.
const parsed = new WeakMap<GatewayEnv, GatewayConfig>();

export function gatewayConfig(env: GatewayEnv): GatewayConfig {
  let config = parsed.get(env);
  if (!config) parsed.set(env, (config = parseConfig(env)));
  return config;
}

function parseConfig(env: GatewayEnv): GatewayConfig {
  return {
    clockToleranceSeconds: bounded(env.AUTH_CLOCK_TOLERANCE_SECONDS, DEFAULTS.clockToleranceSeconds, 0, 120),
    maxTokenAgeSeconds: bounded(env.AUTH_MAX_TOKEN_AGE_SECONDS, DEFAULTS.maxTokenAgeSeconds, 60, 24 * 60 * 60),
    tokenType: parseTokenType(env.AUTH_TOKEN_TYPE),
    maxBodyBytes: bounded(env.MAX_BODY_BYTES, DEFAULTS.maxBodyBytes, 1024, 1024 * 1024),
    webOrigin: parseOrigin(env.WEB_ORIGIN),
  };
}

function bounded(raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || !/^\d{1,9}$/.test(raw.trim())) return fallback;
  return Math.min(max, Math.max(min, Number(raw.trim())));
}

/**
 * A media type such as "at+jwt" or "JWT"; "any" (an IdP that types nothing) turns the check off,
 * and only that exact word does: anything malformed keeps the default.
 */
function parseTokenType(raw: string | undefined): string | undefined {
  const value = raw?.trim();
  if (value === "any") return undefined;
  return value && /^[A-Za-z0-9][A-Za-z0-9.+/-]{0,63}$/.test(value) ? value : DEFAULTS.tokenType;
}

/** Only a bare origin ("https://app.example"): a path or a wildcard would widen CORS by accident. */
function parseOrigin(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw);
    // A "*" survives URL parsing as a host: refuse anything but a plain host name.
    const plainHost = /^[a-z0-9.-]+$/.test(url.hostname);
    return url.origin === raw && plainHost && (url.protocol === "https:" || url.hostname === "localhost") ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

// Created on first use: workerd refuses random values at module scope (wrangler dev fails to start).
let isolateSalt: string | undefined;

/**
 * The key for pseudonymous ids in logs. A deployment sets LOG_HASH_SALT (a secret); without one,
 * a random per-isolate salt keeps ids unlinkable to customers, at the cost of stable hashes.
 */
export function logSalt(env: GatewayEnv): string {
  if (env.LOG_HASH_SALT && env.LOG_HASH_SALT.length >= 16) return env.LOG_HASH_SALT;
  return (isolateSalt ??= crypto.randomUUID());
}

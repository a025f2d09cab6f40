import type { GatewayEnv } from "./env.js";

/**
 * The gateway's tunable vars, parsed once per request with safe defaults: a missing or malformed
 * value falls back to the default, and every value is clamped to a range that stays safe, so a
 * typo in wrangler.toml can never turn a check off.
 */
export interface GatewayConfig {
  /** Leeway for `exp`/`nbf`/`iat` against clock skew between the IdP and the edge. */
  clockToleranceSeconds: number;
  /** Tokens issued (`iat`) longer ago than this are refused, whatever their `exp` says. */
  maxTokenAgeSeconds: number;
  /** Bodies declaring more than this are refused with 413 before anything reads them. */
  maxBodyBytes: number;
  /** The one cross-origin web origin allowed by CORS, if any. */
  webOrigin: string | undefined;
}

export const DEFAULTS = {
  clockToleranceSeconds: 30,
  maxTokenAgeSeconds: 60 * 60,
  maxBodyBytes: 16 * 1024,
} as const;

export function gatewayConfig(env: GatewayEnv): GatewayConfig {
  return {
    clockToleranceSeconds: bounded(env.AUTH_CLOCK_TOLERANCE_SECONDS, DEFAULTS.clockToleranceSeconds, 0, 120),
    maxTokenAgeSeconds: bounded(env.AUTH_MAX_TOKEN_AGE_SECONDS, DEFAULTS.maxTokenAgeSeconds, 60, 24 * 60 * 60),
    maxBodyBytes: bounded(env.MAX_BODY_BYTES, DEFAULTS.maxBodyBytes, 1024, 1024 * 1024),
    webOrigin: parseOrigin(env.WEB_ORIGIN),
  };
}

function bounded(raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || !/^\d{1,9}$/.test(raw.trim())) return fallback;
  return Math.min(max, Math.max(min, Number(raw.trim())));
}

/** Only a bare origin ("https://app.example"): a path or a wildcard would widen CORS by accident. */
function parseOrigin(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw);
    return url.origin === raw && (url.protocol === "https:" || url.hostname === "localhost") ? url.origin : undefined;
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

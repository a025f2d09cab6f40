import { setBounded } from "../../../packages/common/bounded-map.js";

/**
 * Tokens this isolate has already verified, so a client sending the same token on every request
 * pays for the signature check once, not every time (a browser reuses its token for up to an
 * hour). A hit needs the byte-identical token under the same key set, issuer and audience, and
 * lasts at most `ttlMs`, never past the token's own `exp` or maximum age: a key the bank removes
 * stops being honoured through this cache within `ttlMs`, as through the JWKS cache.
 */
export interface VerifiedToken {
  sub: string;
  /** When the token stops being acceptable (exp, or iat + max age), in ms since the epoch. */
  validUntilMs?: number;
}

export interface VerifiedTokenCacheOptions {
  ttlMs?: number;
  maxEntries?: number;
  now?: () => number;
}

export const VERIFIED_TOKEN_TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;

export function createVerifiedTokenCache(options: VerifiedTokenCacheOptions = {}) {
  const ttlMs = options.ttlMs ?? VERIFIED_TOKEN_TTL_MS;
  const maxEntries = options.maxEntries ?? MAX_ENTRIES;
  const now = options.now ?? Date.now;
  // Per key set: a configuration change (another JWKS) starts from nothing.
  const byKeys = new WeakMap<object, Map<string, { token: VerifiedToken; until: number }>>();

  return {
    get(keys: object, scope: string, jwt: string): VerifiedToken | undefined {
      const entries = byKeys.get(keys);
      const key = `${scope}\n${jwt}`;
      const hit = entries?.get(key);
      if (!hit) return undefined;
      if (hit.until > now()) return hit.token;
      entries!.delete(key);
      return undefined;
    },
    /** `validUntilMs`: when the token itself stops being acceptable (exp, or iat + max age). */
    set(keys: object, scope: string, jwt: string, token: VerifiedToken, validUntilMs: number): void {
      let entries = byKeys.get(keys);
      if (!entries) byKeys.set(keys, (entries = new Map()));
      setBounded(entries, `${scope}\n${jwt}`, { token, until: Math.min(now() + ttlMs, validUntilMs) }, maxEntries);
    },
  };
}

export type VerifiedTokenCache = ReturnType<typeof createVerifiedTokenCache>;

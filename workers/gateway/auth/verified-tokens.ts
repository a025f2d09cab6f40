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
  // Per key set (a configuration change, another JWKS, starts from nothing), then per scope.
  const byKeys = new WeakMap<object, Map<string, Generations>>();
  const generations = (keys: object, scope: string, create: boolean): Generations | undefined => {
    let scopes = byKeys.get(keys);
    if (!scopes && create) byKeys.set(keys, (scopes = new Map()));
    let found = scopes?.get(scope);
    if (!found && create) scopes!.set(scope, (found = { young: new Map(), old: new Map() }));
    return found;
  };

  return {
    get(keys: object, scope: string, jwt: string): VerifiedToken | undefined {
      const entries = generations(keys, scope, false);
      const hit = entries?.young.get(jwt) ?? entries?.old.get(jwt);
      if (!hit) return undefined;
      if (hit.until > now()) return hit.token;
      entries!.young.delete(jwt);
      entries!.old.delete(jwt);
      return undefined;
    },
    /** `validUntilMs`: when the token itself stops being acceptable (exp, or iat + max age). */
    set(keys: object, scope: string, jwt: string, token: VerifiedToken, validUntilMs: number): void {
      const entries = generations(keys, scope, true)!;
      entries.young.set(jwt, { token, until: Math.min(now() + ttlMs, validUntilMs) });
      // Bounded in two generations: when the young one fills half the budget it becomes the old
      // one and the previous old one goes whole. Evicting one oldest entry per insert instead
      // makes a Map skip ever more deleted slots to find its first key — a cost per new token.
      if (entries.young.size >= Math.max(1, maxEntries / 2)) {
        entries.old = entries.young;
        entries.young = new Map();
      }
    },
  };
}

interface Generations {
  young: Map<string, { token: VerifiedToken; until: number }>;
  old: Map<string, { token: VerifiedToken; until: number }>;
}

export type VerifiedTokenCache = ReturnType<typeof createVerifiedTokenCache>;

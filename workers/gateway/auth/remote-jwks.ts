import { createLocalJWKSet, errors, type JSONWebKeySet, type JWTVerifyGetKey } from "jose";

/**
 * The key set could not be fetched (or only an unusable one): the gateway answers 503, not 401 —
 * the client's token may be fine, and a 401 would send it to sign in again for nothing.
 */
export class KeysUnavailableError extends Error {
  constructor(cause: unknown) {
    super("the signing keys could not be fetched", { cause });
    this.name = "KeysUnavailableError";
  }
}

/** Fetches the JWKS document; injectable so tests can count calls, rotate keys and fail. */
export type JwksLoader = () => Promise<JSONWebKeySet>;

export interface RemoteKeySetOptions {
  load: JwksLoader;
  now?: () => number;
  /** A `kid` not in the cache triggers a refetch at most this often (a flood of made-up kids cannot). */
  cooldownMs?: number;
  /** After this long the set is refetched on next use, so removed keys stop verifying. */
  maxAgeMs?: number;
  /** While the endpoint is down, the last good set keeps verifying for this long past maxAge. */
  staleIfErrorMs?: number;
}

export const REMOTE_JWKS_DEFAULTS = {
  cooldownMs: 30_000,
  maxAgeMs: 10 * 60_000,
  staleIfErrorMs: 60 * 60_000,
} as const;

/**
 * The bank's signing keys, fetched from its JWKS endpoint and cached per isolate. Written out
 * instead of jose's createRemoteJWKSet for two behaviours it lacks: an expired cache whose refetch
 * fails keeps verifying with the last good keys (bounded by staleIfErrorMs), and an injectable
 * clock so rotation, floods and outages are tested deterministically. Key selection (kid, alg,
 * kty) is still jose's createLocalJWKSet; token headers such as `jku`, `x5u` and `jwk` are never
 * consulted, so a token cannot name its own key.
 */
export function createRemoteKeySet(options: RemoteKeySetOptions): JWTVerifyGetKey {
  const now = options.now ?? Date.now;
  const cooldownMs = options.cooldownMs ?? REMOTE_JWKS_DEFAULTS.cooldownMs;
  const maxAgeMs = options.maxAgeMs ?? REMOTE_JWKS_DEFAULTS.maxAgeMs;
  const staleIfErrorMs = options.staleIfErrorMs ?? REMOTE_JWKS_DEFAULTS.staleIfErrorMs;

  let current: { keys: JWTVerifyGetKey; fetchedAt: number } | undefined;
  let lastAttemptAt = Number.NEGATIVE_INFINITY;
  let inFlight: Promise<void> | undefined;

  // Concurrent callers share one fetch; a failed fetch still counts against the cooldown, so an
  // endpoint that is down is not hammered by every request.
  function refresh(): Promise<void> {
    inFlight ??= (async () => {
      lastAttemptAt = now();
      try {
        const jwks = await options.load().catch((error: unknown) => {
          throw new KeysUnavailableError(error);
        });
        current = { keys: createLocalJWKSet(jwks), fetchedAt: now() };
      } catch (error) {
        throw error instanceof KeysUnavailableError ? error : new KeysUnavailableError(error);
      } finally {
        inFlight = undefined;
      }
    })();
    return inFlight;
  }

  return async (header, token) => {
    if (!current) {
      // Cold: nothing to fall back on. Fetches stay one at a time (refresh is shared).
      await refresh();
    } else if (now() - current.fetchedAt > maxAgeMs) {
      let failure: unknown;
      if (now() - lastAttemptAt >= cooldownMs) {
        try {
          await refresh();
        } catch (error) {
          failure = error;
        }
      }
      if (now() - current.fetchedAt > maxAgeMs + staleIfErrorMs) {
        throw failure ?? new KeysUnavailableError("stale keys, refresh in cooldown");
      }
    }
    const cached = current!;
    try {
      return await cached.keys(header, token);
    } catch (error) {
      // An unknown kid may be a key the bank just rotated in: refetch, but only once per cooldown.
      if (!(error instanceof errors.JWKSNoMatchingKey) || now() - lastAttemptAt < cooldownMs) throw error;
      await refresh();
      return current!.keys(header, token);
    }
  };
}

const MAX_JWKS_BYTES = 64 * 1024;
const FETCH_TIMEOUT_MS = 5_000;

/** The production loader: GET the JWKS URL, no redirects, bounded in time and size. */
export function fetchJwks(url: string, fetcher: typeof fetch = fetch): JwksLoader {
  return async () => {
    const response = await fetcher(url, {
      headers: { accept: "application/json" },
      redirect: "error",
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
    if (response.status !== 200) throw new errors.JOSEError(`JWKS endpoint answered ${response.status}`);
    const text = await response.text();
    if (text.length > MAX_JWKS_BYTES) throw new errors.JOSEError("JWKS document is too large");
    const jwks = JSON.parse(text) as JSONWebKeySet;
    if (!jwks || !Array.isArray(jwks.keys)) throw new errors.JWKSInvalid("JWKS document has no keys array");
    return jwks;
  };
}

import { createLocalJWKSet, type JSONWebKeySet, type JWTVerifyGetKey } from "jose";
import type { GatewayEnv } from "../env.js";
import { devPublicJwks } from "../dev-idp/keys.js";
import { createRemoteKeySet, fetchJwks, type RemoteKeySetOptions } from "./remote-jwks.js";

export interface KeyOptions {
  /** The fetch used for AUTH_JWKS_URL (tests inject one to count calls, rotate keys, fail). */
  jwksFetch?: typeof fetch;
  /** Overrides for the remote key set's clock and timings (tests). */
  remote?: Omit<RemoteKeySetOptions, "load">;
}

export type KeyResolver = (env: GatewayEnv) => Promise<JWTVerifyGetKey | undefined>;

/**
 * Where token signing keys come from, in order: the development identity provider (local only),
 * a pinned JWKS, or the bank's JWKS URL — never from the token itself. The resolved set is kept
 * per isolate (the remote one holds its own cache and cooldown, so it must not be rebuilt per
 * request) and rebuilt only when the configuration changes.
 */
export function createKeyResolver(options: KeyOptions = {}): KeyResolver {
  let cached: { source: string; keys: JWTVerifyGetKey } | undefined;
  // Workers hand every request of an isolate the same env object: skip rebuilding the source id
  // (it holds the whole pinned JWKS) on every request.
  const byEnv = new WeakMap<GatewayEnv, JWTVerifyGetKey>();
  return async (env) => {
    const known = byEnv.get(env);
    if (known && known === cached?.keys) return known;
    const source = keySource(env);
    if (!source) return undefined;
    if (cached?.source === source.id) {
      byEnv.set(env, cached.keys);
      return cached.keys;
    }
    const keys =
      source.kind === "remote"
        ? createRemoteKeySet({ ...options.remote, load: fetchJwks(source.url, options.jwksFetch) })
        : createLocalJWKSet(await source.jwks());
    cached = { source: source.id, keys };
    byEnv.set(env, keys);
    return keys;
  };
}

type KeySource =
  | { kind: "local"; id: string; jwks: () => Promise<JSONWebKeySet> }
  | { kind: "remote"; id: string; url: string };

function keySource(env: GatewayEnv): KeySource | undefined {
  if (devIdpEnabled(env) && env.DEV_IDP_PRIVATE_JWK) {
    const privateJwk = env.DEV_IDP_PRIVATE_JWK;
    return { kind: "local", id: `dev:${privateJwk}`, jwks: () => devPublicJwks(privateJwk) };
  }
  if (env.AUTH_JWKS) {
    const json = env.AUTH_JWKS;
    return { kind: "local", id: `pinned:${json}`, jwks: async () => JSON.parse(json) as JSONWebKeySet };
  }
  // Only https: a JWKS fetched in clear could be swapped in transit.
  if (env.AUTH_JWKS_URL?.startsWith("https://")) return { kind: "remote", id: `url:${env.AUTH_JWKS_URL}`, url: env.AUTH_JWKS_URL };
  return undefined;
}

/** The development identity provider exists only in the local environment, whatever else is set. */
export function devIdpEnabled(env: GatewayEnv): boolean {
  return env.ENVIRONMENT === "local" && env.DEV_IDP_ENABLED === "true";
}

import { createLocalJWKSet, createRemoteJWKSet, type JSONWebKeySet, type JWTVerifyGetKey } from "jose";
import type { GatewayEnv } from "../env.js";
import { devPublicJwks } from "../dev-idp/keys.js";

/**
 * Where token signing keys come from, in order: the development identity provider (local only),
 * a pinned JWKS, or the bank's JWKS URL. Cached per isolate: jose's remote set keeps its own
 * cache and cooldown, so it must not be rebuilt per request.
 */
let cached: { source: string; keys: JWTVerifyGetKey } | undefined;

export async function tokenKeys(env: GatewayEnv): Promise<JWTVerifyGetKey | undefined> {
  const source = keySource(env);
  if (!source) return undefined;
  if (cached?.source === source.id) return cached.keys;
  const keys = source.kind === "remote" ? createRemoteJWKSet(new URL(source.url)) : createLocalJWKSet(await source.jwks());
  cached = { source: source.id, keys };
  return keys;
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
  if (env.AUTH_JWKS_URL) return { kind: "remote", id: `url:${env.AUTH_JWKS_URL}`, url: env.AUTH_JWKS_URL };
  return undefined;
}

/** The development identity provider exists only in the local environment, whatever else is set. */
export function devIdpEnabled(env: GatewayEnv): boolean {
  return env.ENVIRONMENT === "local" && env.DEV_IDP_ENABLED === "true";
}

/**
 * OAuth 2.0 authorization code flow with PKCE (RFC 7636, S256), client side. Pure functions: the
 * caller decides where the verifier and state live (sessionStorage, for one redirect only).
 */
import type { OidcConfig } from "../config.js";
import { toBase64Url as base64url } from "../../../packages/encoding/base64.js";

export { base64url };

/** 32 random bytes → 43 base64url characters: the verifier length RFC 7636 recommends. */
export function randomToken(bytes = 32): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

/** BASE64URL(SHA-256(ASCII(verifier))). */
export async function codeChallenge(verifier: string): Promise<string> {
  if (!VERIFIER.test(verifier)) throw new Error("a PKCE verifier is 43–128 unreserved characters");
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

export interface AuthorizationRequest {
  url: string;
  verifier: string;
  state: string;
}

export async function authorizationRequest(
  config: OidcConfig,
  redirectUri: string,
  random: () => string = randomToken,
): Promise<AuthorizationRequest> {
  const verifier = random();
  const state = random();
  const url = new URL(config.authorizationEndpoint);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("client_id", config.clientId);
  url.searchParams.set("redirect_uri", redirectUri);
  url.searchParams.set("scope", config.scope);
  url.searchParams.set("state", state);
  url.searchParams.set("code_challenge", await codeChallenge(verifier));
  url.searchParams.set("code_challenge_method", "S256");
  if (config.audience) url.searchParams.set("audience", config.audience);
  return { url: url.toString(), verifier, state };
}

export type CallbackResult = { ok: true; code: string } | { ok: false; error: string };

/** Reads the redirect back; a state that doesn't match is refused (login CSRF / mix-up). */
export function readCallback(search: string, expectedState: string | null): CallbackResult {
  const params = new URLSearchParams(search);
  const error = params.get("error");
  if (error) return { ok: false, error: params.get("error_description") ?? error };
  const code = params.get("code");
  const state = params.get("state");
  if (!code) return { ok: false, error: "the sign-in response has no code" };
  if (!expectedState || state !== expectedState) return { ok: false, error: "the sign-in response does not match this tab" };
  return { ok: true, code };
}

export interface TokenResponse {
  accessToken: string;
  expiresIn?: number;
}

/** Public client: no secret, the verifier proves this tab started the flow. */
export async function exchangeCode(
  config: OidcConfig,
  input: { code: string; verifier: string; redirectUri: string },
  fetchImpl: typeof fetch = fetch,
): Promise<TokenResponse> {
  const body = new URLSearchParams({
    grant_type: "authorization_code",
    code: input.code,
    redirect_uri: input.redirectUri,
    client_id: config.clientId,
    code_verifier: input.verifier,
  });
  const response = await fetchImpl(config.tokenEndpoint, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
    body,
  });
  const json = (await response.json().catch(() => ({}))) as {
    access_token?: unknown;
    expires_in?: unknown;
    error?: string;
    error_description?: string;
  };
  if (!response.ok || typeof json.access_token !== "string") {
    throw new Error(json.error_description ?? json.error ?? `the token exchange failed (${response.status})`);
  }
  return {
    accessToken: json.access_token,
    expiresIn: typeof json.expires_in === "number" ? json.expires_in : undefined,
  };
}

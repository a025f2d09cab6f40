/** The redirect half of the OIDC login: what must survive the round trip to the bank's login page. */
import type { OidcConfig } from "../config.js";
import { authorizationRequest, exchangeCode, readCallback } from "./pkce.js";

const PENDING_KEY = "teller.pkce";

function redirectUri(config: OidcConfig): string {
  return new URL(config.redirectPath, location.origin).toString();
}

export async function startOidcLogin(config: OidcConfig): Promise<void> {
  const request = await authorizationRequest(config, redirectUri(config));
  // The verifier is for this one redirect: sessionStorage (this tab), removed on return.
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ verifier: request.verifier, state: request.state }));
  location.assign(request.url);
}

export function isOidcCallback(config: OidcConfig): boolean {
  return location.pathname === config.redirectPath && /[?&](code|error)=/.test(location.search);
}

/** Finishes the flow on the callback URL and returns the access token for the gateway. */
export async function completeOidcLogin(config: OidcConfig, landingPath = "/"): Promise<{ accessToken: string }> {
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? "null") as { verifier: string; state: string } | null;
  sessionStorage.removeItem(PENDING_KEY);
  const search = location.search;
  // The code must not stay in the address bar or history.
  history.replaceState(null, "", landingPath);
  const callback = readCallback(search, pending?.state ?? null);
  if (!callback.ok) throw new Error(callback.error);
  if (!pending) throw new Error("the sign-in was not started in this tab");
  return exchangeCode(config, { code: callback.code, verifier: pending.verifier, redirectUri: redirectUri(config) });
}

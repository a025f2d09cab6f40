/**
 * The signed-in session: the bearer token and when it stops being usable. Kept in sessionStorage
 * (this tab only, gone when it closes) so a reload doesn't sign the customer out; never longer
 * than the token's own `exp`, and never more than an hour.
 */
import { fromBase64Url } from "../../../packages/encoding/base64.js";

export interface Session {
  token: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  customerId: string;
  name: string;
}

const KEY = "teller.session";
const MAX_LIFETIME_MS = 60 * 60 * 1000;

interface Claims {
  exp?: number;
  sub?: string;
  name?: string;
}

/** Reads (does not verify: the gateway does) the claims the page needs for display and expiry. */
export function tokenClaims(token: string): Claims {
  const payload = token.split(".")[1];
  if (!payload) return {};
  try {
    return JSON.parse(new TextDecoder().decode(fromBase64Url(payload))) as Claims;
  } catch {
    return {};
  }
}

export function sessionFromToken(token: string, now = Date.now(), fallbackName = "Customer"): Session | null {
  const claims = tokenClaims(token);
  if (typeof claims.exp !== "number" || typeof claims.sub !== "string") return null;
  const expiresAt = Math.min(claims.exp * 1000, now + MAX_LIFETIME_MS);
  if (expiresAt <= now) return null;
  return { token, expiresAt, customerId: claims.sub, name: claims.name ?? fallbackName };
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function loadSession(now = Date.now()): Session | null {
  try {
    const session = JSON.parse(sessionStorage.getItem(KEY) ?? "null") as Session | null;
    if (session && typeof session.token === "string" && session.expiresAt > now) return session;
  } catch {
    // unreadable: treat as signed out
  }
  clearSession();
  return null;
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}

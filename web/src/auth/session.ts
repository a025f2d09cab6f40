/**
 * The signed-in session: the bearer token and when it stops being usable. Kept in sessionStorage
 * (this tab only, gone when it closes) so a reload doesn't sign the customer out; never longer
 * than the token's own `exp`, and never more than an hour. `signedInAt` is what the chat reads
 * from: a fresh sign-in on a shared device starts empty, a reload restores only this sign-in's turns.
 */
import { fromBase64Url } from "../../../packages/encoding/base64.js";

export interface Session {
  token: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  customerId: string;
  name: string;
  /**
   * Epoch milliseconds of this sign-in, by the server's clock (the turns are kept by it, and a
   * device's clock may be off): the login's own instant when it says one, else the token's `iat`.
   */
  signedInAt: number;
}

const KEY = "teller.session";
const MAX_LIFETIME_MS = 60 * 60 * 1000;

interface Claims {
  exp?: number;
  iat?: number;
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

/**
 * `signedInAt`: the login answer's instant (ISO 8601), if it gave one. Without it (an identity
 * provider's token), the token's `iat`; this device's clock only when the token has neither.
 */
export function sessionFromToken(token: string, now = Date.now(), fallbackName = "Customer", signedInAt?: string): Session | null {
  const claims = tokenClaims(token);
  if (typeof claims.exp !== "number" || typeof claims.sub !== "string") return null;
  const expiresAt = Math.min(claims.exp * 1000, now + MAX_LIFETIME_MS);
  if (expiresAt <= now) return null;
  return { token, expiresAt, customerId: claims.sub, name: claims.name ?? fallbackName, signedInAt: signInInstant(claims, signedInAt, now) };
}

function signInInstant(claims: Claims, said: string | undefined, now: number): number {
  const parsed = said === undefined ? NaN : Date.parse(said);
  if (Number.isFinite(parsed)) return parsed;
  return typeof claims.iat === "number" && Number.isFinite(claims.iat) ? claims.iat * 1000 : now;
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function loadSession(now = Date.now()): Session | null {
  try {
    const session = JSON.parse(sessionStorage.getItem(KEY) ?? "null") as Session | null;
    if (session && typeof session.token === "string" && session.expiresAt > now) {
      // Saved before sign-ins were timed: the token's own issue time stands in.
      if (typeof session.signedInAt !== "number") session.signedInAt = signInInstant(tokenClaims(session.token), undefined, now);
      return session;
    }
  } catch {
    // unreadable: treat as signed out
  }
  clearSession();
  return null;
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}

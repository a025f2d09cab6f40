/**
 * What an open chat WebSocket carries between frames (in its hibernation attachment): when the
 * token that opened it expires, and when the customer's status was last checked in Postgres.
 */
export interface SocketAuth {
  tokenValidUntil: number | null;
  statusCheckedAt: number;
  /**
   * The sign-in of the page that opened it (epoch ms; from the upgrade's `since`, then its resume):
   * its state frames leave out what waits from before it, and its messages do not answer that.
   */
  sinceMs?: number;
}

/** Close codes a client can tell apart: sign in again, or access withdrawn. */
export const CLOSE_TOKEN_EXPIRED = 4401;
export const CLOSE_CUSTOMER_DISABLED = 4403;

/** An open socket re-checks the customer's status at least this often (and before any money confirmation). */
export const STATUS_RECHECK_MS = 30_000;

export function socketAuth(ws: WebSocket): SocketAuth | null {
  try {
    return (ws.deserializeAttachment() as SocketAuth | null) ?? null;
  } catch {
    return null;
  }
}

export function tokenExpired(auth: SocketAuth | null, now: number): boolean {
  return auth?.tokenValidUntil != null && now >= auth.tokenValidUntil;
}

export function statusDue(auth: SocketAuth | null, now: number): boolean {
  return auth !== null && now - auth.statusCheckedAt >= STATUS_RECHECK_MS;
}

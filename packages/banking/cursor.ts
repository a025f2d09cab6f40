/**
 * Keyset pagination over (posted_at DESC, id DESC). The cursor names the last row of a page, so
 * rows inserted later (newer) never shift the pages that follow: no duplicates, no gaps. It is
 * opaque to clients (base64url) and versioned so its shape can change.
 */
import { fromBase64Url, toBase64Url } from "../encoding/base64.js";

export interface CursorPosition {
  postedAtMs: number;
  id: string;
}

const VERSION = "v1";

export function encodeCursor(position: CursorPosition): string {
  return toBase64Url(new TextEncoder().encode(`${VERSION}:${position.postedAtMs}:${position.id}`));
}

/** The position, or null when the text is not a cursor this code wrote. */
export function decodeCursor(cursor: string): CursorPosition | null {
  if (cursor.length > 200 || !/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  let text: string;
  try {
    text = new TextDecoder().decode(fromBase64Url(cursor));
  } catch {
    return null;
  }
  const match = /^v1:(\d{1,15}):(txn_[0-9a-z]{20})$/.exec(text);
  if (!match) return null;
  const postedAtMs = Number(match[1]);
  if (!Number.isSafeInteger(postedAtMs)) return null;
  return { postedAtMs, id: match[2]! };
}

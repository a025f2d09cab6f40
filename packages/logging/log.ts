import { setBounded } from "../bounded-map/bounded-map.js";
import { redactText } from "../redaction/redact.js";

/**
 * Structured logs: one JSON object per line, only flat primitive fields. Callers pass identifiers
 * through `hashForLog` and free text through `scrubForLog`; nothing here ever receives a token, a
 * message text or an amount — the record type only has room for what a log line needs.
 */
export type LogValue = string | number | boolean | null | undefined;
export type LogRecord = Record<string, LogValue>;
export type LogLevel = "info" | "warn" | "error";

export function logJson(level: LogLevel, msg: string, record: LogRecord = {}): void {
  const line = JSON.stringify({ level, msg, ...record });
  if (level === "error") console.error(line);
  else if (level === "warn") console.warn(line);
  else console.log(line);
}

const HASH_HEX_CHARS = 16;
// Settled values only, never a pending promise: a WebCrypto promise started in one request and
// awaited from another is I/O across requests in workerd ("Cannot perform I/O on behalf of a
// different request"), and the second request hung — two staff claiming one hand-off at once
// hashed the same customer id. Concurrent first uses each compute it once.
const keys = new Map<string, CryptoKey>();
// Pseudonyms already computed in this isolate: the gateway hashes the customer on every request
// (request log, whoami), and an HMAC through WebCrypto costs more than the rest of a cached-token
// request.
const MAX_REMEMBERED_HASHES = 10_000;
const remembered = new Map<string, string>();

/**
 * A stable pseudonym for an identifier (a customer id, an IP): HMAC-SHA-256 keyed with a
 * per-deployment salt, truncated to 64 bits. Keyed, so that nobody holding the logs can confirm a
 * guessed customer id by hashing it; truncated, because it only needs to correlate log lines.
 */
export async function hashForLog(value: string, salt: string): Promise<string> {
  const cacheKey = `${salt}\u0000${value}`;
  const hit = remembered.get(cacheKey);
  if (hit !== undefined) return hit;
  // A failed hash is not remembered (it throws): the next call tries again.
  const hashed = await hmacHex(value, salt);
  setBounded(remembered, cacheKey, hashed, MAX_REMEMBERED_HASHES);
  return hashed;
}

async function hmacHex(value: string, salt: string): Promise<string> {
  let key = keys.get(salt);
  if (!key) {
    key = await crypto.subtle.importKey("raw", new TextEncoder().encode(salt), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    keys.set(salt, key);
  }
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(value)));
  let hex = "";
  for (const byte of mac.subarray(0, HASH_HEX_CHARS / 2)) hex += byte.toString(16).padStart(2, "0");
  return hex;
}

const MAX_SCRUBBED_CHARS = 300;

/** Free text bound for a log (an error message): personal data and tokens masked, length capped. */
export function scrubForLog(text: string): string {
  const masked = redactText(text);
  return masked.length > MAX_SCRUBBED_CHARS ? `${masked.slice(0, MAX_SCRUBBED_CHARS)}…` : masked;
}

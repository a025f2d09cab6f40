import { decodeBase64 as fromBase64, encodeBase64 as toBase64 } from "../common/base64.js";
import type { DataKey } from "./data-keys.js";

/**
 * Transcript text encrypted with a customer's data key (AES-256-GCM, a random 96-bit IV each
 * time), as one string that fits a TEXT or JSON column:
 *
 *   tc1.<data key id>.<base64 iv ‖ ciphertext ‖ tag>
 *
 * The customer id is the additional data, so ciphertext moved to another customer's row fails.
 */
const PREFIX = "tc1.";
const IV_BYTES = 12;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function isSealed(value: unknown): value is string {
  return typeof value === "string" && value.startsWith(PREFIX);
}

/** The data key a sealed value needs, or undefined when it is not sealed text. */
export function sealedKeyId(value: string): string | undefined {
  if (!isSealed(value)) return undefined;
  return value.slice(PREFIX.length, value.indexOf(".", PREFIX.length));
}

export async function sealText(dataKey: DataKey, plaintext: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const ciphertext = new Uint8Array(
    await crypto.subtle.encrypt({ name: "AES-GCM", iv, additionalData: encoder.encode(dataKey.customerId) }, dataKey.key, encoder.encode(plaintext)),
  );
  const out = new Uint8Array(IV_BYTES + ciphertext.byteLength);
  out.set(iv);
  out.set(ciphertext, IV_BYTES);
  return `${PREFIX}${dataKey.keyId}.${toBase64(out)}`;
}

/** Decrypts; throws when the key is not the one it was sealed with, or the value was altered. */
export async function openText(dataKey: DataKey, sealed: string): Promise<string> {
  if (sealedKeyId(sealed) !== dataKey.keyId) throw new Error("openText: sealed with another data key");
  const bytes = fromBase64(sealed.slice(sealed.indexOf(".", PREFIX.length) + 1));
  const plaintext = await crypto.subtle.decrypt(
    { name: "AES-GCM", iv: bytes.subarray(0, IV_BYTES), additionalData: encoder.encode(dataKey.customerId) },
    dataKey.key,
    bytes.subarray(IV_BYTES),
  );
  return decoder.decode(plaintext);
}

/**
 * Event payloads as queued and stored: `{ "sealed": "tc1.…" }` in place of the JSON object.
 * A payload that is not sealed (audit events, rows from before encryption) passes through.
 */
export interface SealedPayload {
  sealed: string;
}

export async function sealPayload(dataKey: DataKey, payload: Record<string, unknown>): Promise<SealedPayload> {
  return { sealed: await sealText(dataKey, JSON.stringify(payload)) };
}

export function isSealedPayload(payload: unknown): payload is SealedPayload {
  return typeof payload === "object" && payload !== null && Object.keys(payload).length === 1 && isSealed((payload as SealedPayload).sealed);
}

export async function openPayload(dataKey: DataKey, payload: SealedPayload): Promise<Record<string, unknown>> {
  return JSON.parse(await openText(dataKey, payload.sealed)) as Record<string, unknown>;
}

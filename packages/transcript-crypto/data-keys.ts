import { decodeBase64 as fromBase64, encodeBase64 as toBase64 } from "../encoding/base64.js";
import type { MasterKeyring } from "./master-keys.js";

/**
 * A customer's data key as stored: AES-256 key bytes encrypted (AES-GCM) under a master key. The
 * additional data binds it to its customer and key id, so a wrapped key copied onto another
 * customer's row does not open.
 */
export interface WrappedDataKey {
  keyId: string;
  customerId: string;
  masterKeyId: string;
  /** base64(iv ‖ ciphertext ‖ tag) */
  wrapped: string;
}

export interface DataKey {
  keyId: string;
  customerId: string;
  key: CryptoKey;
}

export class KeyUnavailableError extends Error {
  override name = "KeyUnavailableError";
}

const IV_BYTES = 12;
const encoder = new TextEncoder();
const bindingOf = (customerId: string, keyId: string) => encoder.encode(`teller-data-key\n${customerId}\n${keyId}`);

/** A new random data key, wrapped by the current master key. */
export async function createDataKey(keyring: MasterKeyring, customerId: string): Promise<{ wrapped: WrappedDataKey; dataKey: DataKey }> {
  const keyId = crypto.randomUUID();
  const generated = (await crypto.subtle.generateKey({ name: "AES-GCM", length: 256 }, true, ["encrypt", "decrypt"])) as CryptoKey;
  const wrapped = await wrapWith(keyring, keyring.currentId, customerId, keyId, generated);
  // The cached copy is not extractable: only the wrapped form ever leaves WebCrypto.
  return { wrapped, dataKey: await unwrapDataKey(keyring, wrapped) };
}

export async function unwrapDataKey(keyring: MasterKeyring, wrapped: WrappedDataKey): Promise<DataKey> {
  const open = opener(keyring, wrapped);
  try {
    return { keyId: wrapped.keyId, customerId: wrapped.customerId, key: await open(false) };
  } catch {
    throw new KeyUnavailableError(`data key ${wrapped.keyId} does not open with master key ${wrapped.masterKeyId}`);
  }
}

/** Key rotation: the same data key, wrapped by the keyring's current master key. Ciphertext is untouched. */
export async function rewrapDataKey(keyring: MasterKeyring, wrapped: WrappedDataKey): Promise<WrappedDataKey> {
  const extractable = await opener(keyring, wrapped)(true);
  return wrapWith(keyring, keyring.currentId, wrapped.customerId, wrapped.keyId, extractable);
}

/**
 * Unwraps a data key with the master key that wrapped it, bound to its customer and key id;
 * extractable only to be wrapped again. Throws KeyUnavailableError at once when the keyring lacks
 * that master key.
 */
function opener(keyring: MasterKeyring, wrapped: WrappedDataKey): (extractable: boolean) => Promise<CryptoKey> {
  const master = keyring.keys.get(wrapped.masterKeyId);
  if (!master) throw new KeyUnavailableError(`master key ${wrapped.masterKeyId} is not in TRANSCRIPT_MASTER_KEYS`);
  const bytes = fromBase64(wrapped.wrapped);
  return (extractable) =>
    crypto.subtle.unwrapKey(
      "raw",
      bytes.subarray(IV_BYTES),
      master,
      { name: "AES-GCM", iv: bytes.subarray(0, IV_BYTES), additionalData: bindingOf(wrapped.customerId, wrapped.keyId) },
      { name: "AES-GCM" },
      extractable,
      ["encrypt", "decrypt"],
    );
}

async function wrapWith(keyring: MasterKeyring, masterKeyId: string, customerId: string, keyId: string, key: CryptoKey): Promise<WrappedDataKey> {
  const master = keyring.keys.get(masterKeyId)!;
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = new Uint8Array(await crypto.subtle.wrapKey("raw", key, master, { name: "AES-GCM", iv, additionalData: bindingOf(customerId, keyId) }));
  const out = new Uint8Array(IV_BYTES + sealed.byteLength);
  out.set(iv);
  out.set(sealed, IV_BYTES);
  return { keyId, customerId, masterKeyId, wrapped: toBase64(out) };
}

import { decodeBase64 as fromBase64, encodeBase64 as toBase64 } from "../encoding/base64.js";

/**
 * The master keys that wrap every customer's data key, from a secret. Several are held at once so
 * a rotation can re-wrap with the current one while data keys wrapped by an older one still open.
 *
 *   TRANSCRIPT_MASTER_KEYS   = {"<id>": "<base64 of 32 random bytes>", …}   (secret)
 *   TRANSCRIPT_MASTER_KEY_ID = "<id>"                                        (the one new keys use)
 */
export interface MasterKeyring {
  currentId: string;
  keys: ReadonlyMap<string, CryptoKey>;
}

const KEY_ID = /^[A-Za-z0-9_.-]{1,64}$/;

export class KeyConfigError extends Error {
  override name = "KeyConfigError";
}

/** Parses and imports the secret; throws KeyConfigError (never naming key material) when it is unusable. */
export async function importMasterKeys(keysJson: string | undefined, currentId: string | undefined): Promise<MasterKeyring> {
  if (!keysJson) throw new KeyConfigError("TRANSCRIPT_MASTER_KEYS is not set: transcripts are never stored unencrypted");
  let parsed: unknown;
  try {
    parsed = JSON.parse(keysJson);
  } catch {
    throw new KeyConfigError("TRANSCRIPT_MASTER_KEYS is not JSON");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new KeyConfigError("TRANSCRIPT_MASTER_KEYS must be an object of id → base64 key");
  const keys = new Map<string, CryptoKey>();
  for (const [id, value] of Object.entries(parsed)) {
    if (!KEY_ID.test(id)) throw new KeyConfigError(`TRANSCRIPT_MASTER_KEYS: key id "${id.slice(0, 64)}" must be 1–64 of A-Z a-z 0-9 _ . -`);
    let raw: Uint8Array<ArrayBuffer>;
    try {
      raw = fromBase64(String(value));
    } catch {
      throw new KeyConfigError(`TRANSCRIPT_MASTER_KEYS: key ${id} is not base64`);
    }
    if (raw.byteLength !== 32) throw new KeyConfigError(`TRANSCRIPT_MASTER_KEYS: key ${id} must be 32 bytes (AES-256)`);
    keys.set(id, await crypto.subtle.importKey("raw", raw, { name: "AES-GCM" }, false, ["wrapKey", "unwrapKey"]));
  }
  const current = currentId ?? (keys.size === 1 ? [...keys.keys()][0] : undefined);
  if (!current || !keys.has(current)) throw new KeyConfigError("TRANSCRIPT_MASTER_KEY_ID must name one of TRANSCRIPT_MASTER_KEYS");
  return { currentId: current, keys };
}

/** A fresh master key entry, for `npm start`, the tests and the rotation runbook: never commit one. */
export function generateMasterKey(): string {
  return toBase64(crypto.getRandomValues(new Uint8Array(32)));
}

/**
 * Imported keyrings by secret value: importing costs a few WebCrypto calls, and a Worker isolate
 * or Durable Object sees the same secret on every request. Only an imported keyring is kept, never
 * the import's promise: a promise started in one request (or Durable Object) and awaited from
 * another is I/O across contexts in workerd — "Cannot perform I/O on behalf of a different
 * Durable Object", and the waiting one hung. Two concurrent first uses each import once.
 */
const imported = new Map<string, MasterKeyring>();

export async function masterKeyring(keysJson: string | undefined, currentId: string | undefined): Promise<MasterKeyring> {
  const cacheKey = `${currentId ?? ""}\n${keysJson ?? ""}`;
  const hit = imported.get(cacheKey);
  if (hit) return hit;
  const keyring = await importMasterKeys(keysJson, currentId);
  if (imported.size >= 4) imported.clear();
  imported.set(cacheKey, keyring);
  return keyring;
}

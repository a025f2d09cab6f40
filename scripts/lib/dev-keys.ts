import { exportJWK, generateKeyPair } from "jose";

/** A fresh ES256 key for the development identity provider, as the JSON the gateway reads. */
export async function generateDevIdpKey(): Promise<string> {
  const { privateKey } = await generateKeyPair("ES256", { extractable: true });
  const jwk = await exportJWK(privateKey);
  return JSON.stringify({ ...jwk, kid: `dev-${crypto.randomUUID().slice(0, 8)}`, alg: "ES256" });
}

/**
 * A fresh transcript master keyring for `npm start` and the tests (TRANSCRIPT_MASTER_KEYS and
 * TRANSCRIPT_MASTER_KEY_ID). Generated on the machine, kept in `.data/` (git-ignored); deployed
 * environments get theirs from `wrangler secret put` (docs/operations.md).
 */
export function generateDevTranscriptKeys(): { TRANSCRIPT_MASTER_KEYS: string; TRANSCRIPT_MASTER_KEY_ID: string } {
  const id = `dev-${crypto.randomUUID().slice(0, 8)}`;
  const key = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64");
  return { TRANSCRIPT_MASTER_KEYS: JSON.stringify({ [id]: key }), TRANSCRIPT_MASTER_KEY_ID: id };
}

import { exportJWK, generateKeyPair } from "jose";

/** A fresh ES256 key for the development identity provider, as the JSON the gateway reads. */
export async function generateDevIdpKey(): Promise<string> {
  const { privateKey } = await generateKeyPair("ES256", { extractable: true });
  const jwk = await exportJWK(privateKey);
  return JSON.stringify({ ...jwk, kid: `dev-${crypto.randomUUID().slice(0, 8)}`, alg: "ES256" });
}

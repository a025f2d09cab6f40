import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair, jwtVerify } from "jose";
import { DEV_IDP_ALG, DEV_TOKEN_LIFETIME_SECONDS, devPublicJwks, devSigningKey, parsePrivateJwk, signDevToken } from "./keys.js";
import { ACCESS_TOKEN_TYPE } from "../config.js";

const privateJwk = (env as unknown as { DEV_IDP_PRIVATE_JWK: string }).DEV_IDP_PRIVATE_JWK;

describe("the development identity provider's key", () => {
  it("publishes only the public half, and what it signs verifies against that", async () => {
    const jwks = await devPublicJwks(privateJwk);
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).not.toHaveProperty("d");
    expect(jwks.keys[0]).toMatchObject({ kty: "EC", crv: "P-256", alg: DEV_IDP_ALG, use: "sig", kid: parsePrivateJwk(privateJwk).kid });
    const { key, kid } = await devSigningKey(privateJwk);
    const token = await new SignJWT({ sub: "cus_1" }).setProtectedHeader({ alg: DEV_IDP_ALG, kid }).sign(key);
    expect((await jwtVerify(token, createLocalJWKSet(jwks))).payload.sub).toBe("cus_1");
  });

  it("must be an EC P-256 private JWK with a kid", async () => {
    const full = JSON.parse(privateJwk) as Record<string, unknown>;
    const { privateKey: rsa } = await generateKeyPair("RS256", { extractable: true });
    for (const bad of [{ ...full, kid: undefined }, { ...full, d: undefined }, { ...full, crv: "P-384" }, { ...(await exportJWK(rsa)), kid: "rsa" }]) {
      expect(() => parsePrivateJwk(JSON.stringify(bad))).toThrow(/EC P-256 private JWK with a kid/);
    }
  });

  it("signs a development access token for a subject, issuer and audience, an hour long", async () => {
    const to = { issuer: "https://dev.example/", audience: "teller-test", subject: "cus_1" };
    const { token, expiresIn } = await signDevToken(privateJwk, { name: "Ada" }, to);
    const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(await devPublicJwks(privateJwk)), { issuer: to.issuer, audience: to.audience });
    expect(protectedHeader).toMatchObject({ alg: DEV_IDP_ALG, kid: parsePrivateJwk(privateJwk).kid, typ: ACCESS_TOKEN_TYPE });
    expect(payload).toMatchObject({ sub: "cus_1", name: "Ada" });
    expect(payload.exp! - payload.iat!).toBe(DEV_TOKEN_LIFETIME_SECONDS);
    expect(expiresIn).toBe(DEV_TOKEN_LIFETIME_SECONDS);
    expect(typeof payload.jti).toBe("string");
  });
});

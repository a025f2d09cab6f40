import { describe, expect, it } from "vitest";
import { SignJWT, exportJWK, generateKeyPair } from "jose";
import { createGatewayApp } from "../gateway.app.js";
import { createVerifiedTokenCache, VERIFIED_TOKEN_TTL_MS } from "./verified-tokens.js";
import type { GatewayEnv } from "../env.js";
import { uniqueCustomerId } from "../../../test/workerd/helpers.js";
import { expectError, testContext, testEnv } from "../../../test/workerd/attacks/support.js";

/**
 * The per-isolate cache of verified tokens must never widen what is accepted: it answers only for
 * the byte-identical token, under the same keys and settings, for a bounded time.
 */
describe("the verified-token cache", () => {
  it("does not carry a token verified under one key set over to another configuration", async () => {
    const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), kid: "bank-1", alg: "ES256" };
    const env = (keys: object[], audience = "teller"): GatewayEnv => ({
      ENVIRONMENT: "production",
      CHAT: testEnv.CHAT,
      BANKING: testEnv.BANKING,
      AUTH_ISSUER: "https://login.bank.example",
      AUTH_AUDIENCE: audience,
      AUTH_JWKS: JSON.stringify({ keys }),
      LOG_LEVEL: "warn",
    });
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: "ES256", kid: "bank-1", typ: "at+jwt" })
      .setIssuer("https://login.bank.example")
      .setAudience("teller")
      .setSubject(uniqueCustomerId("token_cache"))
      .setIssuedAt()
      .setExpirationTime("10m")
      .sign(privateKey);
    const app = createGatewayApp();
    const whoami = (e: GatewayEnv) =>
      app.fetch(new Request("https://teller.test/api/whoami", { headers: { authorization: `Bearer ${token}` } }), e, testContext());

    expect((await whoami(env([jwk]))).status).toBe(200);
    expect((await whoami(env([jwk]))).status).toBe(200);
    // The bank withdrew the key: the same token, verified a moment ago, is refused at once.
    await expectError(await whoami(env([{ ...jwk, kid: "bank-2" }])), 401, "unauthorized");
    // Another audience: not served from the cache either.
    await expectError(await whoami(env([jwk], "another-app")), 401, "unauthorized");
  });

  it("forgets an entry at the token's own end of validity or after its lifetime, whichever is first", () => {
    const clock = { now: 1_000_000 };
    const cache = createVerifiedTokenCache({ now: () => clock.now });
    const keys = {};
    cache.set(keys, "scope", "short.lived.token", { sub: "cus_a" }, clock.now + 5_000);
    cache.set(keys, "scope", "long.lived.token", { sub: "cus_b" }, clock.now + 3_600_000);
    expect(cache.get(keys, "scope", "short.lived.token")).toEqual({ sub: "cus_a" });
    expect(cache.get(keys, "other scope", "short.lived.token")).toBeUndefined();
    expect(cache.get({}, "scope", "short.lived.token")).toBeUndefined();
    clock.now += 5_001;
    expect(cache.get(keys, "scope", "short.lived.token")).toBeUndefined();
    expect(cache.get(keys, "scope", "long.lived.token")).toEqual({ sub: "cus_b" });
    clock.now += VERIFIED_TOKEN_TTL_MS;
    expect(cache.get(keys, "scope", "long.lived.token")).toBeUndefined();
  });

  it("stays bounded under a flood of distinct valid tokens", () => {
    const cache = createVerifiedTokenCache({ maxEntries: 100 });
    const keys = {};
    for (let i = 0; i < 1_000; i++) cache.set(keys, "s", `token-${i}`, { sub: `cus_${i}` }, Date.now() + 60_000);
    expect(cache.get(keys, "s", "token-0")).toBeUndefined();
    expect(cache.get(keys, "s", "token-999")).toEqual({ sub: "cus_999" });
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { SignJWT, exportJWK, exportSPKI, generateKeyPair, importJWK } from "jose";
import type { TestCustomer } from "../../../scripts/db/fixtures.js";
import { balances, idempotencyKey, makeCustomer, postTransfer, tokenFor } from "../banking-helpers.js";
import { parsePrivateJwk } from "../../../workers/gateway/dev-idp/keys.js";
import { gatewayFetch } from "../helpers.js";
import { authGet, base64url, expectError, rawToken, signRawWithDevKey, signToken, testEnv, validClaims } from "./support.js";

/**
 * OWASP ASVS 5 V9 (self-contained tokens): every defective token is refused with 401 on a route
 * that moves money, and the victim's balances are exactly what they were.
 */
let victim: TestCustomer;
let victimToken: string;
let before: Record<string, string>;

beforeAll(async () => {
  victim = await makeCustomer("attack_tokens", { checking: 500_00 });
  victimToken = await tokenFor(victim.customerId);
  before = await balances(victimToken);
});

function attackTransfer(token: string): Promise<Response> {
  return postTransfer(token, idempotencyKey("attack"), {
    fromAccountId: victim.checkingId,
    toAccountId: victim.savingsId,
    amount: { value: "1.00", currency: "USD" },
  });
}

async function expectRefusedAndNothingMoved(token: string): Promise<void> {
  const response = await attackTransfer(token);
  await expectError(response, 401, "unauthorized");
  expect(response.headers.get("www-authenticate")).toMatch(/^Bearer /);
  expect(await balances(victimToken)).toEqual(before);
}

async function foreignKey(alg: string) {
  return generateKeyPair(alg, { extractable: true });
}

describe("tokens that are refused on a money-moving route", () => {
  const sub = () => victim.customerId;
  const cases: Array<[string, () => Promise<string>]> = [
    ["a tampered payload (sub swapped, signature kept)", async () => {
      const [header, , signature] = (await signToken({ sub: "cus_someone_else" })).split(".");
      return `${header}.${base64url(JSON.stringify(validClaims(sub())))}.${signature}`;
    }],
    ["a signature from an untrusted key under the trusted kid", async () => signToken({ sub: sub(), key: (await foreignKey("ES256")).privateKey })],
    ["an expired token (past the clock tolerance)", () => signToken({ sub: sub(), iat: -300, exp: -60 })],
    ["a token that is not yet valid (nbf ahead of the tolerance)", () => signToken({ sub: sub(), nbf: 120 })],
    ["a token issued in the future", () => signToken({ sub: sub(), iat: 120 })],
    ["a token older than the maximum age, even though unexpired", () => signToken({ sub: sub(), iat: -3700, exp: 600 })],
    ["the wrong audience", () => signToken({ sub: sub(), aud: "another-app" })],
    ["the wrong issuer", () => signToken({ sub: sub(), iss: "https://evil.example" })],
    ["no exp", () => signToken({ sub: sub(), exp: null })],
    ["no iat", () => signToken({ sub: sub(), iat: null })],
    ["no sub", () => signToken({ sub: null })],
    ["an empty sub", () => signToken({ sub: "" })],
    ["a sub that is not a string", () => signToken({ sub: null, claims: { sub: 42 as unknown as string } })],
    ["a sub longer than any customer id", () => signToken({ sub: "c".repeat(129) })],
    ["an unknown kid", () => signToken({ sub: sub(), header: { kid: "rotated-away" } })],
    ["alg none with an empty signature", async () => rawToken({ alg: "none", typ: "JWT" }, validClaims(sub()))],
    ["alg none with a made-up signature", async () => rawToken({ alg: "none" }, validClaims(sub()), "AAAA")],
    ["HS256 keyed with the trusted public key (PEM)", async () => {
      const publicKey = await importJWK({ ...publicDevJwk(), alg: "ES256" }, "ES256", { extractable: true });
      const pem = await exportSPKI(publicKey as CryptoKey);
      return signToken({ sub: sub(), alg: "HS256", key: new TextEncoder().encode(pem) });
    }],
    ["HS256 keyed with the trusted public key (JWK JSON)", async () =>
      signToken({ sub: sub(), alg: "HS256", key: new TextEncoder().encode(JSON.stringify(publicDevJwk())) })],
    ["ES384 from a foreign key", async () => signToken({ sub: sub(), alg: "ES384", key: (await foreignKey("ES384")).privateKey })],
    ["PS256 from a foreign key", async () => signToken({ sub: sub(), alg: "PS256", key: (await foreignKey("PS256")).privateKey })],
    ["EdDSA from a foreign key", async () => signToken({ sub: sub(), alg: "EdDSA", key: (await foreignKey("EdDSA")).privateKey })],
    ["a foreign key embedded in the jwk header", async () => {
      const { privateKey, publicKey } = await foreignKey("ES256");
      return signToken({ sub: sub(), key: privateKey, header: { jwk: await exportJWK(publicKey), kid: undefined } });
    }],
    ["a jku header pointing at the attacker's key set", async () =>
      signToken({ sub: sub(), key: (await foreignKey("ES256")).privateKey, header: { jku: "https://evil.example/jwks.json", kid: "evil" } })],
    ["an x5u header pointing at the attacker's certificate", async () =>
      signToken({ sub: sub(), key: (await foreignKey("ES256")).privateKey, header: { x5u: "https://evil.example/cert.pem", kid: "evil" } })],
    ["an unknown critical header", () => signRawWithDevKey({ crit: ["exp-ext"], "exp-ext": true }, validClaims(sub()))],
    // Explicit typing (RFC 8725 §3.11): an ID token, or any other JWT the same issuer signs for the
    // same audience, is not an access token.
    ["an ID token (typ JWT) instead of an access token", () => signToken({ sub: sub(), header: { typ: "JWT" } })],
    ["a token without typ", () => signRawWithDevKey({ typ: undefined }, validClaims(sub()))],
    ["a logout token's typ", () => signToken({ sub: sub(), header: { typ: "logout+jwt" } })],
  ];

  for (const [what, token] of cases) {
    it(`refuses ${what}`, async () => {
      await expectRefusedAndNothingMoved(await token());
    });
  }
});

describe("the Authorization header", () => {
  const cases: Array<[string, () => string | undefined]> = [
    ["no Authorization header", () => undefined],
    ["an empty Authorization header", () => ""],
    ["an empty Bearer", () => "Bearer "],
    ["the Basic scheme", () => `Basic ${btoa(`${victim.customerId}:password`)}`],
    ["a valid token with no scheme", () => victimToken],
    ["a valid token under another scheme", () => `Token ${victimToken}`],
    ["two tokens", () => `Bearer ${victimToken} ${victimToken}`],
    ["two Bearer credentials", () => `Bearer ${victimToken}, Bearer ${victimToken}`],
    ["a token with a fourth segment", () => `Bearer ${victimToken}.AAAA`],
    ["a token with characters outside base64url", () => `Bearer ${victimToken.replace(".", "+.")}`],
    ["a tab instead of a space", () => `Bearer\t${victimToken}`],
    ["a header longer than any real token", () => `Bearer ${"a".repeat(9000)}.${"b".repeat(10)}.${"c".repeat(10)}`],
  ];
  for (const [what, value] of cases) {
    it(`refuses ${what} with 401 and moves nothing`, async () => {
      const authorization = value();
      const response = await gatewayFetch("/api/transfers", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "idempotency-key": idempotencyKey("header"),
          ...(authorization === undefined ? {} : { authorization }),
        },
        body: JSON.stringify({ fromAccountId: victim.checkingId, toAccountId: victim.savingsId, amount: { value: "1.00", currency: "USD" } }),
      });
      await expectError(response, 401, "unauthorized");
      expect(await balances(victimToken)).toEqual(before);
    });
  }

  it("accepts the scheme in any case (RFC 9110: authentication schemes are case-insensitive)", async () => {
    for (const scheme of ["bearer", "BEARER", "BeArEr"]) {
      const response = await gatewayFetch("/api/whoami", { headers: { authorization: `${scheme} ${victimToken}` } });
      expect({ scheme, status: response.status }).toEqual({ scheme, status: 200 });
    }
  });
});

describe("the clock tolerance and the identity handed downstream", () => {
  it("accepts a token that expired within the 30 s tolerance, and one whose nbf is that close", async () => {
    expect((await authGet("/api/whoami", await signToken({ sub: victim.customerId, iat: -100, exp: -10 }))).status).toBe(200);
    expect((await authGet("/api/whoami", await signToken({ sub: victim.customerId, nbf: 10 }))).status).toBe(200);
  });

  it("accepts the same hand-signed token without the critical header (so that refusal is about crit)", async () => {
    expect((await authGet("/api/whoami", await signRawWithDevKey({}, validClaims(victim.customerId)))).status).toBe(200);
  });

  it("takes the customer only from the token's sub, never from headers, query or body", async () => {
    const mine = (await (await authGet("/api/whoami", victimToken)).json()) as { customer: string };
    const spoofed = await authGet("/api/whoami?customerId=cus_other&sub=cus_other", victimToken, {
      "x-customer-id": "cus_other",
      "x-forwarded-user": "cus_other",
    });
    expect(await spoofed.json()).toEqual(mine);
    const otherHash = (await (await authGet("/api/whoami", await tokenFor("cus_other"))).json()) as { customer: string };
    expect(otherHash.customer).not.toBe(mine.customer);

    const withCustomerField = await postTransfer(victimToken, idempotencyKey("field"), {
      customerId: "cus_other",
      fromAccountId: victim.checkingId,
      toAccountId: victim.savingsId,
      amount: { value: "1.00", currency: "USD" },
    });
    await expectError(withCustomerField, 400, "validation_failed");
    expect(await balances(victimToken)).toEqual(before);
  });

  it("does not read a token from the query string or a cookie", async () => {
    const response = await gatewayFetch(`/api/accounts?access_token=${victimToken}`, { headers: { cookie: `token=${victimToken}` } });
    await expectError(response, 401, "unauthorized");
  });
});

function publicDevJwk() {
  const { d: _private, ...publicJwk } = parsePrivateJwk(testEnv.DEV_IDP_PRIVATE_JWK);
  return publicJwk;
}

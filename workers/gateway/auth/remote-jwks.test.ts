import { describe, expect, it } from "vitest";
import { SignJWT, exportJWK, generateKeyPair, importJWK, type JWK } from "jose";
import { createGatewayApp } from "../gateway.app.js";
import type { GatewayEnv } from "../env.js";
import { REMOTE_JWKS_DEFAULTS } from "./remote-jwks.js";
import { uniqueCustomerId } from "../../../test/workerd/helpers.js";
import { expectError, testContext, testEnv } from "../../../test/workerd/attacks/support.js";

/**
 * The bank's JWKS endpoint, faked: keys rotate, the endpoint goes down, every fetch is counted.
 * The gateway under test is the real one, built with that fetch and a clock the test moves.
 */
const ISSUER = "https://login.bank.example";
const JWKS_URL = "https://login.bank.example/.well-known/jwks.json";
const MINUTE = 60_000;

interface BankKey {
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

async function bankKey(kid: string, alg: "ES256" | "RS256" = "ES256"): Promise<BankKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: "sig" } };
}

function bankToken(key: BankKey, sub: string, alg = key.jwk.alg!): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg, kid: key.kid, typ: "at+jwt" })
    .setIssuer(ISSUER)
    .setAudience("teller")
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime("10m")
    .sign(key.privateKey);
}

function fakeBank(initial: BankKey[]) {
  const bank = {
    published: initial.map((k) => k.jwk),
    down: false,
    fetches: 0,
    inits: [] as RequestInit[],
    fetch: (async (_url: string, init: RequestInit) => {
      bank.fetches++;
      bank.inits.push(init);
      if (bank.down) throw new TypeError("connect ECONNREFUSED");
      return Response.json({ keys: bank.published });
    }) as unknown as typeof fetch,
  };
  return bank;
}

function bankEnv(overrides: Partial<GatewayEnv> = {}): GatewayEnv {
  return {
    ENVIRONMENT: "production",
    CHAT: testEnv.CHAT,
    BANKING: testEnv.BANKING,
    AUDIT_EVENTS: testEnv.AUDIT_EVENTS,
    RL_READ: testEnv.RL_READ,
    AUTH_ISSUER: ISSUER,
    AUTH_AUDIENCE: "teller",
    AUTH_JWKS_URL: JWKS_URL,
    LOG_LEVEL: "warn",
    ...overrides,
  };
}

/** A production-configured gateway whose JWKS fetch and clock belong to the test. */
function gatewayWith(bank: ReturnType<typeof fakeBank>, env = bankEnv()) {
  const clock = { now: 1_000_000 };
  const app = createGatewayApp({ keys: { jwksFetch: bank.fetch, remote: { now: () => clock.now } } });
  const whoami = (token: string) =>
    app.fetch(new Request("https://teller.test/api/whoami", { headers: { authorization: `Bearer ${token}` } }), env, testContext());
  return { clock, whoami };
}

describe("a remote JWKS, cached per isolate", () => {
  it("fetches once, without following redirects, and verifies from the cache after that", async () => {
    const k1 = await bankKey("k1");
    const bank = fakeBank([k1]);
    const { whoami } = gatewayWith(bank);
    const sub = uniqueCustomerId("jwks_cache");
    for (let i = 0; i < 5; i++) expect((await whoami(await bankToken(k1, sub))).status).toBe(200);
    expect(bank.fetches).toBe(1);
    expect(bank.inits[0]).toMatchObject({ redirect: "error" });
  });

  it("verifies a rotated-in kid once the cooldown has passed, and stops trusting a rotated-out key after the cache age", async () => {
    const [k1, k2] = [await bankKey("k1"), await bankKey("k2")];
    const bank = fakeBank([k1]);
    const { clock, whoami } = gatewayWith(bank);
    const sub = uniqueCustomerId("jwks_rotate");
    expect((await whoami(await bankToken(k1, sub))).status).toBe(200);

    bank.published = [k1.jwk, k2.jwk];
    clock.now += 1_000; // within the cooldown of the first fetch: k2 is not known yet
    await expectError(await whoami(await bankToken(k2, sub)), 401, "unauthorized");
    expect(bank.fetches).toBe(1);

    clock.now += REMOTE_JWKS_DEFAULTS.cooldownMs;
    expect((await whoami(await bankToken(k2, sub))).status).toBe(200);
    expect(bank.fetches).toBe(2);

    bank.published = [k2.jwk];
    expect((await whoami(await bankToken(k1, sub))).status).toBe(200); // still cached
    clock.now += REMOTE_JWKS_DEFAULTS.maxAgeMs + 1;
    await expectError(await whoami(await bankToken(k1, sub)), 401, "unauthorized");
    expect((await whoami(await bankToken(k2, sub))).status).toBe(200);
    expect(bank.fetches).toBe(3);
  });

  it("answers a flood of unknown kids with at most one JWKS fetch per cooldown", async () => {
    const k1 = await bankKey("k1");
    const bank = fakeBank([k1]);
    const { clock, whoami } = gatewayWith(bank);
    const sub = uniqueCustomerId("jwks_flood");
    expect((await whoami(await bankToken(k1, sub))).status).toBe(200);
    const forger = await bankKey("forger");
    const flood = async (n: number) => {
      const tokens = await Promise.all(
        Array.from({ length: n }, (_, i) => bankToken({ ...forger, kid: `made-up-${i}` }, sub)),
      );
      const statuses = await Promise.all(tokens.map(async (t) => (await whoami(t)).status));
      expect(new Set(statuses)).toEqual(new Set([401]));
    };
    await flood(100);
    expect(bank.fetches).toBe(1);
    clock.now += REMOTE_JWKS_DEFAULTS.cooldownMs;
    await flood(100);
    expect(bank.fetches).toBe(2);
    clock.now += REMOTE_JWKS_DEFAULTS.cooldownMs / 2;
    await flood(50);
    expect(bank.fetches).toBe(2);
    expect((await whoami(await bankToken(k1, sub))).status).toBe(200);
  });

  it("keeps verifying from a warm cache while the endpoint is down, for a bounded time, then answers 503", async () => {
    const k1 = await bankKey("k1");
    const bank = fakeBank([k1]);
    const { clock, whoami } = gatewayWith(bank);
    const sub = uniqueCustomerId("jwks_outage");
    expect((await whoami(await bankToken(k1, sub))).status).toBe(200);

    bank.down = true;
    clock.now += 5 * MINUTE;
    expect((await whoami(await bankToken(k1, sub))).status).toBe(200);
    expect(bank.fetches).toBe(1);

    clock.now += REMOTE_JWKS_DEFAULTS.maxAgeMs; // stale: a refetch is tried, fails, the old keys serve
    expect((await whoami(await bankToken(k1, sub))).status).toBe(200);
    expect((await whoami(await bankToken(k1, sub))).status).toBe(200);
    expect(bank.fetches).toBe(2); // the second request was inside the cooldown

    clock.now += REMOTE_JWKS_DEFAULTS.staleIfErrorMs;
    await expectError(await whoami(await bankToken(k1, sub)), 503, "unavailable");

    bank.down = false;
    clock.now += REMOTE_JWKS_DEFAULTS.cooldownMs;
    expect((await whoami(await bankToken(k1, sub))).status).toBe(200);
  });

  it("answers 503, not 401, when the keys were never fetched or the document is unusable", async () => {
    const k1 = await bankKey("k1");
    const down = fakeBank([k1]);
    down.down = true;
    await expectError(await gatewayWith(down).whoami(await bankToken(k1, "cus_x")), 503, "unavailable");

    const garbage = fakeBank([k1]);
    garbage.fetch = (async () => new Response("<html>maintenance</html>", { status: 200 })) as unknown as typeof fetch;
    await expectError(await gatewayWith(garbage).whoami(await bankToken(k1, "cus_x")), 503, "unavailable");
  });

  it("never fetches keys over plain http", async () => {
    const k1 = await bankKey("k1");
    const bank = fakeBank([k1]);
    const { whoami } = gatewayWith(bank, bankEnv({ AUTH_JWKS_URL: "http://login.bank.example/jwks.json" }));
    await expectError(await whoami(await bankToken(k1, "cus_x")), 503, "unavailable");
    expect(bank.fetches).toBe(0);
  });
});

describe("a pinned RS256 key", () => {
  it("verifies RS256 and refuses the same key used under PS256 or with a mismatched kid", async () => {
    const rsa = await bankKey("rsa-1", "RS256");
    const env = bankEnv({ AUTH_JWKS_URL: undefined, AUTH_JWKS: JSON.stringify({ keys: [rsa.jwk] }) });
    const { whoami } = gatewayWith(fakeBank([]), env);
    const sub = uniqueCustomerId("rs256");
    expect((await whoami(await bankToken(rsa, sub))).status).toBe(200);
    // The same RSA key material, signing under PS256.
    const pss = (await importJWK({ ...(await exportJWK(rsa.privateKey)), alg: "PS256" }, "PS256")) as CryptoKey;
    await expectError(await whoami(await bankToken({ ...rsa, privateKey: pss }, sub, "PS256")), 401, "unauthorized");
    await expectError(await whoami(await bankToken({ ...rsa, kid: "rsa-2" }, sub)), 401, "unauthorized");
  });
});

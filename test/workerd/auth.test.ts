import { describe, expect, it } from "vitest";
import { env, exports } from "cloudflare:workers";
import { SignJWT, exportJWK, generateKeyPair } from "jose";
import { DEMO_CUSTOMERS } from "../../workers/gateway/dev-idp/demo-customers.js";
import { gatewayFetch, loginAs, postJson } from "./helpers.js";
import type { GatewayEnv } from "../../workers/gateway/env.js";
import gateway from "../../workers/gateway/index.js";

const alex = DEMO_CUSTOMERS[0]!.id;
const message = { id: "m-auth", text: "hello" };

describe("the gateway's authentication", () => {
  it("serves /healthz without a token", async () => {
    const response = await gatewayFetch("/healthz");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok" });
  });

  it("answers 401 with the error shape when there is no token", async () => {
    const response = await postJson("/api/chat/messages", undefined, message);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "unauthorized" } });
    expect(response.headers.get("www-authenticate")).toContain("Bearer");
  });

  it("answers 401 for a malformed or tampered token", async () => {
    const token = await loginAs(alex);
    const [header, payload, signature] = token.split(".");
    const forged = JSON.parse(atob(payload!.replace(/-/g, "+").replace(/_/g, "/")));
    forged.sub = DEMO_CUSTOMERS[1]!.id;
    const tampered = `${header}.${btoa(JSON.stringify(forged)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_")}.${signature}`;
    for (const bad of ["not-a-jwt", `${token}x`, tampered]) {
      const response = await postJson("/api/chat/messages", bad, message);
      expect(response.status).toBe(401);
    }
  });

  it("refuses a token signed by a key it does not trust", async () => {
    const { privateKey } = await generateKeyPair("ES256");
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: "ES256", kid: "attacker", typ: "at+jwt" })
      .setIssuer("teller-dev-idp")
      .setAudience("teller")
      .setSubject(alex)
      .setIssuedAt()
      .setExpirationTime("1h")
      .sign(privateKey);
    expect((await postJson("/api/chat/messages", token, message)).status).toBe(401);
  });

  it("lists demo customers and serves the development JWKS locally", async () => {
    const customers = (await (await gatewayFetch("/dev/customers")).json()) as { customers: Array<{ id: string }> };
    expect(customers.customers.map((c) => c.id)).toEqual(DEMO_CUSTOMERS.map((c) => c.id));
    const jwks = (await (await gatewayFetch("/dev/jwks.json")).json()) as { keys: Array<Record<string, unknown>> };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).not.toHaveProperty("d");
  });

  it("refuses to log in as an unknown customer", async () => {
    const response = await postJson("/dev/login", undefined, { customerId: "cus_nobody" });
    expect(response.status).toBe(404);
  });
});

describe("a production-configured gateway", () => {
  // The production vars from wrangler.toml, with the bank's keys pinned so no network is needed.
  async function productionEnv(): Promise<{ env: GatewayEnv; bankKey: CryptoKey }> {
    const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), kid: "bank-1", alg: "ES256" };
    const local = env as unknown as GatewayEnv;
    return {
      bankKey: privateKey,
      env: {
        CHAT: local.CHAT,
        BANKING: local.BANKING,
        ENVIRONMENT: "production",
        AUTH_ISSUER: "https://login.bank.example",
        AUTH_AUDIENCE: "teller",
        AUTH_JWKS: JSON.stringify({ keys: [jwk] }),
        // Even if someone copied these into production, they must have no effect.
        DEV_IDP_ENABLED: "true",
        DEV_IDP_PRIVATE_JWK: local.DEV_IDP_PRIVATE_JWK,
      },
    };
  }

  function call(path: string, prodEnv: GatewayEnv, init?: RequestInit) {
    const ctx = { waitUntil() {}, passThroughOnException() {}, props: {} } as unknown as ExecutionContext;
    return gateway.fetch(new Request(`https://teller.test${path}`, init), prodEnv, ctx);
  }

  it("has no development identity provider", async () => {
    const { env: prod } = await productionEnv();
    expect((await call("/dev/customers", prod)).status).toBe(404);
    expect((await call("/dev/jwks.json", prod)).status).toBe(404);
    const login = await call("/dev/login", prod, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ customerId: alex }) });
    expect(login.status).toBe(404);
  });

  it("refuses tokens from the development identity provider and accepts the bank's", async () => {
    const { env: prod, bankKey } = await productionEnv();
    const devToken = await loginAs(alex);
    const init = (token: string): RequestInit => ({
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ id: "m-prod-1", text: "hello" }),
    });
    const refused = await call("/api/chat/messages", prod, init(devToken));
    expect(refused.status).toBe(401);

    const bankToken = await new SignJWT({})
      .setProtectedHeader({ alg: "ES256", kid: "bank-1", typ: "at+jwt" })
      .setIssuer("https://login.bank.example")
      .setAudience("teller")
      .setSubject(alex)
      .setIssuedAt()
      .setExpirationTime("10m")
      .sign(bankKey);
    const accepted = await call("/api/chat/messages", prod, init(bankToken));
    expect(accepted.status).toBe(200);
  });
});

void exports;

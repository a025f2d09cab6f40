import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { SignJWT, exportJWK, generateKeyPair } from "jose";
import { DEMO_CUSTOMERS } from "../dev-idp/demo-customers.js";
import { loginAs } from "../../../test/workerd/helpers.js";
import type { GatewayEnv } from "../env.js";
import gateway from "../index.js";

const alex = DEMO_CUSTOMERS[0]!.id;

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

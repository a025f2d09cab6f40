import { describe, expect, it } from "vitest";
import { Hono } from "hono";
import { SignJWT } from "jose";
import { DEV_IDP_ALG, devSigningKey } from "../dev-idp/keys.js";
import { testContext, testEnv } from "../../../test/workerd/attacks/support.js";
import { requireStaff, type StaffEnv } from "./auth.js";

// Customer tokens and forged roles on the real staff routes: test/workerd/attacks/cross-role.test.ts.
const app = new Hono<StaffEnv>();
app.use("*", requireStaff());
app.get("/me", (c) => c.json({ staff: c.get("staff"), validUntil: c.get("tokenValidUntil") }));

async function staffToken(claims: Record<string, unknown>, lifetime = "10m") {
  const { key, kid } = await devSigningKey(testEnv.DEV_IDP_PRIVATE_JWK);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: DEV_IDP_ALG, kid, typ: "at+jwt" })
    .setIssuer(testEnv.STAFF_AUTH_ISSUER!)
    .setAudience(testEnv.STAFF_AUTH_AUDIENCE!)
    .setSubject("stf_auth_test")
    .setIssuedAt()
    .setExpirationTime(lifetime)
    .sign(key);
}
const me = (token: string | undefined, env = testEnv) =>
  app.fetch(new Request("https://teller.test/me", { headers: token ? { authorization: `Bearer ${token}` } : {} }), env, testContext());

describe("staff authentication", () => {
  it("hands the route the member of staff: id, role, a name (or 'Bank staff'), and when the token stops being acceptable", async () => {
    const named = await me(await staffToken({ teller_role: "agent", name: "  Ada  " }));
    expect(named.status).toBe(200);
    const { staff, validUntil } = (await named.json()) as { staff: unknown; validUntil: number };
    expect(staff).toEqual({ id: "stf_auth_test", name: "Ada", role: "agent" });
    expect(validUntil).toBeGreaterThan(Date.now() + 9 * 60_000);
    expect(validUntil).toBeLessThanOrEqual(Date.now() + 10 * 60_000 + 1_000);
    const unnamed = (await (await me(await staffToken({ teller_role: "supervisor", name: "x".repeat(101) }))).json()) as { staff: { name: string } };
    expect(unnamed.staff.name).toBe("Bank staff");
  });

  it("reads the role from the configured claim only, and refuses a role it does not know", async () => {
    const custom = { ...testEnv, STAFF_ROLE_CLAIM: "https://bank.example/role" };
    expect((await me(await staffToken({ "https://bank.example/role": "agent" }), custom)).status).toBe(200);
    expect((await me(await staffToken({ teller_role: "agent" }), custom)).status).toBe(401);
    const unknown = await me(await staffToken({ teller_role: "admin" }));
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get("www-authenticate")).toContain('realm="teller-staff"');
  });

  it("answers 503 where no staff issuer is configured, before looking at the token", async () => {
    const response = await me(undefined, { ...testEnv, STAFF_AUTH_ISSUER: undefined });
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: { code: "unavailable" } });
  });
});

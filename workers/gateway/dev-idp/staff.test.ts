import { describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { createLocalJWKSet, jwtVerify } from "jose";
import { DEMO_STAFF } from "../../../packages/handoff/staff.js";
import { gatewayFetch, postJson } from "../../../test/workerd/helpers.js";
import { devStaffProvider } from "./staff.js";
import type { GatewayEnv } from "../env.js";

const testEnv = env as unknown as GatewayEnv & { DEV_IDP_PRIVATE_JWK: string; STAFF_AUTH_ISSUER: string; STAFF_AUTH_AUDIENCE: string };

// Staff tokens at work on the staff routes: staff/auth.test.ts and test/workerd/handoff/.
describe("the development workforce provider", () => {
  it("lists the demo staff with their roles, apart from the customers", async () => {
    const listed = (await (await gatewayFetch("/dev/staff")).json()) as { staff: Array<{ id: string; role: string }> };
    expect(listed.staff).toEqual(DEMO_STAFF.map(({ id, name, role }) => ({ id, name, role })));
  });

  it("signs a token with the staff issuer and audience and the member's role", async () => {
    const member = DEMO_STAFF.find((s) => s.role === "supervisor")!;
    const response = await postJson("/dev/staff/login", undefined, { staffId: member.id });
    expect(response.status).toBe(200);
    const { token, expiresIn } = (await response.json()) as { token: string; expiresIn: number };
    expect(expiresIn).toBe(3600);
    const jwks = createLocalJWKSet((await (await gatewayFetch("/dev/jwks.json")).json()) as never);
    const { payload, protectedHeader } = await jwtVerify(token, jwks, { issuer: testEnv.STAFF_AUTH_ISSUER, audience: testEnv.STAFF_AUTH_AUDIENCE });
    expect(protectedHeader.typ).toBe("at+jwt");
    expect(payload).toMatchObject({ sub: member.id, name: member.name, teller_role: "supervisor" });
  });

  it("refuses an unknown member, and answers 503 where staff sign-in is not configured", async () => {
    expect((await postJson("/dev/staff/login", undefined, { staffId: "stf_nobody" })).status).toBe(404);
    const unconfigured = { ...testEnv, STAFF_AUTH_ISSUER: undefined };
    const request = new Request("https://teller.test/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ staffId: DEMO_STAFF[0]!.id }),
    });
    const response = await devStaffProvider().fetch(request, unconfigured);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: { code: "unavailable" } });
  });
});

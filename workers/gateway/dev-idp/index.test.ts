import { describe, expect, it } from "vitest";
import { DEMO_CUSTOMERS } from "./demo-customers.js";
import { decodeJwt } from "jose";
import { gatewayFetch, postJson } from "../../../test/workerd/helpers.js";
import { makeCustomer } from "../../../test/workerd/banking-helpers.js";

// That a production-configured gateway has none of this: auth/keys.test.ts.
describe("the development identity provider", () => {
  it("lists demo customers and serves the development JWKS locally", async () => {
    const customers = (await (await gatewayFetch("/dev/customers")).json()) as { customers: Array<{ id: string }> };
    expect(customers.customers.map((c) => c.id)).toEqual(DEMO_CUSTOMERS.map((c) => c.id));
    const jwks = (await (await gatewayFetch("/dev/jwks.json")).json()) as { keys: Array<Record<string, unknown>> };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).not.toHaveProperty("d");
  });

  it("signs in a customer seeded into the database, not only the demo ones, with their name", async () => {
    const seeded = await makeCustomer("dev_idp_seeded");
    const response = await postJson("/dev/login", undefined, { customerId: seeded.customerId });
    expect(response.status).toBe(200);
    const { token, signedInAt } = (await response.json()) as { token: string; signedInAt: string };
    expect(decodeJwt(token)).toMatchObject({ sub: seeded.customerId, name: expect.any(String) });
    // The sign-in instant to the millisecond (the chat reads from it), by the clock that set iat.
    expect(Math.abs(Date.parse(signedInAt) - decodeJwt(token).iat! * 1000)).toBeLessThan(2000);
    const me = await gatewayFetch("/api/accounts", { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
  });

  it("refuses to log in as an unknown customer", async () => {
    const response = await postJson("/dev/login", undefined, { customerId: "cus_nobody" });
    expect(response.status).toBe(404);
  });
});

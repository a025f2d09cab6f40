import { describe, expect, it } from "vitest";
import { SignJWT, generateKeyPair } from "jose";
import { DEMO_CUSTOMERS } from "../dev-idp/demo-customers.js";
import { loginAs, postJson } from "../../../test/workerd/helpers.js";

const alex = DEMO_CUSTOMERS[0]!.id;
const message = { id: "m-auth", text: "hello" };

// How the keys are chosen (dev IdP, pinned, remote): keys.test.ts and remote-jwks.test.ts.
describe("the gateway's authentication", () => {
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
});

import { describe, expect, it } from "vitest";
import type { OidcConfig } from "../config.js";
import { authorizationRequest, base64url, codeChallenge, exchangeCode, randomToken, readCallback } from "./pkce.js";

const config: OidcConfig = {
  authorizationEndpoint: "https://login.bank.example/authorize",
  tokenEndpoint: "https://login.bank.example/token",
  clientId: "teller-web",
  scope: "openid profile",
  audience: "teller",
  redirectPath: "/auth/callback",
};

describe("PKCE", () => {
  it("derives the S256 challenge of RFC 7636 appendix B", async () => {
    expect(await codeChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).toBe("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  });

  it("makes 43-character unreserved verifiers that differ every time", () => {
    const a = randomToken();
    const b = randomToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
  });

  it("refuses verifiers RFC 7636 doesn't allow", async () => {
    await expect(codeChallenge("short")).rejects.toThrow();
    await expect(codeChallenge("a".repeat(42) + "+")).rejects.toThrow();
  });

  it("encodes base64url without padding", () => {
    expect(base64url(new Uint8Array([0xfb, 0xff]))).toBe("-_8");
  });

  it("builds the authorization URL with challenge, state and redirect", async () => {
    const request = await authorizationRequest(config, "https://teller.example/auth/callback");
    const url = new URL(request.url);
    expect(url.origin + url.pathname).toBe(config.authorizationEndpoint);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: "code",
      client_id: "teller-web",
      redirect_uri: "https://teller.example/auth/callback",
      scope: "openid profile",
      state: request.state,
      code_challenge: await codeChallenge(request.verifier),
      code_challenge_method: "S256",
      audience: "teller",
    });
    // The verifier itself never leaves the tab.
    expect(request.url).not.toContain(request.verifier);
  });

  it("accepts a callback only with the state this tab sent", () => {
    expect(readCallback("?code=abc&state=s1", "s1")).toEqual({ ok: true, code: "abc" });
    expect(readCallback("?code=abc&state=s2", "s1")).toMatchObject({ ok: false });
    expect(readCallback("?code=abc&state=s1", null)).toMatchObject({ ok: false });
    expect(readCallback("?error=access_denied&error_description=Cancelled", "s1")).toEqual({ ok: false, error: "Cancelled" });
  });

  it("exchanges the code with the verifier as a public client", async () => {
    let sent: { url: string; body: URLSearchParams } | undefined;
    const fakeIdp: typeof fetch = async (input, init) => {
      sent = { url: String(input), body: new URLSearchParams(String(init?.body)) };
      return new Response(JSON.stringify({ access_token: "a.b.c", token_type: "Bearer", expires_in: 300 }), {
        headers: { "content-type": "application/json" },
      });
    };
    const token = await exchangeCode(config, { code: "abc", verifier: "v".repeat(43), redirectUri: "https://t/cb" }, fakeIdp);
    expect(token).toEqual({ accessToken: "a.b.c", expiresIn: 300 });
    expect(sent!.url).toBe(config.tokenEndpoint);
    expect(Object.fromEntries(sent!.body)).toEqual({
      grant_type: "authorization_code",
      code: "abc",
      redirect_uri: "https://t/cb",
      client_id: "teller-web",
      code_verifier: "v".repeat(43),
    });
  });

  it("reports the provider's error from a failed exchange", async () => {
    const fakeIdp: typeof fetch = async () =>
      new Response(JSON.stringify({ error: "invalid_grant", error_description: "code expired" }), { status: 400 });
    await expect(exchangeCode(config, { code: "x", verifier: "v".repeat(43), redirectUri: "r" }, fakeIdp)).rejects.toThrow("code expired");
  });
});

import { beforeEach, describe, expect, it } from "vitest";
import { normalise } from "../config.js";
import { loadSession, saveSession, sessionFromToken, tokenClaims } from "./session.js";

const b64url = (value: unknown) => btoa(JSON.stringify(value)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
const jwt = (claims: Record<string, unknown>) => `${b64url({ alg: "ES256" })}.${b64url(claims)}.sig`;
const NOW = 1_800_000_000_000;

beforeEach(() => sessionStorage.clear());

describe("session", () => {
  it("reads the claims it shows, including non-ASCII names", () => {
    const token = `${b64url({})}.${btoa(String.fromCharCode(...new TextEncoder().encode('{"sub":"cus_1","name":"María García","exp":1}'))).replace(/=+$/, "")}.s`;
    expect(tokenClaims(token)).toEqual({ sub: "cus_1", name: "María García", exp: 1 });
  });

  it("lives until the token's exp, never more than an hour", () => {
    const short = sessionFromToken(jwt({ sub: "cus_1", exp: NOW / 1000 + 300 }), NOW)!;
    expect(short.expiresAt).toBe(NOW + 300_000);
    const long = sessionFromToken(jwt({ sub: "cus_1", exp: NOW / 1000 + 86_400 }), NOW)!;
    expect(long.expiresAt).toBe(NOW + 3_600_000);
  });

  it("refuses tokens without exp or sub, or already expired", () => {
    expect(sessionFromToken(jwt({ sub: "cus_1" }), NOW)).toBeNull();
    expect(sessionFromToken(jwt({ exp: NOW / 1000 + 60 }), NOW)).toBeNull();
    expect(sessionFromToken(jwt({ sub: "cus_1", exp: NOW / 1000 - 1 }), NOW)).toBeNull();
    expect(sessionFromToken("not a token", NOW)).toBeNull();
  });

  it("knows when this sign-in happened by the server's clock: the login's instant, else the token's iat", () => {
    const token = jwt({ sub: "cus_1", iat: NOW / 1000 - 2, exp: NOW / 1000 + 60 });
    expect(sessionFromToken(token, NOW, "Alex", "2026-12-04T10:07:02.123Z")!.signedInAt).toBe(Date.parse("2026-12-04T10:07:02.123Z"));
    expect(sessionFromToken(token, NOW, "Alex")!.signedInAt).toBe(NOW - 2000);
    expect(sessionFromToken(token, NOW, "Alex", "not a time")!.signedInAt).toBe(NOW - 2000);
    // A token without iat (the gateway refuses those anyway): this device's clock.
    expect(sessionFromToken(jwt({ sub: "cus_1", exp: NOW / 1000 + 60 }), NOW)!.signedInAt).toBe(NOW);
  });

  it("keeps the sign-in instant across a reload, and gives one to a session saved without it", () => {
    const token = jwt({ sub: "cus_1", iat: NOW / 1000 - 5, exp: NOW / 1000 + 60 });
    saveSession(sessionFromToken(token, NOW, "Alex", new Date(NOW - 4321).toISOString())!);
    expect(loadSession(NOW + 1000)!.signedInAt).toBe(NOW - 4321);
    sessionStorage.setItem("teller.session", JSON.stringify({ token, expiresAt: NOW + 60_000, customerId: "cus_1", name: "Alex" }));
    expect(loadSession(NOW + 1000)!.signedInAt).toBe(NOW - 5000);
  });

  it("survives a reload in sessionStorage until it expires, then is removed", () => {
    const session = sessionFromToken(jwt({ sub: "cus_1", name: "Alex", exp: NOW / 1000 + 60 }), NOW)!;
    saveSession(session);
    expect(loadSession(NOW + 59_000)).toEqual(session);
    expect(loadSession(NOW + 60_000)).toBeNull();
    expect(sessionStorage.length).toBe(0);
  });
});

describe("config", () => {
  it("defaults to the development sign-in", () => {
    expect(normalise(null)).toEqual({ auth: { mode: "dev" } });
    expect(normalise({ auth: { mode: "dev" } })).toEqual({ auth: { mode: "dev" } });
  });

  it("takes an OIDC provider with defaults for scope and redirect path", () => {
    expect(
      normalise({ auth: { mode: "oidc", authorizationEndpoint: "https://l/a", tokenEndpoint: "https://l/t", clientId: "web" } }),
    ).toEqual({
      auth: { mode: "oidc", authorizationEndpoint: "https://l/a", tokenEndpoint: "https://l/t", clientId: "web", scope: "openid profile", audience: undefined, redirectPath: "/auth/callback" },
    });
  });

  it("refuses an incomplete OIDC config rather than falling back to the dev sign-in", () => {
    expect(() => normalise({ auth: { mode: "oidc", clientId: "web" } })).toThrow(/config:/);
  });
});

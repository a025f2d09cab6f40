import { describe, expect, it } from "vitest";
import { tokenFor } from "../banking-helpers.js";
import { gatewayFetch, uniqueCustomerId } from "../helpers.js";
import { authGet, expectError, signToken } from "./support.js";

/** Security headers on every kind of response, CORS for one origin only, and header injection. */
const WEB_ORIGIN = "http://localhost:5173";

/** "asset": a static file other than a page, which keeps the assets layer's own caching. */
type Kind = "api" | "html" | "asset";

function expectSecurityHeaders(response: Response, kind: Kind): void {
  const h = response.headers;
  expect(h.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
  expect(h.get("x-content-type-options")).toBe("nosniff");
  expect(h.get("referrer-policy")).toBe("no-referrer");
  expect(h.get("x-frame-options")).toBe("DENY");
  const csp = h.get("content-security-policy") ?? "";
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  if (kind === "html") expect(csp).toContain("script-src 'self'");
  else if (kind === "api") {
    expect(csp).toMatch(/^default-src 'none'/);
    expect(h.get("cache-control")).toBe("no-store");
  }
  expect(h.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
}

describe("security headers", () => {
  it("are on every kind of response: success, errors, public routes, the dev IdP, pages and scripts", async () => {
    const token = await tokenFor(uniqueCustomerId("headers"));
    const responses: Array<[string, Response, Kind]> = [
      ["healthz", await gatewayFetch("/healthz"), "api"],
      ["whoami", await authGet("/api/whoami", token), "api"],
      ["401", await gatewayFetch("/api/accounts"), "api"],
      ["404 api", await authGet("/api/nothing", token), "api"],
      ["413", await gatewayFetch("/api/transfers", { method: "POST", body: "x".repeat(20_000) }), "api"],
      ["openapi", await gatewayFetch("/api/openapi.json"), "api"],
      ["dev customers", await gatewayFetch("/dev/customers"), "api"],
      ["ws without upgrade", await gatewayFetch("/api/chat/ws"), "api"],
      ["page", await gatewayFetch("/"), "html"],
      ["spa fallback", await gatewayFetch("/accounts/acc_1"), "html"],
      ["script", await gatewayFetch("/assets/app.js"), "asset"],
    ];
    for (const [what, response, kind] of responses) {
      try {
        expectSecurityHeaders(response, kind);
      } catch (error) {
        throw new Error(`${what}: ${(error as Error).message}`);
      }
    }
  });
});

describe("CORS", () => {
  it("allows the configured web origin, without credentials", async () => {
    const preflight = await gatewayFetch("/api/transfers", {
      method: "OPTIONS",
      headers: { origin: WEB_ORIGIN, "access-control-request-method": "POST", "access-control-request-headers": "authorization,content-type,idempotency-key" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(WEB_ORIGIN);
    expect(preflight.headers.get("access-control-allow-headers")).toBe("Authorization,Content-Type,Idempotency-Key");
    expect(preflight.headers.get("access-control-allow-credentials")).toBeNull();
    const actual = await authGet("/api/whoami", await tokenFor(uniqueCustomerId("cors")), { origin: WEB_ORIGIN });
    expect(actual.headers.get("access-control-allow-origin")).toBe(WEB_ORIGIN);
    expect(actual.headers.get("vary")).toContain("Origin");
  });

  it("adds no CORS headers to a request without Origin (same-origin pages, servers)", async () => {
    const response = await authGet("/api/whoami", await tokenFor(uniqueCustomerId("cors")));
    expect(response.status).toBe(200);
    expect([...response.headers.keys()].filter((name) => name.startsWith("access-control-"))).toEqual([]);
  });

  for (const origin of ["https://evil.example", "http://localhost:5173.evil.example", "http://localhost:51730", "null", "http://LOCALHOST:5173/"]) {
    it(`gives ${origin} no Access-Control-Allow-Origin, on preflight or on the real request`, async () => {
      const preflight = await gatewayFetch("/api/transfers", {
        method: "OPTIONS",
        headers: { origin, "access-control-request-method": "POST" },
      });
      expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
      const actual = await authGet("/api/whoami", await tokenFor(uniqueCustomerId("cors_evil")), { origin });
      expect(actual.status).toBe(200);
      expect(actual.headers.get("access-control-allow-origin")).toBeNull();
    });
  }
});

describe("header injection", () => {
  it("ignores a request id chosen by the client", async () => {
    const response = await gatewayFetch("/healthz", { headers: { "x-request-id": "forged-id-123" } });
    expect(response.headers.get("x-request-id")).not.toBe("forged-id-123");
    const error = await expectError(await gatewayFetch("/api/accounts", { headers: { "x-request-id": "forged-id-123" } }), 401, "unauthorized");
    expect(error.requestId).not.toBe("forged-id-123");
  });

  it("does not let X-HTTP-Method-Override turn a GET into a write", async () => {
    const token = await tokenFor(uniqueCustomerId("override"));
    const response = await authGet("/api/transfers", token, { "x-http-method-override": "POST" });
    await expectError(response, 404, "not_found");
  });

  it("never reflects a token's subject into a response header, whatever it contains", async () => {
    const token = await signToken({ sub: "cus_x\r\nSet-Cookie: session=attacker" });
    const response = await authGet("/api/whoami", token);
    expect(response.status).toBe(200);
    expect(response.headers.get("set-cookie")).toBeNull();
    for (const [, value] of response.headers) expect(value).not.toContain("attacker");
    expect(((await response.json()) as { customer: string }).customer).toMatch(/^[0-9a-f]{16}$/);
  });

  it("refuses an Idempotency-Key with control or non-ASCII characters instead of storing it", async () => {
    const token = await tokenFor(uniqueCustomerId("idem"));
    for (const key of ["key\twith-tab", "kéy-12345678", "key with spaces 1234"]) {
      const response = await gatewayFetch("/api/transfers", {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "idempotency-key": key },
        body: JSON.stringify({ fromAccountId: "acc_00000000000000000000", toAccountId: "acc_00000000000000000001", amount: { value: "1.00", currency: "USD" } }),
      });
      await expectError(response, 400, "validation_failed");
    }
  });
});

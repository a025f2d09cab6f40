import { describe, expect, it } from "vitest";
import { tokenFor } from "../banking-helpers.js";
import { gatewayFetch, uniqueCustomerId } from "../helpers.js";
import { expectError } from "./support.js";

/**
 * Path tricks. The test Worker serves a fixture site through the real Miniflare assets service
 * (test/wrangler.test.toml [assets]); fixtures/secret.txt sits just outside its directory.
 */
const SECRET = "TOP-SECRET-OUTSIDE-THE-ASSETS-DIRECTORY";

describe("asset paths", () => {
  const traversals = [
    "/../secret.txt",
    "/%2e%2e/secret.txt",
    "/.%2e/secret.txt",
    "/%252e%252e/secret.txt",
    "/assets/..%2f..%2fsecret.txt",
    "/assets/%2e%2e%2f%2e%2e%2fsecret.txt",
    "/..%5c..%5csecret.txt",
    "/assets/..\\..\\secret.txt",
    "/%2e%2e/%2e%2e/%2e%2e/wrangler.test.toml",
    "/assets/app.js%00.html",
    "//secret.txt",
  ];

  for (const path of traversals) {
    it(`never serves a file outside the assets directory for ${path}`, async () => {
      const response = await gatewayFetch(path);
      const body = await response.text();
      expect(body).not.toContain(SECRET);
      expect(body).not.toContain("[assets]");
      // Whatever is asked for, the answer is the app's own page (the SPA fallback) or a 404.
      if (response.status === 200) expect(body).toContain("Teller (test fixture)");
      else expect(response.status).toBe(404);
    });
  }

  it("serves real assets with the security headers added by the Worker", async () => {
    const page = await gatewayFetch("/");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(page.headers.get("content-security-policy")).not.toContain("unsafe-inline");
    const script = await gatewayFetch("/assets/app.js");
    expect(script.status).toBe(200);
    expect(script.headers.get("x-content-type-options")).toBe("nosniff");
  });
});

describe("paths that try to reach the API around authentication", () => {
  // Dot segments, encoded or not, are resolved by URL parsing before routing: these ARE /api/accounts.
  const normalisedToApi = [
    "/api/../api/accounts",
    "/api/%2e%2e/api/accounts",
    "/api/./accounts",
    "/dev/../api/accounts",
    "/healthz/../api/accounts",
    "/api/chat/ws/../../accounts",
    "/api/openapi.json/../accounts",
  ];
  for (const path of normalisedToApi) {
    it(`answers ${path} as /api/accounts: 401 without a token`, async () => {
      await expectError(await gatewayFetch(path), 401, "unauthorized");
    });
  }

  // Other spellings the router decodes or collapses to an API route: the bearer check runs on the
  // same path the router matched, so they are authenticated exactly like the API.
  const spelledDifferently = ["//api/accounts", "/api//accounts", "/api/accounts/", "/%61pi/accounts", "/%2Fapi/accounts"];
  for (const path of spelledDifferently) {
    it(`authenticates ${path} like the API: 401 without a token`, async () => {
      await expectError(await gatewayFetch(path), 401, "unauthorized");
    });
  }

  // Routing is case-sensitive: these are not API paths at all and fall through to the app page,
  // never to a handler, so no data can come back whatever the token.
  for (const path of ["/API/accounts", "/Api/accounts"]) {
    it(`serves the app page, not API data, for ${path}`, async () => {
      const token = await tokenFor(uniqueCustomerId("paths"));
      const response = await gatewayFetch(path, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^text\/html/);
      expect(await response.text()).toContain("Teller (test fixture)");
    });
  }

  it("keeps an encoded slash inside one path segment, so it cannot climb out of the WebSocket route", async () => {
    await expectError(await gatewayFetch("/api/chat/ws/..%2f..%2faccounts"), 401, "unauthorized");
    await expectError(await gatewayFetch("/api/accounts%2f..%2fpayees"), 401, "unauthorized");
  });
});

import { describe, expect, it } from "vitest";
import { Hono } from "hono";
import type { GatewayEnv } from "./env.js";
import { API_CSP, HTML_CSP, assignRequestId, securityHeaders } from "./security-headers.js";
import { jsonError } from "./errors.js";

// The headers middleware on a bare app; that every gateway route carries them is
// test/workerd/attacks/headers.test.ts.

function app() {
  const hono = new Hono<{ Bindings: GatewayEnv; Variables: { requestId: string } }>();
  hono.use(assignRequestId());
  hono.use(securityHeaders());
  hono.get("/data", (c) => c.json({ balance: 1 }));
  hono.get("/page", (c) => c.html("<p>hi</p>"));
  hono.get("/own", (c) => c.json({}, 200, { "content-security-policy": "default-src 'self'", "cache-control": "max-age=60" }));
  hono.get("/moved", () => Response.redirect("https://teller.test/data", 302));
  hono.get("/broken", (c) => jsonError(c, 404, "not_found", "no such thing"));
  return hono;
}

const get = (path: string) => app().request(path, {}, {} as GatewayEnv);

describe("security headers", () => {
  it("keep account data out of caches and give API responses a policy that lets nothing load", async () => {
    const response = await get("/data");
    expect(response.headers.get("content-security-policy")).toBe(API_CSP);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
  });

  it("give HTML the web app's policy and leave its caching alone", async () => {
    const response = await get("/page");
    expect(response.headers.get("content-security-policy")).toBe(HTML_CSP);
    expect(response.headers.get("cache-control")).toBeNull();
  });

  it("keep a route's own policy and caching, and reach responses whose headers are immutable", async () => {
    const own = await get("/own");
    expect(own.headers.get("content-security-policy")).toBe("default-src 'self'");
    expect(own.headers.get("cache-control")).toBe("max-age=60");
    const moved = await get("/moved");
    expect(moved.status).toBe(302);
    expect(moved.headers.get("x-frame-options")).toBe("DENY");
  });

  it("give every response a fresh request id, the one its error body names", async () => {
    const [a, b] = [await get("/broken"), await get("/broken")];
    const bodyA = (await a.json()) as { error: { code: string; message: string; requestId: string } };
    expect(bodyA).toEqual({ error: { code: "not_found", message: "no such thing", requestId: a.headers.get("x-request-id") } });
    expect(a.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(b.headers.get("x-request-id")).not.toBe(a.headers.get("x-request-id"));
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import { Hono } from "hono";
import type { AuthVariables, GatewayEnv } from "./env.js";
import { requestLog } from "./request-log.js";
import { assignRequestId } from "./security-headers.js";
import { jsonError } from "./errors.js";

// One request line, on a bare app; that no secret of a real request reaches the logs is
// test/workerd/attacks/logs-and-audit.test.ts.

type Env = { Bindings: GatewayEnv; Variables: AuthVariables };
const CUSTOMER = "cus_request_log_test";

function app() {
  const hono = new Hono<Env>();
  hono.use(assignRequestId());
  hono.use(requestLog());
  hono.use(async (c, next) => {
    c.set("customerId", CUSTOMER);
    await next();
  });
  hono.get("/items/:id", (c) => c.json({ id: c.req.param("id") }));
  hono.get("/fails", (c) => c.json({}, 502));
  hono.get("/unavailable", (c) => jsonError(c, 503, "unavailable", "could not check the customer's status; try again", "customer_status_lookup_failed"));
  hono.get("/refused", (c) => jsonError(c, 409, "conflict", "already used"));
  return hono;
}

function capture() {
  const lines: { level: string; line: Record<string, unknown> }[] = [];
  for (const level of ["log", "warn", "error"] as const) {
    vi.spyOn(console, level).mockImplementation((text: unknown) => {
      lines.push({ level, line: JSON.parse(String(text)) as Record<string, unknown> });
    });
  }
  return lines;
}

afterEach(() => vi.restoreAllMocks());

describe("the request log", () => {
  it("writes one line with the route pattern, never the raw path or query, and the customer as a keyed hash", async () => {
    const lines = capture();
    const response = await app().request("/items/acc_secret_123?q=rent", {}, { LOG_HASH_SALT: "a-salt-of-sixteen-chars" } as GatewayEnv);
    expect(response.status).toBe(200);
    expect(lines).toHaveLength(1);
    const [{ level, line }] = lines as [{ level: string; line: Record<string, unknown> }];
    expect(level).toBe("log");
    expect(line).toMatchObject({ level: "info", msg: "request", method: "GET", route: "/items/:id", status: 200, requestId: expect.any(String) });
    expect(line.latencyMs).toEqual(expect.any(Number));
    expect(line.customer).toMatch(/^[0-9a-f]{16}$/);
    const text = JSON.stringify(line);
    for (const secret of ["acc_secret_123", "rent", CUSTOMER]) expect(text).not.toContain(secret);
  });

  it("keeps routine lines out under LOG_LEVEL=warn, but never a server error", async () => {
    const lines = capture();
    const env = { LOG_LEVEL: "warn" } as GatewayEnv;
    await app().request("/items/a", {}, env);
    expect(lines).toEqual([]);
    await app().request("/fails", {}, env);
    expect(lines.map((l) => [l.level, l.line.level, l.line.status])).toEqual([["error", "error", 502]]);
  });

  it("names the error code of every error answer, and the cause of a 503 the gateway makes itself", async () => {
    // A 503 in a load run with no line saying why was put down to the local runtime by guesswork.
    const lines = capture();
    const env = { LOG_LEVEL: "warn" } as GatewayEnv;
    await app().request("/unavailable", {}, env);
    await app().request("/refused", {}, {} as GatewayEnv);
    expect(lines.map((l) => [l.line.status, l.line.errorCode, l.line.errorCause])).toEqual([
      [503, "unavailable", "customer_status_lookup_failed"],
      [409, "conflict", undefined],
    ]);
    expect(lines[0]!.level).toBe("error");
  });
});

import { describe, expect, it } from "vitest";
import { Hono } from "hono";
import type { GatewayEnv } from "./env.js";
import { limitBodySize } from "./body-limit.js";
import { assignRequestId } from "./security-headers.js";

// The declared-size check alone, on a bare app; the whole gateway's routes are covered by
// test/workerd/attacks/bodies.test.ts.

function app() {
  const hono = new Hono<{ Bindings: GatewayEnv; Variables: { requestId: string } }>();
  hono.use(assignRequestId());
  hono.use(limitBodySize());
  hono.post("/echo", async (c) => c.json({ read: (await c.req.text()).length }));
  return hono;
}

/** A body with its declared length, as a client sends it (a Request built here declares none). */
const post = (body: string, env: Partial<GatewayEnv> = {}) =>
  app().request("/echo", { method: "POST", body, headers: { "content-length": String(body.length) } }, env as GatewayEnv);

describe("the body size limit", () => {
  it("lets a body of exactly MAX_BODY_BYTES through, and refuses one byte more with 413 in the error shape", async () => {
    expect(await (await post("x".repeat(16 * 1024))).json()).toEqual({ read: 16 * 1024 });
    const over = await post("x".repeat(16 * 1024 + 1));
    expect(over.status).toBe(413);
    expect(await over.json()).toEqual({ error: { code: "payload_too_large", message: "the body must be at most 16384 bytes", requestId: expect.any(String) } });
  });

  it("follows MAX_BODY_BYTES", async () => {
    expect((await post("x".repeat(2000), { MAX_BODY_BYTES: "2048" })).status).toBe(200);
    expect((await post("x".repeat(2049), { MAX_BODY_BYTES: "2048" })).status).toBe(413);
  });

  it("refuses a Content-Length that is not a plain number with 400 before reading anything", async () => {
    for (const declared of ["-1", "1e3", "0x10", "1.5", "9".repeat(16)]) {
      const response = await app().request("/echo", { method: "POST", headers: { "content-length": declared } }, {} as GatewayEnv);
      const body = (await response.json()) as { error?: { code: string } };
      expect({ declared, status: response.status, code: body.error?.code }).toEqual({ declared, status: 400, code: "bad_request" });
    }
  });

  it("leaves requests that declare no length (GET, streamed bodies) to the routes", async () => {
    const hono = app();
    hono.get("/ok", (c) => c.text("ok"));
    expect((await hono.request("/ok", {}, {} as GatewayEnv)).status).toBe(200);
  });
});

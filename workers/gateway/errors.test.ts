import { describe, expect, it } from "vitest";
import { Hono } from "hono";
import { jsonError } from "./errors.js";

describe("the gateway's error responses", () => {
  it("are the one shape, told apart by code, with the request id when the request has one", async () => {
    const hono = new Hono<{ Variables: { requestId: string } }>();
    hono.get("/with", (c) => {
      c.set("requestId", "req-1");
      return jsonError(c, 409, "conflict", "already used");
    });
    hono.get("/without", (c) => jsonError(c, 400, "bad_request", "no id yet"));
    const withId = await hono.request("/with");
    expect(withId.status).toBe(409);
    expect(withId.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await withId.json()).toEqual({ error: { code: "conflict", message: "already used", requestId: "req-1" } });
    expect(await (await hono.request("/without")).json()).toEqual({ error: { code: "bad_request", message: "no id yet" } });
  });
});

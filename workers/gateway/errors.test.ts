import { describe, expect, it } from "vitest";
import { Hono } from "hono";
import { jsonError, upgradeOrRefusal } from "./errors.js";

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

  it("pass a WebSocket upgrade through, and an upstream refusal on in the same shape", async () => {
    const hono = new Hono<{ Variables: { requestId: string } }>();
    const switched = { status: 101 } as Response;
    let upstream: Response = switched;
    hono.get("/ws", async (c) => {
      c.set("requestId", "req-2");
      const answer = await upgradeOrRefusal(c, upstream);
      return answer === switched ? c.text("passed through", 200) : answer;
    });
    expect(await (await hono.request("/ws")).text()).toBe("passed through");

    upstream = Response.json({ error: { code: "conflict", message: "ticket already used" } }, { status: 409 });
    const refused = await hono.request("/ws");
    expect(refused.status).toBe(409);
    expect(await refused.json()).toEqual({ error: { code: "conflict", message: "ticket already used", requestId: "req-2" } });

    upstream = new Response("not json", { status: 403 });
    const bare = await hono.request("/ws");
    expect(bare.status).toBe(403);
    expect(await bare.json()).toEqual({ error: { code: "unauthorized", message: "the ticket was refused", requestId: "req-2" } });
  });
});

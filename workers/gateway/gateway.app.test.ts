import { describe, expect, it } from "vitest";
import { testContext, testEnv } from "../../test/workerd/attacks/support.js";
import { createGatewayApp } from "./gateway.app.js";

// The app itself, not the Worker under test: a route that calls no other Worker needs no Worker started.
const gatewayFetch = (path: string) => createGatewayApp().fetch(new Request(`https://teller.test${path}`), testEnv, testContext());

describe("the gateway's wiring", () => {
  it("serves /healthz without a token", async () => {
    const response = await gatewayFetch("/healthz");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok" });
  });
});

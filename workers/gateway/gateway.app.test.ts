import { describe, expect, it } from "vitest";
import { gatewayFetch } from "../../test/workerd/helpers.js";

describe("the gateway's wiring", () => {
  it("serves /healthz without a token", async () => {
    const response = await gatewayFetch("/healthz");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok" });
  });
});

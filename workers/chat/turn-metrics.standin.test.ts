import { describe, expect, it } from "vitest";
import { eventually, gatewayFetch, postJson, tokenFor, uniqueCustomerId } from "../../test/workerd/helpers.js";

interface Point {
  timestamp: number;
  indexes: string[];
  blobs: string[];
  doubles: number[];
}

async function metricsSince(from: number): Promise<Point[]> {
  const response = await gatewayFetch(`/dev/metrics?from=${from}&to=${Date.now() + 1000}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { points: Point[] }).points;
}

// What a point holds, from the turn: packages/conversation/turn-metrics.test.ts.
describe("turn metrics", () => {
  it("writes one data point per turn to the local stand-in, with the fallback's words redacted", async () => {
    const started = Date.now() - 1;
    const token = await tokenFor(uniqueCustomerId("metrics"));
    const marker = `zorblax${Date.now().toString(36)}`;
    expect((await postJson("/api/chat/messages", token, { id: "metrics-1", text: "hello" })).status).toBe(200);
    expect((await postJson("/api/chat/messages", token, { id: "metrics-2", text: `${marker} quux 4242.4242.4242.4242` })).status).toBe(200);

    const fallback = await eventually(async () => (await metricsSince(started)).find((p) => p.blobs[5]?.startsWith(marker)), 20_000);
    expect(fallback.indexes).toEqual(["local"]);
    expect(fallback.blobs.slice(0, 5)).toEqual(["local", "out_of_scope", "local", "fallback", ""]);
    expect(fallback.blobs[5]).toBe(`${marker} quux •••• 4242`);
    expect(fallback.doubles[0]).toBeGreaterThanOrEqual(0);

    // Points are stored in the background, as Analytics Engine's are.
    const greeting = await eventually(async () => (await metricsSince(started)).find((p) => p.blobs[1] === "greeting" && p.blobs[3] === "answered"), 20_000);
    expect(greeting.blobs[5]).toBe("");
    // The first turn in a fresh isolate loads the intent model: slow on a busy machine.
  }, 60_000);

  it("is served only where /dev is (validation like any endpoint)", async () => {
    const response = await gatewayFetch("/dev/metrics?from=yesterday");
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("validation_failed");
  });
});

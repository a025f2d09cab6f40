import { describe, expect, it } from "vitest";
import { createCustomerStatusCache, CUSTOMER_STATUS_TTL_MS } from "./customer-status.js";

// A disabled customer refused through the gateway: test/workerd/attacks/disabled-customer.test.ts.
describe("the customer status cache", () => {
  it("keeps an answer for its lifetime, re-asks after it, and never caches a failed lookup", async () => {
    const clock = { now: 0 };
    const cache = createCustomerStatusCache({ now: () => clock.now });
    let lookups = 0;
    const lookup = async () => {
      lookups++;
      return true;
    };
    await cache("cus_1", lookup);
    await Promise.all(Array.from({ length: 50 }, () => cache("cus_1", lookup)));
    expect(lookups).toBe(1);
    clock.now += CUSTOMER_STATUS_TTL_MS + 1;
    await cache("cus_1", lookup);
    expect(lookups).toBe(2);

    const failing = async () => {
      lookups++;
      throw new Error("database down");
    };
    await expect(cache("cus_2", failing)).rejects.toThrow("database down");
    await cache("cus_2", lookup);
    expect(lookups).toBe(4);
  });

  it("stays bounded when tokens name many different customers", async () => {
    const cache = createCustomerStatusCache({ maxEntries: 100 });
    let lookups = 0;
    const lookup = async () => {
      lookups++;
      return true;
    };
    for (let i = 0; i < 1_000; i++) await cache(`cus_${i}`, lookup);
    await cache("cus_0", lookup); // evicted long ago: asked again
    expect(lookups).toBe(1_001);
  });
});

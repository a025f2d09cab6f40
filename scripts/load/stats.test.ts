import { describe, expect, it } from "vitest";
import { LoadStats, percentile } from "./stats.js";

describe("load statistics", () => {
  it("takes nearest-rank percentiles", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 0.5)).toBe(50);
    expect(percentile(sorted, 0.99)).toBe(99);
    expect(percentile([5], 0.99)).toBe(5);
  });

  it("reports the best sustained rate over a window, not one burst second", () => {
    const stats = new LoadStats(0);
    const perSecond = [2, 2, 10, 2, 2, 6, 6, 6, 6, 6];
    perSecond.forEach((n, second) => {
      for (let i = 0; i < n; i++) stats.record("read", "200", 10, true, second * 1000 + i);
    });
    expect(stats.peakTurnsPerSecond(5)).toBe(6);
    expect(stats.turns()).toBe(48);
  });

  it("counts server errors apart from refusals the client caused", () => {
    const stats = new LoadStats(0);
    for (const status of ["200", "400", "413", "409", "503", "network", "ws:closed", "ws:error:rate_limited"]) stats.record("read", status, 1, status === "200", 0);
    expect(stats.serverErrors()).toBe(3);
  });
});

import { describe, expect, it } from "vitest";
import { mulberry32 } from "./random.js";

describe("mulberry32", () => {
  it("gives the same sequence for the same seed, in [0, 1), and another for another seed", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const first = Array.from({ length: 1_000 }, () => a());
    expect(Array.from({ length: 1_000 }, () => b())).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    const other = mulberry32(43);
    expect(Array.from({ length: 1_000 }, () => other())).not.toEqual(first);
    // Spread over the interval, not stuck in a corner of it.
    const mean = first.reduce((s, x) => s + x, 0) / first.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });

  it("is pinned: demo data and training splits stay the same across runtimes and releases", () => {
    const next = mulberry32(1);
    expect([next(), next(), next()]).toEqual([0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
  });
});

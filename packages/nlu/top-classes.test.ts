import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { topClasses } from "./top-classes";

/** The model's order before: every class sorted, most probable first, a tie to the lower index. */
const sorted = (probs: Float64Array) => Array.from(probs.keys()).sort((a, b) => probs[b]! - probs[a]! || a - b);

describe("topClasses", () => {
  it("is the first k classes of the full sort, ties included", () => {
    // Few distinct values, so ties are common; probabilities as the model makes them (finite, ≥ 0).
    const probs = fc.array(fc.oneof(fc.constantFrom(0, 0.1, 0.25, 0.5, 1), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 0, maxLength: 120 });
    fc.assert(
      fc.property(probs, fc.integer({ min: 0, max: 130 }), (values, k) => {
        const p = Float64Array.from(values);
        expect(topClasses(p, k)).toEqual(sorted(p).slice(0, k));
      }),
      { numRuns: 3000 },
    );
  });

  it("keeps the lower index first on a tie, and returns nothing for k = 0", () => {
    expect(topClasses(Float64Array.from([0.2, 0.4, 0.4, 0.1]), 3)).toEqual([1, 2, 0]);
    expect(topClasses(Float64Array.from([0.2, 0.4]), 0)).toEqual([]);
  });
});

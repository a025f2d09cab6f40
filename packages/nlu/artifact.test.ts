import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeArtifact, packTables } from "./artifact";
import { SHIPPED_ARTIFACT as bundled } from "./shipped-artifact";

describe("packed tables", () => {
  it("round-trip any int8 matrix through the sparse layout", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 70 }),
        fc.infiniteStream(fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: -127, max: 127 }))),
        (classes, rows, cells) => {
          const weights = Int8Array.from({ length: rows * classes }, () => cells.next().value as number);
          const hashes = Uint32Array.from({ length: rows }, (_, i) => i * 65_537 + 3);
          const idf = Uint8Array.from({ length: rows }, (_, i) => 16 + (i % 200));
          const artifact = {
            ...bundled,
            intents: Array.from({ length: classes }, (_, i) => `intent_${i}`),
            scales: new Array<number>(classes).fill(1),
            bias: new Array<number>(classes).fill(0),
            // The shipped header describes its reranker's tables; these tables have none.
            reranker: undefined,
            ...packTables(hashes, idf, weights, classes),
          };
          const decoded = decodeArtifact(artifact);
          expect(decoded.weights).toEqual(weights);
          expect(decoded.hashes).toEqual(hashes);
          expect(Array.from(decoded.idf)).toEqual(Array.from(idf, (b) => b / 16));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("refuse unsorted hashes", () => {
    expect(() => packTables(Uint32Array.of(5, 5), new Uint8Array(2), new Int8Array(2), 1)).toThrow(/sorted/);
  });
});

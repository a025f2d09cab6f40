import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkArtifact, decodeArtifact, packTables, type IntentModelArtifact } from "./artifact";
import { base64ByteAt, decodeBase64, decodeBase64Into, decodeBase64Span, encodeBase64, encodeFixedWidth, readFixedWidth } from "../encoding/base64";
import { SHIPPED_ARTIFACT as bundled } from "./shipped-artifact";

describe("base64", () => {
  it("round-trips any bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(decodeBase64(encodeBase64(bytes))).toEqual(bytes);
      }),
    );
  });

  it("rejects characters outside the alphabet", () => {
    expect(() => decodeBase64("AAA*")).toThrow();
    expect(() => decodeBase64("AAÁA")).toThrow();
    expect(() => decodeBase64Into("AA*A", 0, 3, new Uint8Array(3))).toThrow(/invalid base64/);
    expect(() => base64ByteAt("AA*A", 1)).toThrow(/invalid base64/);
  });

  it("decodes any byte range, or any single byte, exactly as the whole decode does", () => {
    for (const length of [0, 1, 2, 3, 4, 5, 31, 40]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 97 + 13) & 255);
      const text = encodeBase64(bytes);
      for (let start = 0; start <= length; start++) {
        if (start < length) expect(base64ByteAt(text, start)).toBe(bytes[start]);
        for (let end = start; end <= length; end++) {
          const out = new Uint8Array(end - start + 2);
          decodeBase64Into(text, start, end, out, 2);
          expect(Array.from(out.subarray(2))).toEqual(Array.from(bytes.subarray(start, end)));
          const span = decodeBase64Span(text, start, end);
          expect(Array.from(span, (ch) => ch.charCodeAt(0))).toEqual(Array.from(bytes.subarray(start, end)));
        }
      }
    }
  });

  it("reads back fixed-width integers, up to 36 bits", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 0xffffffff }), { maxLength: 50 }), (values) => {
        const text = encodeFixedWidth(values, 6);
        expect(values.map((_, i) => readFixedWidth(text, i, 6))).toEqual(values);
      }),
    );
    expect(() => encodeFixedWidth([64 ** 4], 4)).toThrow();
    expect(() => readFixedWidth("AA*A", 0, 4)).toThrow(/invalid base64/);
  });
});

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

describe("the shipped artifact", () => {
  const artifact: IntentModelArtifact = bundled;

  it("decodes consistently", () => {
    const model = decodeArtifact(artifact);
    expect(model.weights.length).toBe(artifact.rows * artifact.intents.length);
    expect(model.idf.every((v) => v >= 1)).toBe(true);
    for (let i = 1; i < model.hashes.length; i++) expect(model.hashes[i]! > model.hashes[i - 1]!).toBe(true);
  });

  it("is refused when built for other features or with mismatched sizes", () => {
    expect(() => checkArtifact({ ...artifact, format: "teller-intent-model" as never })).toThrow(/not an intent model/);
    expect(() => checkArtifact({ ...artifact, featureScheme: "other" })).toThrow(/features/);
    expect(() => checkArtifact({ ...artifact, rows: artifact.rows - 1 })).toThrow();
    expect(() => checkArtifact({ ...artifact, entries: artifact.entries - 1 })).toThrow();
    expect(() => checkArtifact({ ...artifact, tables: artifact.tables.subarray(0, -4) })).toThrow();
    expect(() => checkArtifact({ ...artifact, scales: artifact.scales.slice(1) })).toThrow();
  });

  it("is refused when its tables are not an intent model's, or another model's of the same size", () => {
    const notModel = artifact.tables.slice();
    notModel[0] = 0;
    expect(() => checkArtifact({ ...artifact, tables: notModel })).toThrow(/not an intent model/);
    const otherCounts = artifact.tables.slice();
    new DataView(otherCounts.buffer).setUint32(12, artifact.entries + 1, true);
    expect(() => checkArtifact({ ...artifact, tables: otherCounts })).toThrow(/another model/);
  });

  it("decodes the same from bytes that do not start on a 4-byte boundary (a Node Buffer may not)", () => {
    const shifted = new Uint8Array(artifact.tables.length + 1);
    shifted.set(artifact.tables, 1);
    const moved = decodeArtifact({ ...artifact, tables: shifted.subarray(1) });
    const original = decodeArtifact(artifact);
    // A loop, not toEqual: the dense matrix has millions of cells.
    const firstDifference = (x: ArrayLike<number>, y: ArrayLike<number>) => {
      for (let i = 0; i < Math.max(x.length, y.length); i++) if (x[i] !== y[i]) return i;
      return -1;
    };
    expect(firstDifference(moved.hashes, original.hashes)).toBe(-1);
    expect(firstDifference(moved.weights, original.weights)).toBe(-1);
  });
});

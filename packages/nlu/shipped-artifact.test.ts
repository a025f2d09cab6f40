import { describe, expect, it } from "vitest";
import { checkArtifact, decodeArtifact, type IntentModelArtifact } from "./artifact";
import { SHIPPED_ARTIFACT as bundled } from "./shipped-artifact";

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

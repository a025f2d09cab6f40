import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeArtifact, decodeHashes, encodeHashes, type IntentModelArtifact } from "./artifact";
import { decodeBase64, encodeBase64 } from "../common/base64";
import bundled from "./model/intent-model.json";

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
  });
});

describe("hash table encoding", () => {
  it("round-trips sorted unique uint32 values", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat({ max: 0xffffffff }), { maxLength: 300 }), (values) => {
        const sorted = Uint32Array.from(values).sort();
        expect(decodeHashes(encodeHashes(sorted), sorted.length)).toEqual(sorted);
      }),
    );
  });
});

describe("decodeArtifact", () => {
  const artifact = bundled as IntentModelArtifact;

  it("decodes the shipped artifact consistently", () => {
    const model = decodeArtifact(artifact);
    expect(model.weights.length).toBe(artifact.rows * artifact.intents.length);
    expect(model.idf.every((v) => v >= 1)).toBe(true);
    for (let i = 1; i < model.hashes.length; i++) expect(model.hashes[i]! > model.hashes[i - 1]!).toBe(true);
  });

  it("refuses artifacts built for other features or with mismatched sizes", () => {
    expect(() => decodeArtifact({ ...artifact, featureScheme: "other" })).toThrow(/features/);
    expect(() => decodeArtifact({ ...artifact, rows: artifact.rows - 1 })).toThrow();
    expect(() => decodeArtifact({ ...artifact, scales: artifact.scales.slice(1) })).toThrow();
  });
});

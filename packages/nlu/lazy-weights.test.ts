import { describe, expect, it } from "vitest";
import { decodeArtifact, type IntentModelArtifact } from "./artifact";
import { base64ByteLength, decodeBase64, decodeBase64Range, encodeBase64 } from "../common/base64";
import { RowTable } from "./features";
import { LazyWeights, SortedRows } from "./lazy-weights";
import bundled from "./model/intent-model.json";

describe("lazy weight rows", () => {
  it("decode any byte range exactly as the whole decode does", () => {
    for (const length of [0, 1, 2, 3, 4, 5, 31, 100]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 97 + 13) & 255);
      const text = encodeBase64(bytes);
      expect(base64ByteLength(text)).toBe(length);
      for (let start = 0; start <= length; start++) {
        for (let end = start; end <= length; end++) {
          const out = new Uint8Array(length);
          decodeBase64Range(text, start, end, out);
          expect(Array.from(out.subarray(start, end))).toEqual(Array.from(decodeBase64(text).subarray(start, end)));
        }
      }
    }
  });

  it("give the shipped model's full matrix once every row is touched", () => {
    const artifact = bundled as IntentModelArtifact;
    const lazy = new LazyWeights(artifact.weights, artifact.rows, artifact.intents.length);
    const rows = Array.from({ length: artifact.rows }, (_, i) => artifact.rows - 1 - i);
    const got = lazy.rows(rows);
    const want = decodeArtifact(artifact).weights;
    expect(got.length).toBe(want.length);
    let differing = 0;
    for (let i = 0; i < want.length; i++) if (got[i] !== want[i]) differing++;
    expect(differing).toBe(0);
  });

  it("refuse characters outside the alphabet", () => {
    expect(() => decodeBase64Range("AA*A", 0, 3, new Uint8Array(3))).toThrow(/invalid base64/);
  });

  it("find the same row for every hash as the hash table does, and none for others", () => {
    const artifact = bundled as IntentModelArtifact;
    const hashes = decodeArtifact(artifact).hashes;
    const sorted = new SortedRows(hashes);
    const table = new RowTable(hashes);
    for (let i = 0; i < hashes.length; i++) expect(sorted.get(hashes[i]!)).toBe(table.get(hashes[i]!));
    for (const h of [0, 1, 0xffffffff, hashes[0]! - 1, hashes[hashes.length - 1]! + 1]) {
      if (table.get(h) === undefined) expect(sorted.get(h)).toBeUndefined();
    }
  });
});

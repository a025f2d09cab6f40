import { describe, expect, it } from "vitest";
import { decodeArtifact, type IntentModelArtifact } from "./artifact";
import { RowTable } from "./features";
import { PackedRows } from "./packed-rows";
import { SHIPPED_ARTIFACT } from "./shipped-artifact";

const artifact: IntentModelArtifact = SHIPPED_ARTIFACT;
const decoded = decodeArtifact(artifact);
const classes = artifact.intents.length;

describe("rows read in place from the artifact", () => {
  it("find the same row for every hash as a hash table over the decoded hashes, and none for others", () => {
    const packed = new PackedRows(artifact);
    const table = new RowTable(decoded.hashes);
    for (let i = 0; i < decoded.hashes.length; i++) {
      if (packed.get(decoded.hashes[i]!) !== i) throw new Error(`hash of row ${i} not found at its row`);
    }
    const last = decoded.hashes[decoded.hashes.length - 1]!;
    for (const h of [0, 1, 0xffffffff, decoded.hashes[0]! - 1, last + 1, decoded.hashes[100]! + 1]) {
      expect(packed.get(h)).toBe(table.get(h));
    }
  }, 30_000);

  it("give every row's idf and weights exactly as the full decode, in any order of first use", () => {
    const packed = new PackedRows(artifact);
    // A scattered third of the rows, in an order unrelated to their layout.
    const rows = Array.from({ length: Math.ceil(artifact.rows / 3) }, (_, i) => (i * 3 * 7919) % artifact.rows);
    const scores = new Float64Array(classes);
    for (const row of rows) {
      expect(packed.idf(row)).toBe(decoded.idf[row]);
      scores.fill(0);
      packed.accumulate(row, 1, scores);
      for (let c = 0; c < classes; c++) {
        if (scores[c] !== decoded.weights[row * classes + c]) throw new Error(`row ${row} intent ${c} differs`);
      }
    }
  }, 30_000);

  it("refuse an artifact whose row entries were cut short", () => {
    expect(() => new PackedRows({ ...artifact, tables: artifact.tables.subarray(0, -8) })).toThrow(/size mismatch/);
  });
});

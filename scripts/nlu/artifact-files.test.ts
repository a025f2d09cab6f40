// The model's two files as Node tools read and write them.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkArtifact, packTables } from "../../packages/nlu/artifact";
import { readArtifactFiles, SHIPPED_MODEL_DIR, writeArtifactFiles } from "./artifact-files";

const work = mkdtempSync(path.join(tmpdir(), "nlu-artifact-files-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("artifact files", () => {
  it("read the shipped model as a header and tables that pass the runtime's checks", () => {
    const artifact = readArtifactFiles();
    expect(() => checkArtifact(artifact)).not.toThrow();
    expect(JSON.parse(readFileSync(path.join(SHIPPED_MODEL_DIR, "intent-model.json"), "utf8"))).not.toHaveProperty("tables");
  });

  it("round-trip an artifact through a header file and a tables file", () => {
    const shipped = readArtifactFiles();
    const artifact = {
      ...shipped,
      intents: ["a", "b"],
      scales: [1, 0.5],
      bias: [0, -1],
      // The shipped header describes its reranker's tables; these small tables have none.
      reranker: undefined,
      ...packTables(Uint32Array.of(3, 9, 70_000), Uint8Array.of(16, 20, 255), Int8Array.of(0, 1, -2, 0, 127, -128), 2),
    };
    const jsonPath = writeArtifactFiles(artifact, work, "small");
    expect(jsonPath).toBe(path.join(work, "small.json"));
    const back = readArtifactFiles(work, "small");
    expect(back).toEqual(artifact);
    expect(() => checkArtifact(back)).not.toThrow();
  });
});

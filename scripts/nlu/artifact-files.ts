// The intent model's two files from Node (the trainer writes them; tools and benchmarks read them):
// intent-model.json (header) and intent-model.bin (tables). The chat Worker imports the same files
// as a JSON module and a Data module (packages/nlu/shipped-artifact.ts).

import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { artifactHeader, type IntentModelArtifact, type IntentModelHeader } from "../../packages/nlu/artifact";
import { repoRoot } from "./dataset";

export const SHIPPED_MODEL_DIR = path.join(repoRoot, "packages/nlu/model");

/** Reads `<dir>/<name>.json` and `<dir>/<name>.bin` (default: the shipped model). */
export function readArtifactFiles(dir = SHIPPED_MODEL_DIR, name = "intent-model"): IntentModelArtifact {
  const header = JSON.parse(readFileSync(path.join(dir, `${name}.json`), "utf8")) as IntentModelHeader;
  return { ...header, tables: new Uint8Array(readFileSync(path.join(dir, `${name}.bin`))) };
}

/** Writes the two files; returns the JSON file's path. */
export function writeArtifactFiles(artifact: IntentModelArtifact, dir: string, name = "intent-model"): string {
  const jsonPath = path.join(dir, `${name}.json`);
  writeFileSync(jsonPath, `${JSON.stringify(artifactHeader(artifact))}\n`);
  writeFileSync(path.join(dir, `${name}.bin`), artifact.tables);
  return jsonPath;
}

// Training is deterministic given data and seed: same seed → byte-identical artifact.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "./dataset";

const work = mkdtempSync(path.join(tmpdir(), "nlu-train-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function train(seed: number, name: string): string {
  const out = path.join(work, name);
  execFileSync(
    process.execPath,
    ["--import", "tsx", path.join(repoRoot, "scripts/nlu/train.ts"), "--seed", String(seed), "--limit-per-intent", "12", "--out", out, "--quiet"],
    { cwd: repoRoot, stdio: "pipe" },
  );
  return readFileSync(path.join(out, "intent-model.json"), "utf8");
}

describe("nlu:train", () => {
  it("produces byte-identical artifacts for the same seed, different ones for another seed", () => {
    const a = train(11, "a");
    const b = train(11, "b");
    const c = train(12, "c");
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    const artifact = JSON.parse(a) as { version: string; format: string; intents: string[]; training: { seed: number } };
    expect(artifact.format).toBe("teller-intent-model");
    expect(artifact.version).toMatch(/^1\.[0-9a-f]{8}$/);
    expect(artifact.training.seed).toBe(11);
    expect(artifact.intents).toHaveLength(89);
  }, 120_000);
});

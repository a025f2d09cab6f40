// Training is deterministic given data and seed: same seed → byte-identical artifact.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ALL_INTENTS } from "../../packages/contract/intents";
import { missingTrainingData, repoRoot } from "./dataset";

const work = mkdtempSync(path.join(tmpdir(), "nlu-train-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function train(seed: number, name: string): string {
  const out = path.join(work, name);
  execFileSync(
    process.execPath,
    [
      "--import",
      "tsx",
      path.join(repoRoot, "scripts/nlu/train.ts"),
      "--seed",
      String(seed),
      "--limit-per-intent",
      "12",
      // One fixed τ instead of the validation grid: the adjustment's code path at a third of the cost.
      "--config",
      JSON.stringify({ logitAdjustment: 0.25 }),
      "--out",
      out,
      "--quiet",
    ],
    { cwd: repoRoot, stdio: "pipe" },
  );
  return readFileSync(path.join(out, "intent-model.json"), "utf8");
}

function tables(name: string): Buffer {
  return readFileSync(path.join(work, name, "intent-model.bin"));
}

const missing = missingTrainingData();
if (missing) console.warn(`skipping nlu:train tests: ${missing}`);

describe("nlu:train", () => {
  it.skipIf(missing !== undefined)("produces byte-identical artifacts for the same seed, different ones for another seed", () => {
    const a = train(11, "a");
    const b = train(11, "b");
    const c = train(12, "c");
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    expect(tables("a").equals(tables("b"))).toBe(true);
    expect(tables("c").equals(tables("a"))).toBe(false);
    const artifact = JSON.parse(a) as { version: string; format: string; intents: string[]; training: { seed: number } };
    expect(artifact.format).toBe("teller-intent-model/4");
    expect(artifact.version).toMatch(/^2\.[0-9a-f]{8}$/);
    expect(artifact.training.seed).toBe(11);
    expect(artifact.intents).toEqual(ALL_INTENTS);
  }, 240_000);
});

describe("nlu:train without the data sets", () => {
  it("fails with a message that says where to get BANKING77 and CLINC150", () => {
    let failure: { status: number; stderr: string } | undefined;
    try {
      execFileSync(process.execPath, ["--import", "tsx", path.join(repoRoot, "scripts/nlu/train.ts"), "--out", path.join(work, "none"), "--quiet"], {
        cwd: repoRoot,
        stdio: "pipe",
        env: { ...process.env, TELLER_DATA_DIR: path.join(work, "no-such-dir"), BANKING77_DIR: "", CLINC150_DIR: "" },
      });
    } catch (error) {
      const e = error as { status: number; stderr: Buffer };
      failure = { status: e.status, stderr: e.stderr.toString("utf8") };
    }
    expect(failure?.status).toBe(1);
    expect(failure?.stderr).toContain("TELLER_DATA_DIR");
    expect(failure?.stderr).toContain("PolyAI-LDN/task-specific-datasets");
    expect(failure?.stderr).toContain("clinc/oos-eval");
  }, 60_000);
});

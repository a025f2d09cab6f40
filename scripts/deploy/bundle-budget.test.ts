import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BUDGETS, measureBundle, overBudget } from "./bundle-budget.js";

const dir = mkdtempSync(path.join(tmpdir(), "teller-bundle-budget-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("bundle budgets", () => {
  it("counts the script modules only, raw and gzipped", () => {
    writeFileSync(path.join(dir, "index.js"), "x".repeat(10_000));
    writeFileSync(path.join(dir, "index.js.map"), "y".repeat(50_000));
    writeFileSync(path.join(dir, "README.md"), "not uploaded");
    const size = measureBundle(dir);
    expect(size.files).toEqual(["index.js"]);
    expect(size.rawBytes).toBe(10_000);
    expect(size.gzipBytes).toBeGreaterThan(0);
    expect(size.gzipBytes).toBeLessThan(200);
  });

  it("fails a gateway over 300 KiB raw and a chat Worker over 3 MiB gzipped", () => {
    expect(overBudget({ files: [], rawBytes: 300 * 1024, gzipBytes: 0 }, BUDGETS.gateway)).toEqual([]);
    expect(overBudget({ files: [], rawBytes: 300 * 1024 + 1, gzipBytes: 0 }, BUDGETS.gateway)).toHaveLength(1);
    expect(overBudget({ files: [], rawBytes: 9e9, gzipBytes: 3 * 1024 * 1024 }, BUDGETS.chat)).toEqual([]);
    expect(overBudget({ files: [], rawBytes: 0, gzipBytes: 3 * 1024 * 1024 + 1 }, BUDGETS.chat)[0]).toMatch(/gzipped/);
  });
});

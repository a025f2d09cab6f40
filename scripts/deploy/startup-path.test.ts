import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CHAT_DEFERRED, loadedAtStartup, staticallyReached, type Metafile } from "./startup-path.js";

// The shape of esbuild's metafile, as wrangler writes it for the chat Worker.
const METAFILE: Metafile = {
  inputs: {
    "index.ts": { imports: [{ path: "session.ts", kind: "import-statement" }, { path: "cloudflare:workers", kind: "import-statement", external: true }] },
    "session.ts": { imports: [{ path: "../../packages/banking/deferred.ts", kind: "import-statement" }, { path: "../../node_modules/zod/index.js", kind: "dynamic-import" }] },
    "../../packages/banking/deferred.ts": { imports: [{ path: "../../packages/banking/index.ts", kind: "dynamic-import" }] },
    "../../packages/banking/index.ts": { imports: [{ path: "../../node_modules/drizzle-orm/index.js", kind: "import-statement" }] },
    "../../node_modules/drizzle-orm/index.js": {},
    "../../node_modules/zod/index.js": {},
  },
  outputs: { "index.js.map": {}, "index.js": { entryPoint: "index.ts" } },
};

function withMetafile(metafile: Metafile, check: (file: string) => void): void {
  const dir = mkdtempSync(path.join(tmpdir(), "startup-path-test-"));
  try {
    const file = path.join(dir, "meta.json");
    writeFileSync(file, JSON.stringify(metafile));
    check(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("what a Worker's startup runs", () => {
  it("follows static imports from the entry and stops at dynamic ones and externals", () => {
    expect([...staticallyReached(METAFILE).keys()]).toEqual(["index.ts", "session.ts", "../../packages/banking/deferred.ts"]);
  });

  it("finds nothing deferred on the startup path when every way there is an import()", () => {
    withMetafile(METAFILE, (file) => expect(loadedAtStartup(file, CHAT_DEFERRED)).toEqual([]));
  });

  it("names the chain of imports that brings a deferred package into the startup, once per package", () => {
    const inputs = structuredClone(METAFILE.inputs);
    inputs["session.ts"]!.imports!.push({ path: "../../packages/banking/index.ts", kind: "import-statement" });
    withMetafile({ ...METAFILE, inputs }, (file) =>
      expect(loadedAtStartup(file, CHAT_DEFERRED)).toEqual(["index.ts → session.ts → ../../packages/banking/index.ts → ../../node_modules/drizzle-orm/index.js"]),
    );
  });

  it("counts the schema as deferred too", () => {
    expect(CHAT_DEFERRED.test("../../packages/db/schema/banking.ts")).toBe(true);
    expect(CHAT_DEFERRED.test("../../packages/db/deferred.ts")).toBe(false);
  });
});

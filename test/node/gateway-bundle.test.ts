import { build } from "esbuild";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../scripts/local-stack.js";

// The gateway only routes, authenticates and validates: the database layer and the banking
// domain's repositories stay in the chat Worker. (npm run deploy:check holds the whole bundle to
// its size budget; this catches the import that would break it, in a second.)
describe("gateway bundle", () => {
  it("pulls in neither drizzle, the Neon driver, the schema nor the banking repositories", async () => {
    const result = await build({
      entryPoints: [path.join(repoRoot, "workers/gateway/index.ts")],
      bundle: true,
      write: false,
      metafile: true,
      format: "esm",
      platform: "browser",
      conditions: ["workerd", "worker", "browser"],
      external: ["cloudflare:*", "node:*"],
      logLevel: "silent",
      outdir: "out",
    });
    // What ends up in the output: esbuild also lists modules it parsed and then shook out entirely.
    const inputs = Object.values(result.metafile.outputs).flatMap((output) =>
      Object.entries(output.inputs)
        .filter(([, input]) => input.bytesInOutput > 0)
        .map(([file]) => file),
    );
    const forbidden = inputs.filter((input) =>
      /node_modules\/(drizzle-orm|@neondatabase)\/|packages\/db\/(schema|client)|packages\/banking\/(index|.*\.repo)\.ts|zod\/v4\/locales\/(?!en\.js)/.test(input),
    );
    expect(forbidden).toEqual([]);
    expect(inputs.some((input) => input.includes("workers/gateway/gateway.app.ts"))).toBe(true);
  });
});

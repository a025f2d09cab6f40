import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

// Two kinds of tests:
// - "unit": plain domain modules (packages/**) run inside workerd, the runtime they ship to.
// - "node": tooling that only ever runs in Node (training, local stack, seed).
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [
          cloudflareTest({
            miniflare: {
              compatibilityDate: "2026-04-01",
              compatibilityFlags: ["nodejs_compat"],
            },
          }),
        ],
        test: {
          name: "unit",
          include: ["packages/**/*.test.ts"],
          exclude: ["packages/**/*.node.test.ts"],
        },
      },
      {
        test: {
          name: "node",
          environment: "node",
          include: ["scripts/**/*.test.ts", "packages/**/*.node.test.ts", "test/node/**/*.test.ts"],
        },
      },
    ],
  },
});

import { gzipSync } from "node:zlib";
import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import { pwa } from "./build/pwa.js";

/** The JavaScript a first visit must download before the page works. */
const INITIAL_JS_BUDGET_KB = 150;

/**
 * Prints the gzipped size of the entry chunk plus everything it imports statically (lazy chunks
 * excluded) and fails the build when that exceeds the budget.
 */
function initialJsBudget(budgetKb: number): Plugin {
  return {
    name: "teller:initial-js-budget",
    apply: "build",
    generateBundle(_options, bundle) {
      const entries = Object.values(bundle).filter((o) => o.type === "chunk" && o.isEntry);
      const seen = new Set<string>();
      const visit = (fileName: string) => {
        if (seen.has(fileName)) return;
        const chunk = bundle[fileName];
        if (!chunk || chunk.type !== "chunk") return;
        seen.add(fileName);
        chunk.imports.forEach(visit);
      };
      entries.forEach((e) => visit(e.fileName));
      let bytes = 0;
      for (const fileName of seen) {
        const chunk = bundle[fileName];
        if (chunk?.type === "chunk") bytes += gzipSync(chunk.code, { level: 9 }).length;
      }
      const kb = bytes / 1000; // kB as Vite prints them
      const line = `initial JS: ${kb.toFixed(1)} KB gzipped (budget ${budgetKb} KB)`;
      if (kb > budgetKb) this.error(`${line} — over budget`);
      // Printed directly: Vite's logger is silenced at logLevel "warn" by `npm start`.
      console.log(line);
    },
  };
}

/**
 * A production build is a production build even when a test runner (NODE_ENV=test) starts it:
 * Vite derives `isProduction` from NODE_ENV after reading this file, and with "test" it ships
 * React's development bundle and JSX with source paths (~140 KB instead of ~78 KB). The caller's
 * value is put back when the build ends, since `npm start` and the e2e tests build in-process.
 */
function productionNodeEnv(): Plugin {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  const restore = () => {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  };
  return { name: "teller:production-node-env", apply: "build", closeBundle: restore, buildEnd: (error) => void (error && restore()) };
}

export default defineConfig(({ command, mode }) => ({
  root: import.meta.dirname,
  plugins: [
    ...(command === "build" && mode === "production" ? [productionNodeEnv()] : []),
    react(),
    initialJsBudget(INITIAL_JS_BUDGET_KB),
    pwa(),
  ],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    // Hashed names under assets/ are what `_headers` marks immutable.
    assetsDir: "assets",
    // Inlined assets would become data: URLs; keep everything a file the CSP allows from 'self'.
    assetsInlineLimit: 0,
  },
}));

import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../../scripts/local-stack.js";

// Every module of the Workers and the Durable Objects has a test beside it (issue #14): the
// `workers` vitest project runs workers/** and durable-objects/**; test/workerd keeps only the
// suites that span Workers.
const ROOTS = ["workers", "durable-objects"];

/**
 * Modules that hold no behaviour of their own, so nothing to test beside them. Only typings,
 * data and a one-line entry point belong here; a module with logic never does (the last test
 * below holds every entry to that).
 */
const NO_BEHAVIOUR = new Map<string, string>([
  ["workers/gateway/env.ts", "binding and context typings"],
  ["workers/chat/env.ts", "binding typings"],
  ["durable-objects/chat-session.env.ts", "binding typings"],
  ["workers/gateway/dev-idp/demo-customers.ts", "the demo customers' ids and names (data)"],
  ["workers/gateway/index.ts", "the Worker's entry: `export default createGatewayApp()` (gateway.app.test.ts)"],
]);

function modulesUnder(dir: string): string[] {
  return readdirSync(path.join(repoRoot, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return modulesUnder(relative);
    return /\.ts$/.test(entry.name) && !/\.(test|d)\.ts$/.test(entry.name) ? [relative] : [];
  });
}

const modules = ROOTS.flatMap(modulesUnder).sort();
const moduleSet = new Set(modules);

/** `foo.test.ts`, or `foo.<behaviour>.test.ts` when `foo.<behaviour>.ts` is not a module of its own. */
function hasBesideTest(module: string): boolean {
  const stem = module.slice(0, -".ts".length);
  const dir = path.posix.dirname(module);
  const base = path.posix.basename(stem);
  if (existsSync(path.join(repoRoot, `${stem}.test.ts`))) return true;
  return readdirSync(path.join(repoRoot, dir)).some((name) => {
    const match = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.([\\w-]+)\\.test\\.ts$`).exec(name);
    return match !== null && !moduleSet.has(`${dir}/${base}.${match[1]}.ts`);
  });
}

describe("tests beside every module of the Workers and the Durable Objects", () => {
  it("finds the modules", () => {
    expect(modules).toContain("durable-objects/chat-session.ts");
    expect(modules).toContain("workers/gateway/gateway.app.ts");
  });

  it("has a test beside every module with behaviour", () => {
    const missing = modules.filter((module) => !NO_BEHAVIOUR.has(module) && !hasBesideTest(module));
    expect(missing).toEqual([]);
  });

  it("lists only existing, untested modules as having no behaviour", () => {
    const stale = [...NO_BEHAVIOUR.keys()].filter((module) => !moduleSet.has(module) || existsSync(path.join(repoRoot, module.replace(/\.ts$/, ".test.ts"))));
    expect(stale).toEqual([]);
  });

  it("lets no function, class or arrow into a module listed as having no behaviour", () => {
    const withLogic = [...NO_BEHAVIOUR.keys()].filter((module) => {
      const code = readFileSync(path.join(repoRoot, module), "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
      return /\bfunction\b|\bclass\b|=>|\bnew\b/.test(code);
    });
    expect(withLogic).toEqual([]);
  });
});

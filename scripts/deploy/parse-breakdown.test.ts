import { describe, expect, it } from "vitest";
import { moduleName, moduleStarts, parseBreakdown } from "./parse-breakdown.js";

// Three modules as esbuild writes them unminified: a path comment above each.
const BUNDLE = [
  "var __esm = (fn) => fn;",
  "// ../../node_modules/@neondatabase/serverless/index.mjs",
  "var init_serverless = __esm(function () { return 1; });",
  "// @__NO_SIDE_EFFECTS__",
  "// ../../node_modules/zod/v4/core/core.js",
  "function zodThing() { return 2; }",
  "// ../../packages/nlu/model.ts",
  "function classify() { return 3; }",
].join("\n");
const at = (text: string) => BUNDLE.indexOf(text);

describe("the parse cost of a bundle, per package", () => {
  it("names a module by its package, or our own file by its first two directories", () => {
    expect(moduleName("node_modules/@neondatabase/serverless/index.mjs")).toBe("@neondatabase/serverless");
    expect(moduleName("work/main/node_modules/zod/v4/core/core.js")).toBe("zod");
    expect(moduleName("packages/nlu/entities/dates.ts")).toBe("packages/nlu");
    expect(moduleName("durable-objects/chat-session.ts")).toBe("durable-objects");
  });

  it("finds where each module starts from esbuild's path comments, not other comments", () => {
    expect(moduleStarts(BUNDLE).map((s) => s.module)).toEqual(["(bundle runtime)", "@neondatabase/serverless", "zod", "packages/nlu"]);
  });

  it("sums V8's preparse and compile events of the named script by the module each function starts in", () => {
    const log = [
      "script-details,7,index.js,0,0,",
      "script-details,8,other.js,0,0,",
      "function,parse-script,7,0,0,12.5,1,",
      `function,preparse-resolution,7,${at("function () { return 1")},${at("function () { return 1") + 10},4.25,2,`,
      `function,preparse-no-resolution,7,${at("function zodThing")},${at("function zodThing") + 10},1.5,3,zodThing`,
      `function,full-parse,7,${at("function classify")},${at("function classify") + 10},0.5,4,classify`,
      `function,interpreter,7,${at("function classify")},${at("function classify") + 10},0.25,4,classify`,
      `function,preparse-resolution,8,${at("function zodThing")},0,99,5,`,
      "code-creation,Builtin,2,0,0,x",
    ].join("\n");
    const breakdown = parseBreakdown(log, BUNDLE, "index.js");
    expect(breakdown.parseScriptMs).toBe(12.5);
    expect(Object.fromEntries(breakdown.byModule)).toEqual({
      "@neondatabase/serverless": { preparseMs: 4.25, compileMs: 0 },
      zod: { preparseMs: 1.5, compileMs: 0 },
      "packages/nlu": { preparseMs: 0, compileMs: 0.75 },
    });
  });
});

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { medianLoad, scriptLoadOnce } from "./startup-time.js";

// A stand-in for wrangler's output: cloudflare:workers, a Data module, and a kept function name.
const BUNDLE = `import { DurableObject } from "cloudflare:workers";
import tables from "./0123-model.bin";
var __name = (target, value) => Object.defineProperty(target, "name", { value, configurable: true });
export class Session extends DurableObject {}
const bytes = new Uint8Array(tables);
function xq() { return { classify: (text) => ({ intent: bytes.length === 4 && bytes[3] === 7 && text.includes("euros") ? "exchange_rate" : "other" }) }; }
__name(xq, "loadIntentModel");
function xe(text, context) { if (!text.includes("euros") || context.today.length !== 10) throw new Error("not the first question"); return {}; }
__name(xe, "extractEntities");
export default { fetch() { return new Response(null, { status: 404 }); } };
`;

const dir = mkdtempSync(path.join(tmpdir(), "startup-time-test-"));
writeFileSync(path.join(dir, "index.js"), BUNDLE);
writeFileSync(path.join(dir, "0123-model.bin"), Buffer.from([1, 2, 3, 7]));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a bundle's script load, timed in a fresh Node process", () => {
  it("compiles and runs the top level with cloudflare:workers stubbed and the Data module's bytes as an ArrayBuffer", () => {
    const load = scriptLoadOnce(dir, "index.js");
    for (const span of [load.compile, load.data, load.topLevel]) expect(span.cpuMs).toBeGreaterThanOrEqual(0);
    expect(load.script.wallMs).toBeCloseTo(load.compile.wallMs + load.data.wallMs + load.topLevel.wallMs, 5);
    expect(load.model).toBeUndefined();
  });

  it("reaches the shipped model's loader by its kept name, minified or not, for the first turn", () => {
    const load = scriptLoadOnce(dir, "index.js", true);
    expect(load.intent).toBe("exchange_rate");
    expect(load.total.wallMs).toBeGreaterThanOrEqual(load.script.wallMs);
    expect(medianLoad([load, load, load]).first).toEqual(load.first);
    // The same message's entities, when the bundle has extractEntities: timed, outside the total.
    expect(load.entities!.cpuMs).toBeGreaterThanOrEqual(0);
    expect(load.total.wallMs).toBeCloseTo(load.script.wallMs + load.model!.wallMs + load.first!.wallMs, 5);
  });

  it("fails, not guesses, when the bundle has no loadIntentModel", () => {
    const other = mkdtempSync(path.join(tmpdir(), "startup-time-test-"));
    try {
      writeFileSync(path.join(other, "index.js"), "export default {};\n");
      expect(() => scriptLoadOnce(other, "index.js", true)).toThrow(/no loadIntentModel/);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});

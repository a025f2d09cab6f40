import { describe, expect, it } from "vitest";
import { lazyModule, loadLazyModules } from "./lazy-module.js";

function counted<M>(module: M) {
  const loader = { loads: 0, load: async () => (loader.loads++, module) };
  return loader;
}

describe("lazyModule", () => {
  it("does not import before the first use", () => {
    const loader = counted({ answer: 42 });
    lazyModule(loader.load);
    expect(loader.loads).toBe(0);
  });

  it("imports once, then hands over the module it kept", async () => {
    const loader = counted({ answer: 42 });
    const get = lazyModule(loader.load);
    expect((await get()).answer).toBe(42);
    expect((await get()).answer).toBe(42);
    expect(loader.loads).toBe(1);
  });

  it("keeps no pending import: callers before the first settles each import", async () => {
    const loader = counted({ answer: 42 });
    const get = lazyModule(loader.load);
    await Promise.all([get(), get()]);
    expect(loader.loads).toBe(2);
    await get();
    expect(loader.loads).toBe(2);
  });

  it("tries a failed import again on the next use", async () => {
    let attempts = 0;
    const get = lazyModule(async () => {
      if (++attempts === 1) throw new Error("no such module");
      return { answer: 42 };
    });
    await expect(get()).rejects.toThrow("no such module");
    expect((await get()).answer).toBe(42);
  });

  it("loads every declared module at once", async () => {
    const loader = counted({ answer: 42 });
    const get = lazyModule(loader.load);
    await loadLazyModules();
    expect(loader.loads).toBe(1);
    await get();
    expect(loader.loads).toBe(1);
  });
});

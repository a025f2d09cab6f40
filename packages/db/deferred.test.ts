import { describe, expect, it } from "vitest";
import { deferred } from "./deferred.js";

/** A module as a dynamic import hands it over, counting how often it was asked for. */
function moduleLoader() {
  const loader = {
    loads: 0,
    load: async () => {
      loader.loads++;
      return {
        double: async (n: number) => n * 2,
        refuse: async (): Promise<never> => {
          throw new Error("refused");
        },
      };
    },
  };
  return loader;
}

describe("deferred", () => {
  it("does not load the module before the first call", () => {
    const loader = moduleLoader();
    deferred(loader.load, "double");
    expect(loader.loads).toBe(0);
  });

  it("answers as the module's function, with its arguments", async () => {
    const loader = moduleLoader();
    const double = deferred(loader.load, "double");
    expect(await double(21)).toBe(42);
    expect(await double(5)).toBe(10);
  });

  it("passes the function's rejection on", async () => {
    const refuse = deferred(moduleLoader().load, "refuse");
    await expect(refuse()).rejects.toThrow("refused");
  });

  it("rejects the call when the module cannot be loaded", async () => {
    const broken = deferred(async (): Promise<{ run: () => Promise<void> }> => {
      throw new Error("no such module");
    }, "run");
    await expect(broken()).rejects.toThrow("no such module");
  });
});

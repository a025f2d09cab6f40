import { describe, expect, it } from "vitest";
import { lazyPattern, onFirstUse } from "./lazy-pattern";

describe("lazyPattern", () => {
  it("matches as the RegExp it stands for, flags included", () => {
    const pattern = lazyPattern(String.raw`\bto\s+(\p{Lu}\p{L}+)`, "u");
    expect(pattern.test("send 20 to Jordan")).toBe(true);
    expect(pattern.exec("send 20 to Jordan")?.[1]).toBe("Jordan");
    expect(pattern.exec("send 20 to jordan")).toBeNull();
    expect(lazyPattern("^hi", "i").test("HI there")).toBe(true);
  });

  it("builds its RegExp once, on first use, and a bad pattern fails there", () => {
    const pattern = lazyPattern("(unclosed");
    expect(() => pattern.test("x")).toThrow(SyntaxError);
    const good = lazyPattern("a+");
    expect(good.regExp).toBe(good.regExp);
    expect(good.regExp.source).toBe("a+");
  });
});

describe("onFirstUse", () => {
  it("builds the value on the first call only", () => {
    let builds = 0;
    const table = onFirstUse(() => {
      builds++;
      return [1, 2];
    });
    expect(builds).toBe(0);
    expect(table()).toBe(table());
    expect(builds).toBe(1);
  });
});

import { describe, expect, it } from "vitest";
import { ACCENTED, PLAIN, foldAccents } from "./accent-fold";

describe("foldAccents", () => {
  it("pairs every accented letter with one plain letter, as Postgres translate() needs", () => {
    expect([...ACCENTED]).toHaveLength([...PLAIN].length);
    expect([...PLAIN].every((c) => /^[a-z]$/.test(c))).toBe(true);
  });

  it("folds what a customer types and what is stored to the same text", () => {
    expect(foldAccents("Lucía García")).toBe("lucia garcia");
    expect(foldAccents("%José Muñoz%")).toBe("%jose munoz%");
    expect(foldAccents("Café Straße Ø")).toBe("cafe straße o");
    expect(foldAccents("lucia")).toBe("lucia");
  });
});

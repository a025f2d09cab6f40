import { describe, expect, it } from "vitest";
import { setBounded } from "./bounded-map.js";

describe("setBounded", () => {
  it("drops the oldest entry once the map holds maxEntries", () => {
    const map = new Map<string, number>();
    for (const [i, key] of ["a", "b", "c", "d"].entries()) setBounded(map, key, i, 3);
    expect([...map]).toEqual([["b", 1], ["c", 2], ["d", 3]]);
  });

  it("makes a key set again the newest, without dropping anything to make room for it", () => {
    const map = new Map<string, number>();
    for (const [i, key] of ["a", "b", "c"].entries()) setBounded(map, key, i, 3);
    setBounded(map, "a", 9, 3);
    expect([...map]).toEqual([["b", 1], ["c", 2], ["a", 9]]);
  });
});

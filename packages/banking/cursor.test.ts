import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { newId } from "./ids.js";
import { decodeCursor, encodeCursor } from "./cursor.js";

describe("cursors", () => {
  it("round-trip a position exactly", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), (postedAtMs) => {
        const position = { postedAtMs, id: newId("transaction") };
        expect(decodeCursor(encodeCursor(position))).toEqual(position);
      }),
    );
  });

  it("are opaque URL-safe text and reject anything they did not write", () => {
    const cursor = encodeCursor({ postedAtMs: 1_772_000_000_000, id: newId("transaction") });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor.slice(0, -2))).toBeNull();
    expect(decodeCursor(btoa("v1:1:acc_00000000000000000000"))).toBeNull();
    fc.assert(fc.property(fc.string(), (text) => decodeCursor(text) === null || text.length > 0));
  });
});

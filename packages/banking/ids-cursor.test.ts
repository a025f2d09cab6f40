import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ID_PATTERNS, isId, newId, seededId } from "./ids.js";
import { decodeCursor, encodeCursor } from "./cursor.js";

describe("ids", () => {
  it("carry their kind: an id of one kind never passes as another", () => {
    const account = newId("account");
    expect(isId("account", account)).toBe(true);
    expect(isId("card", account)).toBe(false);
    expect(isId("account", `${account} `)).toBe(false);
    expect(isId("account", "acc_' OR 1=1 --")).toBe(false);
  });

  it("are random when fresh and stable when seeded", () => {
    expect(newId("transfer")).not.toBe(newId("transfer"));
    expect(seededId("payee", "cus_alex_kim:payee-0")).toBe(seededId("payee", "cus_alex_kim:payee-0"));
    expect(seededId("payee", "cus_alex_kim:payee-0")).not.toBe(seededId("payee", "cus_alex_kim:payee-1"));
    fc.assert(fc.property(fc.string(), (key) => ID_PATTERNS.card.test(seededId("card", key))));
  });
});

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

/** json-copy.ts: exactly the copy a JSON round trip makes, without the text. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Session, understood, usd } from "../../test/support/dialogue-session.js";
import { jsonCopy } from "./json-copy.js";

const roundTrip = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

/** Every object and array of `value` (to check that a copy shares none of them). */
function containers(value: unknown, seen = new Set<object>()): Set<object> {
  if (value !== null && typeof value === "object" && !seen.has(value)) {
    seen.add(value);
    for (const item of Object.values(value)) containers(item, seen);
  }
  return seen;
}

describe("jsonCopy", () => {
  it("equals JSON.parse(JSON.stringify(x)) for any value JSON can write, and shares nothing with it", () => {
    const anything = fc.anything({
      withBoxedValues: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withObjectString: true,
      withSparseArray: true,
      withTypedArray: true,
      withDate: true,
      withUnicodeString: true,
      maxDepth: 4,
    });
    fc.assert(
      fc.property(fc.oneof(anything, fc.dictionary(fc.string(), anything)), (value) => {
        // A lone undefined or function has no JSON text at all (JSON.parse then throws).
        fc.pre(JSON.stringify(value) !== undefined);
        const copy = jsonCopy(value);
        expect(copy).toStrictEqual(roundTrip(value));
        const shared = containers(value);
        for (const part of containers(copy)) expect(shared.has(part)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it("writes what JSON writes: -0 as 0, NaN and Infinity as null, undefined and functions left out (null in arrays), toJSON and dates as their JSON", () => {
    const value = {
      zero: -0,
      nan: Number.NaN,
      inf: -Infinity,
      gone: undefined,
      fn: () => 1,
      list: [undefined, () => 1, Symbol("s"), 1],
      at: new Date(Date.UTC(2026, 11, 5)),
      custom: { toJSON: (key: string) => `key ${key}` },
      inList: [{ toJSON: (key: string) => `at ${key}` }],
      "2": "integer keys first",
      ["__proto__"]: { own: true },
    };
    const copy = jsonCopy(value);
    expect(copy).toStrictEqual(roundTrip(value));
    expect(Object.is((copy as { zero: number }).zero, 0)).toBe(true);
    expect(Object.keys(copy)).toEqual(Object.keys(roundTrip(value) as object));
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
  });

  it("throws on a BigInt, as JSON.stringify does", () => {
    expect(() => jsonCopy({ n: 1n })).toThrow(TypeError);
  });

  it("copies a dialogue state (a transfer waiting for its yes) as the round trip does", () => {
    const session = new Session();
    session.say("send $30 from checking to Alex", understood("transfer", { amount: usd(30), fromRef: "checking", payeeName: "Alex" }));
    expect(session.state.task).not.toBeNull();
    expect(jsonCopy(session.state)).toStrictEqual(roundTrip(session.state));
  });
});

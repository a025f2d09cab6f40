import { describe, expect, it } from "vitest";
import { firstRepeatedKey, parseStrictJson } from "./strict-json";

describe("parsing JSON strictly", () => {
  it("returns the value of JSON that names each key once per object", () => {
    expect(parseStrictJson('{"a":1,"b":{"a":2},"c":[{"a":3},{"a":4}]}')).toEqual({ ok: true, value: { a: 1, b: { a: 2 }, c: [{ a: 3 }, { a: 4 }] } });
    expect(parseStrictJson('"text"')).toEqual({ ok: true, value: "text" });
    expect(parseStrictJson("[1, 2, 3]")).toEqual({ ok: true, value: [1, 2, 3] });
  });

  it("refuses an object that repeats a key, at any depth, naming the key", () => {
    expect(parseStrictJson('{"amount":1,"amount":1000}')).toEqual({ ok: false, reason: "duplicate_key", key: "amount" });
    expect(parseStrictJson('{"x":[{"id":"a","id":"b"}]}')).toEqual({ ok: false, reason: "duplicate_key", key: "id" });
    expect(parseStrictJson('{ "a" : 1 , "b" : { } , "a" : 2 }')).toEqual({ ok: false, reason: "duplicate_key", key: "a" });
  });

  it("compares keys decoded, so an escaped spelling of the same key is a repeat", () => {
    expect(firstRepeatedKey('{"id":1,"\\u0069d":2}')).toBe("id");
  });

  it("does not mistake string values that look like keys, braces or quotes for structure", () => {
    expect(firstRepeatedKey('{"a":"\\"a\\":{,","b":"a","c":["a","a"]}')).toBeUndefined();
    expect(firstRepeatedKey('{"text":"{\\"a\\":1,\\"a\\":2}"}')).toBeUndefined();
  });

  it("reports a syntax error for text that is not JSON", () => {
    expect(parseStrictJson('{"a":')).toEqual({ ok: false, reason: "syntax" });
  });
});

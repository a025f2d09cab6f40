import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeBase64, encodeBase64, fromBase64Url, toBase64Url } from "./base64.js";

describe("base64url", () => {
  it("round-trips every byte value without padding or URL-unsafe characters", () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    for (let n = 0; n <= 5; n++) {
      const text = toBase64Url(bytes.subarray(0, 250 + n));
      expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(fromBase64Url(text)).toEqual(bytes.subarray(0, 250 + n));
    }
    expect(toBase64Url(new Uint8Array([0xfb, 0xff]))).toBe("-_8");
  });

  it("throws on characters outside the alphabet", () => {
    expect(() => fromBase64Url("ab$c")).toThrow();
    expect(() => fromBase64Url("a b.")).toThrow();
  });

});

describe("base64 without atob's help", () => {
  it("decodes unpadded text (the hand-written decoder) to the same bytes, and refuses other characters", () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => (i * 37) & 255);
    for (const length of [253, 254]) {
      const unpadded = encodeBase64(bytes.subarray(0, length)).replace(/=+$/, "");
      expect(unpadded.length % 4).not.toBe(0);
      expect(decodeBase64(unpadded)).toEqual(bytes.subarray(0, length));
    }
    expect(() => decodeBase64("AA*AA")).toThrow(/invalid base64 near 0/);
    expect(() => decodeBase64("AAAAA*")).toThrow(/invalid base64 near 5/);
  });
});

describe("base64", () => {
  it("round-trips any bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(decodeBase64(encodeBase64(bytes))).toEqual(bytes);
      }),
    );
  });

  it("rejects characters outside the alphabet", () => {
    expect(() => decodeBase64("AAA*")).toThrow();
    expect(() => decodeBase64("AAÁA")).toThrow();
  });
});

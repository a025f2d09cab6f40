import { describe, expect, it } from "vitest";
import { parseNumberWords, spokenPrice } from "./number-words";

describe("parseNumberWords", () => {
  it("reads one number said in words, and nothing else", () => {
    expect(parseNumberWords(["two", "hundred", "and", "fifty"])).toBe(250);
    expect(parseNumberWords(["forty-two"])).toBe(42);
    expect(parseNumberWords(["twenty", "five", "fifty"])).toBeNull();
  });
});

describe("spokenPrice", () => {
  it("gives both sums a price said as two numbers could be, in cents", () => {
    expect(spokenPrice(["twenty", "five", "fifty"])).toEqual([2550, 255000]);
    expect(spokenPrice(["three", "fifty"])).toEqual([350, 35000]);
    expect(spokenPrice(["nineteen", "ninety-nine"])).toEqual([1999, 199900]);
    expect(spokenPrice(["twelve", "and", "forty"])).toEqual([1240, 124000]);
  });

  it("is nothing for runs that are no price: cents under ten, scales, three numbers", () => {
    expect(spokenPrice(["three", "five"])).toBeUndefined();
    expect(spokenPrice(["zero", "fifty"])).toBeUndefined();
    expect(spokenPrice(["two", "hundred", "fifty"])).toBeUndefined();
    expect(spokenPrice(["one", "two", "three"])).toBeUndefined();
  });
});

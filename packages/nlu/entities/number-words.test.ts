import { describe, expect, it } from "vitest";
import { parseNumberWords, spokenPrice } from "./number-words";

describe("parseNumberWords", () => {
  it("reads one number said in words, and nothing else", () => {
    expect(parseNumberWords(["two", "hundred", "and", "fifty"])).toBe(250);
    expect(parseNumberWords(["forty-two"])).toBe(42);
    expect(parseNumberWords(["twenty", "five", "fifty"])).toBeNull();
  });

  // crowd30: "a" before a number is the article ("a three hundred dollar phone bill" was 400).
  it("reads a as one before a scale and as the article before a number", () => {
    expect(parseNumberWords(["a", "hundred", "and", "fifty"])).toBe(150);
    expect(parseNumberWords(["a", "thousand"])).toBe(1000);
    expect(parseNumberWords(["a", "three", "hundred"])).toBe(300);
    expect(parseNumberWords(["a", "fifty"])).toBe(50);
    expect(parseNumberWords(["a", "twenty", "five"])).toBe(25);
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

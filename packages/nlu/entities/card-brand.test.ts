import { describe, expect, it } from "vitest";
import { extractCardBrand, extractCardKind } from "./card-brand";

describe("card brand named in a message", () => {
  it("reads the network however it is written, as the label's lower-case letters", () => {
    expect(extractCardBrand("freeze my visa")).toBe("visa");
    expect(extractCardBrand("the MasterCard please")).toBe("mastercard");
    expect(extractCardBrand("unfreeze my master card")).toBe("mastercard");
    expect(extractCardBrand("my American Express")).toBe("americanexpress");
  });

  it("names nothing when no brand, or two brands, are said", () => {
    expect(extractCardBrand("freeze my card")).toBeUndefined();
    expect(extractCardBrand("I want to discover my balance")).toBeUndefined();
    expect(extractCardBrand("freeze my visa and my mastercard")).toBeUndefined();
  });
});

describe("extractCardKind (sweep19)", () => {
  it("reads a debit or a credit card named, and neither when both or none are", () => {
    expect(extractCardKind("my debit card got stolen")).toBe("debit");
    expect(extractCardKind("freeze my credit card")).toBe("credit");
    expect(extractCardKind("freeze my debit card and my credit card")).toBeUndefined();
    expect(extractCardKind("freeze my card")).toBeUndefined();
    expect(extractCardKind("direct debit")).toBeUndefined();
  });
});

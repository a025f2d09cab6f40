import { describe, expect, it } from "vitest";
import { extractCardBrand } from "./card-brand";

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

import { describe, expect, it } from "vitest";
import { categoriesCovered } from "./spending-categories.js";

describe("categoriesCovered", () => {
  it("reads food as groceries and dining (and coffee)", () => {
    expect(categoriesCovered("food")).toEqual(expect.arrayContaining(["Groceries", "Dining"]));
    expect(categoriesCovered(" Food ")).toContain("Groceries");
  });
  it("keeps any other category as written", () => {
    expect(categoriesCovered("groceries")).toEqual(["groceries"]);
    expect(categoriesCovered("%")).toEqual(["%"]);
  });
});

describe("categoriesCovered, a household's bills", () => {
  it("reads bills as rent, utilities, phone and internet", () => {
    expect(categoriesCovered("bills")).toEqual(expect.arrayContaining(["Rent", "Utilities", "Phone", "Internet"]));
    expect(categoriesCovered("utilities")).toContain("Utilities");
    expect(categoriesCovered("rent")).toEqual(["rent"]);
  });
});

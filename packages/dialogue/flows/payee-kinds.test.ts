import { describe, expect, it } from "vitest";
import { billerWordsIn, nameFitsKind } from "./payee-kinds.js";

describe("billerWordsIn", () => {
  it("gives the name words of a kind of bill or recipient", () => {
    expect(billerWordsIn("my cable bill")).toContain("broadband");
    expect(billerWordsIn("the electric")).toContain("power");
    // A landlord is paid like rent ("my landlord" got "no saved payee called “landlord”").
    expect(billerWordsIn("my landlord")).toContain("propert");
  });

  it("gives nothing for a person or a word of no kind", () => {
    expect(billerWordsIn("my mom")).toEqual([]);
    expect(billerWordsIn("Gaston")).toEqual([]);
  });
});

describe("nameFitsKind", () => {
  it("is a word of the name starting with a kind's word, never a word inside another", () => {
    expect(nameFitsKind("Metro Water Utility", ["water"])).toBe(true);
    expect(nameFitsKind("City Power & Light", ["power", "electric", "energy"])).toBe(true);
    expect(nameFitsKind("Saltwater Grill", ["water"])).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { extractSpendingTarget } from "./spending";

describe("extractSpendingTarget", () => {
  it.each([
    ["how much did I spend on groceries last month", { kind: "category", category: "groceries" }],
    ["what did I spend on eating out this week", { kind: "category", category: "dining" }],
    ["grocery spending", { kind: "category", category: "groceries" }],
    ["restaurant spending this month", { kind: "category", category: "dining" }],
    ["how much have I spent at Starbucks", { kind: "merchant", merchant: "Starbucks" }],
    ["how much did I spend at whole foods in april", { kind: "merchant", merchant: "whole foods" }],
    ["how much went to amazon last year?", { kind: "merchant", merchant: "amazon" }],
  ])("%s", (text, expected) => {
    expect(extractSpendingTarget(text)).toMatchObject(expected);
  });

  it("returns null for total spending", () => {
    expect(extractSpendingTarget("how much did i spend in total last month")).toBeNull();
    expect(extractSpendingTarget("how much did I spend yesterday")).toBeNull();
    expect(extractSpendingTarget("what's my balance")).toBeNull();
  });

  it("maps merchants to the customer's known spelling", () => {
    expect(extractSpendingTarget("how much did i spend at mc donalds", ["McDonald's"])).toMatchObject({ merchant: "McDonald's" });
    expect(extractSpendingTarget("how much did I spend at starbucks this month", ["Starbucks"])).toMatchObject({ merchant: "Starbucks" });
  });
});

import { describe, expect, it } from "vitest";
import { utilityPayments } from "./utility-kind.js";
import { transactionRow } from "../../../test/support/dialogue-session.js";

const paid = (merchant: string, day: string) => transactionRow(merchant, -50_00, day, { category: "Utilities" });

describe("a utility bill's payments", () => {
  const power = paid("City Power & Light", "2026-11-20");
  const water = paid("Metro Water Utility", "2026-11-08");

  it("are its own company's, not the latest utility's", () => {
    expect(utilityPayments("water", [power, water]).payments).toEqual([water]);
    expect(utilityPayments("electric", [power, water]).payments).toEqual([power]);
  });

  it("are none when no company of that kind was paid, the latest utility said apart", () => {
    expect(utilityPayments("water", [power])).toEqual({ payments: [], otherUtility: power });
  });

  it("are every payment found when no utility kind was named", () => {
    expect(utilityPayments("rent", [power, water]).payments).toEqual([power, water]);
    expect(utilityPayments("netflix", [power]).payments).toEqual([power]);
  });
});

import { describe, expect, it } from "vitest";
import { describeQuery, feesTotal, filedUnderNote, oneRowText, totalIn } from "./lookup-text.js";
import type { SpendingView, TransactionView } from "../types.js";

const TX = { name: "spending", confidence: 1 };
const spending = (minor: number) => ({ total: { minor, currency: "USD" }, byCategory: [], from: "2026-01-01", to: "2026-12-05" }) as unknown as SpendingView;

describe("describeQuery", () => {
  it("says one day as 'on' it, and a range as 'between'", () => {
    expect(describeQuery({ limit: 10, from: "2026-12-04", to: "2026-12-04" })).toBe(" on 4 Dec 2026");
    expect(describeQuery({ limit: 10, from: "2026-12-01", to: "2026-12-04", account: "checking" })).toBe(" in your checking account between 1 Dec 2026 and 4 Dec 2026");
  });
  it("says a bound on the amount and the merchant", () => {
    expect(describeQuery({ limit: 50, merchant: "Shell", amount: { op: "over", minor: 50_00, currency: "USD" } })).toBe(" at “Shell” over $50.00");
  });
});

describe("feesTotal (session 30)", () => {
  it("says fees charged, or none, never spending 'on fees'", () => {
    expect(feesTotal(TX, spending(0), "between 1 Jan 2026 and 5 Dec 2026").text).toBe("You haven't been charged any fees between 1 Jan 2026 and 5 Dec 2026.");
    expect(feesTotal(TX, spending(35_00), "between 1 Jan 2026 and 5 Dec 2026").text).toBe("You were charged $35.00 in fees between 1 Jan 2026 and 5 Dec 2026.");
  });
});

describe("totalIn", () => {
  const row = (minor: number) => ({ amount: { minor, currency: "USD" } }) as TransactionView;
  it("sums what came in when the load was not cut short", () => {
    expect(totalIn([row(100), row(250)], 50, 2)).toEqual({ minor: 350, currency: "USD" });
    expect(totalIn([row(100)], 50, 50)).toBeNull();
  });
});

describe("oneRowText", () => {
  it("says money out at its merchant, money in from it, pending said", () => {
    const row = (minor: number, status = "posted") => ({ merchant: "Bluebird Coffee", amount: { minor, currency: "USD" }, postedAt: "2026-12-04T12:00:00.000Z", status }) as TransactionView;
    expect(oneRowText(row(-6_68, "pending"))).toBe("$6.68 at “Bluebird Coffee” on 4 Dec 2026 (still pending)");
    expect(oneRowText(row(25_00))).toBe("$25.00 in from “Bluebird Coffee” on 4 Dec 2026");
  });
});

describe("filedUnderNote (explore30)", () => {
  it("says a narrower thing is filed under the category read, and nothing otherwise", () => {
    expect(filedUnderNote("how much did i spend on parking", "transport")).toBe("Parking isn't a category of its own: it's filed under transport.");
    expect(filedUnderNote("how much did i spend on transport", "transport")).toBeUndefined();
    // "gas bill" is read as utilities: the transport "gas" is not meant.
    expect(filedUnderNote("how much was my gas bill", "utilities")).toBeUndefined();
    expect(filedUnderNote("how much did i spend on parking", undefined)).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { isMonthly, monthAfter, nextPaymentAnswer } from "./next-payment.js";
import { transactionRow } from "../../../test/support/dialogue-session.js";

const INTENT = { name: "transactions", confidence: 1 };
const paid = (merchant: string, day: string, minor = -39_00) => transactionRow(merchant, minor, day);

describe("the next payment of a regular one", () => {
  it("is a month after the last when the ones before came monthly on about that day", () => {
    const r = nextPaymentAnswer(INTENT, "gym", [paid("Pulse Gym", "2026-11-12"), paid("Pulse Gym", "2026-10-13")], "2026-12-05", 120);
    expect(r.text).toBe("“Pulse Gym” usually takes a payment around the 12th of each month: the last was $39.00 on 12 Nov 2026, so the next should come out around 12 Dec 2026.");
  });

  it("says when the expected day has passed without it", () => {
    const r = nextPaymentAnswer(INTENT, "gym", [paid("Pulse Gym", "2026-11-02"), paid("Pulse Gym", "2026-10-02")], "2026-12-05", 120);
    expect(r.text).toMatch(/so the next was expected around 2 Dec 2026 and hasn't shown in your transactions yet\.$/);
  });

  it("from one payment is only what it would be if monthly", () => {
    const r = nextPaymentAnswer(INTENT, "gym", [paid("Pulse Gym", "2026-11-12")], "2026-12-05", 120);
    expect(r.text).toBe("Your last payment to “Pulse Gym” was $39.00 on 12 Nov 2026. If it's monthly, the next would come out around 12 Dec 2026.");
  });

  it("is never made up when nothing was paid", () => {
    const r = nextPaymentAnswer(INTENT, "car insurance", [paid("Refund", "2026-11-12", 10_00)], "2026-12-05", 120);
    expect(r.text).toMatch(/^I can't find a payment for “car insurance” in your transactions from the last 120 days, so I can't tell/);
    expect(r.data).toBeUndefined();
  });
});

describe("monthly dates", () => {
  it("are a month apart on about the same day, across a month's end", () => {
    expect(isMonthly(["2026-11-12", "2026-10-12", "2026-09-11"])).toBe(true);
    expect(isMonthly(["2026-12-01", "2026-10-31"])).toBe(true);
    expect(isMonthly(["2026-11-12", "2026-11-05"])).toBe(false);
    expect(isMonthly(["2026-11-20", "2026-10-05"])).toBe(false);
    expect(isMonthly(["2026-11-12"])).toBe(false);
  });

  it("step a month, to the month's last day when it is shorter", () => {
    expect(monthAfter("2026-01-31")).toBe("2026-02-28");
    expect(monthAfter("2026-12-03")).toBe("2027-01-03");
  });
});

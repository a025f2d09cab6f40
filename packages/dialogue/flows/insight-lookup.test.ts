import { describe, expect, it } from "vitest";
import { LOOKUP_DAYS, lookupAnswer } from "./insight-lookup.js";
import { transactionRow } from "../../../test/support/dialogue-session.js";

const INTENT = { name: "transactions", confidence: 1 };
const row = (merchant: string, minor: number, day: string, status: "posted" | "pending" = "posted") => transactionRow(merchant, minor, day, { status });

describe("a named payment looked up", () => {
  it("went through, named as booked", () => {
    const r = lookupAnswer(INTENT, { kind: "lookup", lookup: "status", target: "streamflix" }, [row("Streamflix", -15_49, "2026-11-03")]);
    expect(r.text).toBe("Yes — your “Streamflix” payment went through: $15.49 to “Streamflix” on 3 Nov 2026.");
  });

  it("is still pending when it is", () => {
    const r = lookupAnswer(INTENT, { kind: "lookup", lookup: "status", target: "rent" }, [row("Harbor View Apartments", -1650_00, "2026-12-01", "pending")]);
    expect(r.text).toMatch(/^Your “rent” payment of \$1,650\.00 to “Harbor View Apartments” is still pending/);
  });

  it("is its last payment when asked when it was", () => {
    const r = lookupAnswer(INTENT, { kind: "lookup", lookup: "last", target: "water" }, [row("City Power & Light", -84_20, "2026-11-20"), row("Metro Water Utility", -41_10, "2026-11-08")]);
    expect(r.text).toBe("Your last payment to “Metro Water Utility” was $41.10 on 8 Nov 2026.");
  });

  it("is not found, said with the window looked at", () => {
    const r = lookupAnswer(INTENT, { kind: "lookup", lookup: "status", target: "tunely" }, []);
    expect(r.text).toBe(`I can't find a payment for “tunely” in your transactions from the last ${LOOKUP_DAYS} days.`);
  });

  it("for a refund is money back only, never a payment out", () => {
    const r = lookupAnswer(INTENT, { kind: "lookup", lookup: "refund", target: "zara" }, [row("Zara", -39_90, "2026-11-10"), row("Zara", 39_90, "2026-11-18")]);
    expect(r.text).toBe("Yes — $39.90 came back from “Zara” on 18 Nov 2026.");
  });
});

/** A charge pointed at by what the customer said of it (flows/charge-hints.ts). */
import { describe, expect, it } from "vitest";
import { chargeHints, narrowCharges } from "./charge-hints.js";
import { usd } from "../../../test/support/dialogue-session.js";

const row = (merchant: string, dollars: number, day: string) => ({ merchant, amount: usd(-dollars), postedAt: `${day}T10:00:00.000Z` });
const rows = [row("Shell", 42.1, "2026-11-23"), row("Shell", 30, "2026-11-21"), row("Bluebird Coffee", 4.5, "2026-11-23"), row("The Home Depot", 1234.56, "2026-11-02")];

describe("chargeHints", () => {
  it("reads figures with and without cents, a dollar sign and thousands, and the model's amount", () => {
    expect(chargeHints({ accountRefs: [] }, "the 42.10 at shell").amounts).toEqual([42_10]);
    expect(chargeHints({ accountRefs: [] }, "the $30 one").amounts).toEqual([30_00]);
    expect(chargeHints({ accountRefs: [] }, "that $1,234.56 charge").amounts).toEqual([1_234_56]);
    expect(chargeHints({ accountRefs: [], amount: usd(7) }, "seven bucks").amounts).toEqual([7_00]);
  });

  it("reads no figure from a day, a span of time or a share", () => {
    for (const text of ["the one on the 15th", "from 3 days ago", "about 10% more", "at 9am", "the 2nd of november"]) {
      expect(chargeHints({ accountRefs: [] }, text).amounts, text).toBeUndefined();
    }
  });

  it("keeps the model's days and the message's words", () => {
    expect(chargeHints({ accountRefs: [], dateRange: { from: "2026-11-23", to: "2026-11-23" } }, "the one from yesterday")).toEqual({
      range: { from: "2026-11-23", to: "2026-11-23" },
      words: ["the", "one", "from", "yesterday"],
    });
  });
});

describe("narrowCharges", () => {
  it("keeps the charges that fit every hint said", () => {
    const { rows: kept, matched } = narrowCharges(rows, chargeHints({ accountRefs: [], dateRange: { from: "2026-11-23", to: "2026-11-23" } }, "the 42.10 at shell yesterday"));
    expect(matched).toBe(true);
    expect(kept.map((r) => r.merchant + r.amount.minor)).toEqual(["Shell-4210"]);
  });

  it("names a merchant by its first word, past a leading 'the'", () => {
    expect(narrowCharges(rows, chargeHints({ accountRefs: [] }, "the home depot one")).rows.map((r) => r.merchant)).toEqual(["The Home Depot"]);
    expect(narrowCharges(rows, chargeHints({ accountRefs: [] }, "bluebird")).rows.map((r) => r.merchant)).toEqual(["Bluebird Coffee"]);
  });

  it("a hint no charge fits narrows nothing", () => {
    expect(narrowCharges(rows, chargeHints({ accountRefs: [] }, "the 99.99 one"))).toEqual({ rows, matched: false });
    // The figure fits nothing, the merchant does.
    expect(narrowCharges(rows, chargeHints({ accountRefs: [] }, "the 99.99 at shell")).rows).toHaveLength(2);
  });
});

import { describe, expect, it } from "vitest";
import { transactionRow } from "../../../test/support/dialogue-session.js";
import { afterPayday, asksSincePayday, withoutSincePayday, type SincePayday } from "./since-payday.js";

const ASKED: SincePayday = { intent: { name: "spending", confidence: 0.9 }, what: "spending", entities: { accountRefs: [], query: { incoming: true } }, text: "how much have i spent" };
const NOW = Date.parse("2026-12-05T12:00:00Z");

describe("since payday", () => {
  it("is read in the customer's words, and only there", () => {
    for (const t of ["how much have i spent since payday", "what did i buy since my last paycheck", "spending since i got paid", "since i was paid last how much went out", "how much since pay day"]) expect(asksSincePayday(t), t).toBe(true);
    for (const t of ["when is payday", "how much have i spent since monday", "did my paycheck come in", "i spent it since"]) expect(asksSincePayday(t), t).toBe(false);
    expect(withoutSincePayday("how much have i spent since payday on food")).toBe("how much have i spent on food");
  });

  it("counts from the latest pay (an opening balance is nobody's pay), and asks what went out", () => {
    const rows = [
      transactionRow("Opening balance", 1000_00, "2026-12-04", { category: "Income" }),
      transactionRow("Refund: Shoe Shack", 40_00, "2026-12-03", { category: "Shopping" }),
      transactionRow("Northwind Labs Payroll", 2850_00, "2026-11-28", { category: "Income" }),
    ];
    const next = afterPayday(ASKED, rows, NOW);
    expect(next).toMatchObject({ next: { entities: { dateRange: { from: "2026-11-28", to: "2026-12-05" } } }, lead: "Your last pay came in on 28 Nov 2026 ($2,850.00 from “Northwind Labs Payroll”)." });
    expect(next && "next" in next ? next.next.entities.query?.incoming : "none").toBeUndefined();
  });

  it("without any pay seen: says so, with no figure made up", () => {
    expect(afterPayday(ASKED, [transactionRow("Fresh Fields", -20_00, "2026-12-01")], NOW)).toMatchObject({ reply: { text: /^I can't see any pay coming into your accounts recently/ } });
  });
});

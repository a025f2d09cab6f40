import { describe, expect, it } from "vitest";
import { confirmationSummary } from "./transfer-summary.js";

const parts = { amount: "$84.20", from: "Everyday Checking ••6831", to: "“City Power & Light” ••9911", when: "", everything: false };

describe("confirmationSummary", () => {
  it("reads a bill payment as paying the biller, not as sending", () => {
    expect(confirmationSummary({ ...parts, bill: true })).toBe("Pay $84.20 to “City Power & Light” ••9911 from Everyday Checking ••6831?");
    expect(confirmationSummary({ ...parts, bill: true, when: " tomorrow, Thu 3 Dec 2026" })).toBe(
      "Pay $84.20 to “City Power & Light” ••9911 from Everyday Checking ••6831 tomorrow, Thu 3 Dec 2026?",
    );
  });

  it("reads a transfer as sending from the source to the destination", () => {
    expect(confirmationSummary({ ...parts, bill: false })).toBe("Send $84.20 from Everyday Checking ••6831 to “City Power & Light” ••9911?");
    expect(confirmationSummary({ ...parts, bill: false, everything: true })).toBe(
      "Send everything available, $84.20, from Everyday Checking ••6831 to “City Power & Light” ••9911?",
    );
  });

  it("a scheduled 'everything' states the fixed figure, as the balance when asked, never a vague 'everything'", () => {
    // It asked "Send everything available, $84.20, from … tomorrow, …?": on the day the balance may differ.
    expect(confirmationSummary({ ...parts, bill: false, everything: true, when: " tomorrow, Thu 3 Dec 2026" })).toBe(
      "Send $84.20 from Everyday Checking ••6831 to “City Power & Light” ••9911 tomorrow, Thu 3 Dec 2026? That's everything available now; the amount stays $84.20 even if the balance changes before then.",
    );
  });
});

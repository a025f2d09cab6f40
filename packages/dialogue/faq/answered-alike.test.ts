import { describe, expect, it } from "vitest";
import { answeredAlikeConfidence } from "./answered-alike.js";

describe("answeredAlikeConfidence", () => {
  it("sums the probabilities of intents answered alike, for the decision to answer", () => {
    const top = { intent: "transfer_timing", confidence: 0.49 };
    const alternatives = [
      { intent: "pending_transfer", confidence: 0.47 },
      { intent: "transfer_not_received_by_recipient", confidence: 0.02 },
    ];
    expect(answeredAlikeConfidence(top, alternatives)).toBeCloseTo(0.96);
  });

  it("leaves an intent outside every group at its own confidence, whatever its alternatives", () => {
    const top = { intent: "transfer_not_received_by_recipient", confidence: 0.45 };
    expect(answeredAlikeConfidence(top, [{ intent: "pending_transfer", confidence: 0.3 }])).toBe(0.45);
  });

  it("never counts the top intent twice nor goes above 1", () => {
    const top = { intent: "pending_transfer", confidence: 0.8 };
    const alternatives = [
      { intent: "pending_transfer", confidence: 0.8 },
      { intent: "transfer_timing", confidence: 0.3 },
    ];
    expect(answeredAlikeConfidence(top, alternatives)).toBe(1);
  });
});

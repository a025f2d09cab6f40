import { describe, expect, it } from "vitest";
import { initialState } from "../dialogue/index.js";
import { turnDataPoint, turnOutcome, type SeenEffect } from "./turn-metrics.js";

describe("turn outcome", () => {
  const before = initialState();
  const seen = (...effects: SeenEffect[]) => effects;

  it("ranks hand-off, money moved, refused, error, fallback, answered", () => {
    expect(turnOutcome({ before, after: before, seen: seen({ kind: "handoff", ok: true, detail: "" }) })).toBe("handoff");
    expect(turnOutcome({ before, after: before, seen: seen({ kind: "load", ok: true, detail: "" }, { kind: "transfer", ok: true, detail: "posted" }) })).toBe("money_moved");
    expect(turnOutcome({ before, after: before, seen: seen({ kind: "transfer", ok: false, detail: "insufficient_funds" }) })).toBe("refused");
    expect(turnOutcome({ before, after: before, seen: seen({ kind: "transfer", ok: false, detail: "unavailable" }) })).toBe("error");
    expect(turnOutcome({ before, after: { ...before, consecutiveFallbacks: 1 }, seen: [] })).toBe("fallback");
    expect(turnOutcome({ before, after: before, seen: seen({ kind: "load", ok: true, detail: "" }) })).toBe("answered");
  });

  it("keeps the words only of turns not understood, and records the transfer's result", () => {
    const facts = { environment: "production", intent: "transfer", confidence: 0.93, decidedBy: "ai", text: "send 20 to Sam, card 4242 4242 4242 4242", before, after: before, latencyMs: 41.6 };
    const moved = turnDataPoint({ ...facts, seen: seen({ kind: "transfer", ok: true, detail: "posted" }) });
    expect(moved).toEqual({ indexes: ["production"], blobs: ["production", "transfer", "ai", "money_moved", "posted", ""], doubles: [42, 0.93] });
    const lost = turnDataPoint({ ...facts, intent: "out_of_scope", after: { ...before, consecutiveFallbacks: 1 }, seen: [] });
    expect(lost.blobs[5]).toBe("send 20 to Sam, card •••• 4242");
  });

  it("records a turn not understood as out_of_scope, keeping the model's confidence", () => {
    const facts = { environment: "production", confidence: 0.41, decidedBy: "local", text: "what about the thing", before, latencyMs: 12 };
    // blob2 held the model's unsure guess ("card_arrival"), counted as that intent's traffic.
    const lost = turnDataPoint({ ...facts, intent: "card_arrival", after: { ...before, consecutiveFallbacks: 1 }, seen: [] });
    expect(lost.blobs.slice(1, 4)).toEqual(["out_of_scope", "local", "fallback"]);
    expect(lost.doubles[1]).toBe(0.41);
    // The second in a row is a hand-off for repeated fallbacks: still not understood.
    const handedOff = turnDataPoint({ ...facts, intent: "card_arrival", after: { ...before, handoff: { reason: "repeated_fallback", at: 1 } }, seen: seen({ kind: "handoff", ok: true, detail: "" }) });
    expect(handedOff.blobs.slice(1, 4)).toEqual(["out_of_scope", "local", "handoff"]);
    // Understood, the intent is the model's.
    expect(turnDataPoint({ ...facts, intent: "card_arrival", confidence: 0.9, after: before, seen: [] }).blobs[1]).toBe("card_arrival");
  });
});

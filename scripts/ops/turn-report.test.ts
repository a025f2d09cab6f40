import { describe, expect, it } from "vitest";
import { buildReport, formatReport, percentile, type TurnPoint } from "./turn-report.js";

const point = (intent: string, outcome: string, latency: number, extra: { transfer?: string; text?: string; by?: string } = {}): TurnPoint => ({
  timestamp: 0,
  blobs: ["local", intent, extra.by ?? "local", outcome, extra.transfer ?? "", extra.text ?? ""],
  doubles: [latency, 0.9],
});

describe("turn report", () => {
  const points = [
    point("balance", "answered", 10),
    point("balance", "answered", 20),
    point("transfer", "money_moved", 30, { transfer: "posted" }),
    point("transfer", "refused", 40, { transfer: "insufficient_funds" }),
    point("out_of_scope", "fallback", 50, { text: "can you sing" }),
    point("out_of_scope", "handoff", 60, { text: "can you sing" }),
    point("human_agent", "handoff", 70, { by: "ai" }),
    point("greeting", "answered", 80),
    point("freeze_card", "answered", 90),
    point("balance", "answered", 1000),
  ];
  const report = buildReport(points);

  it("counts containment, fallbacks, intents, transfers and latency", () => {
    expect(report.turns).toBe(10);
    expect(report.containmentRate).toBeCloseTo(0.8);
    expect(report.fallbackRate).toBeCloseTo(0.2);
    expect(report.topIntents[0]).toEqual(["balance", 3]);
    expect(report.topNotUnderstood).toEqual([["can you sing", 2]]);
    expect(report.transfers).toEqual([["insufficient_funds", 1], ["posted", 1]]);
    expect(report.decidedBy).toEqual([["local", 9], ["ai", 1]]);
    expect(report.latencyMs).toEqual({ p50: 50, p99: 1000 });
  });

  it("prints every section, also for an empty window", () => {
    expect(formatReport(report, { from: 0, to: 1 })).toContain("containment        80.0%");
    const empty = formatReport(buildReport([]), { from: 0, to: 1 });
    expect(empty).toContain("turns              0");
    expect(empty).toContain("(none)");
  });

  it("uses nearest-rank percentiles", () => {
    expect(percentile([5, 1, 3], 50)).toBe(3);
    expect(percentile([], 99)).toBe(0);
    expect(percentile(Array.from({ length: 100 }, (_, i) => i + 1), 99)).toBe(99);
  });
});

/**
 * The operator's report over turn data points (layout: workers/chat/turn-metrics.ts). The same
 * numbers come from Analytics Engine SQL in production (docs/operations.md#reading-the-metrics).
 */
export interface TurnPoint {
  timestamp: number;
  blobs: string[];
  doubles: number[];
}

export interface TurnReport {
  turns: number;
  /** Turns answered without a hand-off to a person. */
  containmentRate: number;
  /** Turns Teller did not understand (a fallback, or the hand-off a repeated fallback causes). */
  fallbackRate: number;
  outcomes: Array<[string, number]>;
  decidedBy: Array<[string, number]>;
  topIntents: Array<[string, number]>;
  topNotUnderstood: Array<[string, number]>;
  latencyMs: { p50: number; p99: number };
  transfers: Array<[string, number]>;
}

export function buildReport(points: readonly TurnPoint[], top = 10): TurnReport {
  const outcome = (p: TurnPoint) => p.blobs[3] ?? "";
  const notUnderstood = points.filter((p) => outcome(p) === "fallback" || (p.blobs[5] ?? "") !== "");
  return {
    turns: points.length,
    containmentRate: rate(points.filter((p) => outcome(p) !== "handoff").length, points.length),
    fallbackRate: rate(notUnderstood.length, points.length),
    outcomes: counts(points.map(outcome)),
    decidedBy: counts(points.map((p) => p.blobs[2] ?? "")),
    topIntents: counts(points.map((p) => p.blobs[1] ?? "")).slice(0, top),
    topNotUnderstood: counts(notUnderstood.map((p) => p.blobs[5] ?? "").filter(Boolean)).slice(0, top),
    latencyMs: {
      p50: percentile(points.map((p) => p.doubles[0] ?? 0), 50),
      p99: percentile(points.map((p) => p.doubles[0] ?? 0), 99),
    },
    transfers: counts(points.map((p) => p.blobs[4] ?? "").filter(Boolean)),
  };
}

/** Nearest-rank percentile (what quantileExactLow-style SQL gives); 0 for no data. */
export function percentile(values: number[], pct: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((pct / 100) * sorted.length) - 1)]!;
}

function rate(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

function counts(values: string[]): Array<[string, number]> {
  const map = new Map<string, number>();
  for (const value of values) map.set(value, (map.get(value) ?? 0) + 1);
  return [...map].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

export function formatReport(report: TurnReport, window: { from: number; to: number }): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const list = (rows: Array<[string, number]>) => (rows.length ? rows.map(([k, n]) => `    ${String(n).padStart(6)}  ${k}`).join("\n") : "    (none)");
  return [
    `Teller turns ${new Date(window.from).toISOString()} → ${new Date(window.to).toISOString()}`,
    `  turns              ${report.turns}`,
    `  containment        ${pct(report.containmentRate)}   (answered without a hand-off)`,
    `  fallback rate      ${pct(report.fallbackRate)}   (not understood)`,
    `  latency            p50 ${report.latencyMs.p50} ms, p99 ${report.latencyMs.p99} ms   (whole turn in the Durable Object)`,
    `  outcomes`,
    list(report.outcomes),
    `  intent decided by`,
    list(report.decidedBy),
    `  top intents`,
    list(report.topIntents),
    `  top not understood (redacted)`,
    list(report.topNotUnderstood),
    `  transfers by outcome`,
    list(report.transfers),
  ].join("\n");
}

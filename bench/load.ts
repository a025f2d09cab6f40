import { loadavg } from "node:os";

/**
 * A small closed-loop load generator for loopback benchmarks: `concurrency` clients each send
 * requests back to back for `seconds`, and latencies are recorded. Bounded in time and count.
 */
export interface LoadResult {
  label: string;
  requests: number;
  errors: number;
  /** Failed requests by HTTP status or thrown error name, so a run's errors can be told apart. */
  errorKinds: Record<string, number>;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  /** Every request's latency in ms, sorted: results of one run split across processes merge by them. */
  latencies: number[];
  /** The first few failures with what the server said, so an error count comes with a reason. */
  failures: string[];
}

const KEPT_FAILURES = 3;

export async function runLoad(
  label: string,
  options: { concurrency: number; seconds: number; maxRequests?: number },
  request: (client: number, n: number) => Promise<Response>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const errorKinds: Record<string, number> = {};
  const failures: string[] = [];
  const failed = (kind: string, detail = "") => {
    errors++;
    errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
    if (failures.length < KEPT_FAILURES) failures.push(`${kind}${detail ? `: ${detail.slice(0, 200)}` : ""}`);
  };
  let sent = 0;
  const maxRequests = options.maxRequests ?? 1_000_000;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  await Promise.all(
    Array.from({ length: options.concurrency }, async (_, client) => {
      for (let n = 0; performance.now() < deadline && sent < maxRequests; n++) {
        sent++;
        const t0 = performance.now();
        try {
          const response = await request(client, n);
          if (response.ok) await response.arrayBuffer();
          else failed(`HTTP ${response.status}`, await response.text());
        } catch (error) {
          failed(error instanceof Error ? `${error.name}: ${error.message.slice(0, 80)}` : "thrown");
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return summarise(label, latencies, { errors, errorKinds, failures, seconds });
}

/**
 * One result from parts measured side by side (a run's clients split across processes: their
 * requests add up over the longest part's time) or one after another (`sequential`: rounds of the
 * same turn; their times add up).
 */
export function mergeResults(label: string, parts: LoadResult[], sequential = false): LoadResult {
  const errorKinds: Record<string, number> = {};
  for (const part of parts) for (const [kind, n] of Object.entries(part.errorKinds)) errorKinds[kind] = (errorKinds[kind] ?? 0) + n;
  const times = parts.map((p) => p.seconds);
  return summarise(
    label,
    parts.flatMap((p) => p.latencies).sort((a, b) => a - b),
    {
      errors: parts.reduce((sum, p) => sum + p.errors, 0),
      errorKinds,
      failures: parts.flatMap((p) => p.failures).slice(0, KEPT_FAILURES),
      seconds: sequential ? times.reduce((a, b) => a + b, 0) : Math.max(0, ...times),
    },
  );
}

function summarise(
  label: string,
  latencies: number[],
  rest: Pick<LoadResult, "errors" | "errorKinds" | "failures" | "seconds">,
): LoadResult {
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { label, requests: latencies.length, perSecond: latencies.length / rest.seconds, p50: at(0.5), p99: at(0.99), latencies, ...rest };
}

export function printResults(results: LoadResult[]): void {
  const rows = results.map((r) => [
    r.label,
    r.requests.toString(),
    r.errors.toString(),
    r.perSecond.toFixed(0),
    r.p50.toFixed(1),
    r.p99.toFixed(1),
  ]);
  const header = ["scenario", "requests", "errors", "req/s", "p50 ms", "p99 ms"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

/** A table with the second column left-aligned (the label), the rest right-aligned. */
export function printTable(rows: string[][]): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows) console.log(r.map((cell, i) => (i === 1 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  "));
}

/** The 1, 5 and 15 minute load averages: figures taken on a busy machine are noise. */
export function loadAverage(): string {
  return loadavg().map((l) => l.toFixed(2)).join(" ");
}

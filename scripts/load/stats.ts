/**
 * What the load harness measures while it runs: latency per turn type, answers by status, and
 * turns per second (for the peak sustained rate). Plain data, no I/O.
 */
export type TurnKind = "read" | "faq" | "transfer" | "card" | "handoff" | "abuse";

export class LoadStats {
  readonly latencies = new Map<TurnKind, number[]>();
  /** Read turns that were their customer's first answered turn of the run (a cold object, a new session). */
  readonly firstReads: number[] = [];
  readonly laterReads: number[] = [];
  readonly statuses = new Map<string, number>();
  /** Answered turns per whole second since `startedAt`. */
  private readonly perSecond: number[] = [];
  retries = 0;
  /** Answered turns whose reply says the accounts could not be reached (a degraded answer, not an error status). */
  degraded = 0;
  /**
   * The first MAX_FAILURE_SAMPLES answers that were server errors or failed connections, with who
   * answered (a Teller error code and request id, or another component's words): a CI failure
   * says what answered without the Workers' log.
   */
  readonly failures: FailureSample[] = [];

  constructor(private readonly startedAt: number = Date.now()) {}

  /** One answer: `status` is the HTTP status, or `ws:<what>` for a socket ("ws:turn", "ws:error:rate_limited"). */
  record(kind: TurnKind, status: string, latencyMs: number, answered: boolean, at: number = Date.now(), first = false, detail?: string): void {
    // wrangler dev's proxy answers 503 "Your worker restarted mid-request" to a POST whose forward
    // to the Workers' process failed, reload or not: kj's 5 s keep-alive timeouts on both ends of
    // a pooled connection race (workers-sdk#14641; the classification is wrangler's, the failure
    // its proxy chain's, neither deployed). Counted apart, listed all the same, and the client
    // resends the same id as after any 5xx, so the other invariants still see what was lost.
    const label = /^5\d\d$/.test(status) && detail?.startsWith(WRANGLER_PROXY) ? `${status} from ${WRANGLER_PROXY}` : status;
    this.statuses.set(label, (this.statuses.get(label) ?? 0) + 1);
    if ((isServerError(status) || status === "ws:connect_failed" || status === "ws:timeout") && this.failures.length < MAX_FAILURE_SAMPLES) {
      this.failures.push({ atSecond: (at - this.startedAt) / 1000, kind, status, latencyMs, detail: detail ?? "(nothing more known)" });
    }
    if (!answered) return;
    const list = this.latencies.get(kind) ?? this.latencies.set(kind, []).get(kind)!;
    list.push(latencyMs);
    if (READ_KINDS.includes(kind)) (first ? this.firstReads : this.laterReads).push(latencyMs);
    const second = Math.max(0, Math.floor((at - this.startedAt) / 1000));
    while (this.perSecond.length <= second) this.perSecond.push(0);
    this.perSecond[second]!++;
  }

  turns(): number {
    let n = 0;
    for (const list of this.latencies.values()) n += list.length;
    return n;
  }

  /** The best average over any `windowSeconds` consecutive seconds. */
  peakTurnsPerSecond(windowSeconds = 5): number {
    const s = this.perSecond;
    if (s.length === 0) return 0;
    const w = Math.min(windowSeconds, s.length);
    let sum = s.slice(0, w).reduce((a, b) => a + b, 0);
    let best = sum;
    for (let i = w; i < s.length; i++) {
      sum += s[i]! - s[i - w]!;
      best = Math.max(best, sum);
    }
    return best / w;
  }

  /** Answers with a 5xx status or a socket that failed (not a refusal the client caused). */
  serverErrors(): number {
    let n = 0;
    for (const [status, count] of this.statuses) if (isServerError(status)) n += count;
    return n;
  }

  /** Answers wrangler dev's proxy made up (see record): local only, not Teller's. */
  localProxyErrors(): number {
    let n = 0;
    for (const [status, count] of this.statuses) if (status.endsWith(` from ${WRANGLER_PROXY}`)) n += count;
    return n;
  }
}

/** How whoAnswered (clients.ts) names an answer from wrangler dev's proxy rather than the gateway. */
export const WRANGLER_PROXY = "wrangler dev's proxy";

export const MAX_FAILURE_SAMPLES = 20;

export interface FailureSample {
  /** Seconds since the stats began (the run's start). */
  atSecond: number;
  kind: TurnKind;
  status: string;
  latencyMs: number;
  detail: string;
}

/** A 5xx, or a socket or connection that failed: the server's fault, not a refusal the client caused. */
function isServerError(status: string): boolean {
  return /^5\d\d$/.test(status) || status === "network" || status === "ws:closed" || status === "ws:error:unavailable" || status === "ws:error:internal";
}

/** The failure samples as report lines: when, which turn, what status, how fast, who answered. */
export function failureRows(stats: LoadStats): string[] {
  return stats.failures.map((f) => `  [${f.atSecond.toFixed(1)} s] ${f.kind} ${f.status} in ${Math.round(f.latencyMs)} ms: ${f.detail}`);
}

/** Nearest-rank percentile of an ascending list (p in 0..1). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(p * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export const READ_KINDS: readonly TurnKind[] = ["read", "faq", "handoff"];
export const MONEY_KINDS: readonly TurnKind[] = ["transfer", "card"];

/** p50/p95/p99 per turn type and for the read and money groups, as table rows. */
export function latencyRows(stats: LoadStats): string[] {
  const rows = ["turn type        count   p50 ms   p95 ms   p99 ms"];
  const row = (name: string, list: number[]) => {
    const sorted = [...list].sort((a, b) => a - b);
    const at = (p: number) => (sorted.length ? percentile(sorted, p).toFixed(0) : "-").padStart(8);
    rows.push(`${name.padEnd(15)} ${String(sorted.length).padStart(6)} ${at(0.5)} ${at(0.95)} ${at(0.99)}`);
  };
  for (const [kind, list] of stats.latencies) row(kind, list);
  row("(read turns)", READ_KINDS.flatMap((k) => stats.latencies.get(k) ?? []));
  row("(money turns)", MONEY_KINDS.flatMap((k) => stats.latencies.get(k) ?? []));
  // Where the read tail comes from: a customer's first turn meets a cold object and new sessions.
  row("(reads, first)", stats.firstReads);
  row("(reads, later)", stats.laterReads);
  return rows;
}

export function p99Of(stats: LoadStats, kinds: readonly TurnKind[]): number {
  const sorted = kinds.flatMap((k) => stats.latencies.get(k) ?? []).sort((a, b) => a - b);
  return percentile(sorted, 0.99);
}

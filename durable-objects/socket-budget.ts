/**
 * A per-minute message budget as a sliding window kept in one-second buckets: what is stored is
 * at most 61 `[second, count]` pairs whatever the budget, so checking a frame costs the same at
 * 30 messages a minute as at a local stack's scaled 300,000 (a list of every message's time grew
 * with the rate and was parsed and rewritten on every frame).
 *
 * A bucket counts while its latest possible instant is less than a minute old, so the window is
 * never more lenient than an exact one: at most `perMinute` messages in any 60 s, sometimes
 * freeing up to a second late.
 */
const WINDOW_MS = 60_000;
const BUCKET_MS = 1_000;

export type BudgetBuckets = Array<[second: number, count: number]>;

export interface BudgetDecision {
  admitted: boolean;
  /** The window to store (unchanged buckets when refused: a refused frame is not counted). */
  buckets: BudgetBuckets;
}

export function admitToBudget(stored: string | null | undefined, perMinute: number, now: number): BudgetDecision {
  const live = parseBuckets(stored).filter(([second]) => now - (second * BUCKET_MS + BUCKET_MS - 1) < WINDOW_MS);
  const used = live.reduce((sum, [, count]) => sum + count, 0);
  if (used >= perMinute) return { admitted: false, buckets: live };
  const second = Math.floor(now / BUCKET_MS);
  const last = live.at(-1);
  if (last && last[0] === second) last[1] += 1;
  else live.push([second, 1]);
  return { admitted: true, buckets: live };
}

/**
 * Reads the stored window. An object that last ran an older version holds a list of message
 * times (ms): each becomes a count of one in its second, so its spent budget carries over.
 */
function parseBuckets(stored: string | null | undefined): BudgetBuckets {
  if (!stored) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(stored);
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  const buckets: BudgetBuckets = [];
  for (const entry of raw) {
    const pair: [number, number] | null =
      typeof entry === "number"
        ? [Math.floor(entry / BUCKET_MS), 1]
        : Array.isArray(entry) && typeof entry[0] === "number" && typeof entry[1] === "number"
          ? [entry[0], entry[1]]
          : null;
    if (!pair) continue;
    const last = buckets.at(-1);
    if (last && last[0] === pair[0]) last[1] += pair[1];
    else buckets.push(pair);
  }
  return buckets;
}

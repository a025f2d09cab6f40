import { describe, expect, it } from "vitest";
import { admitToBudget, type BudgetBuckets } from "./socket-budget.js";

/** Sends `count` frames at `at` and returns the stored window afterwards, and how many got in. */
function send(stored: string | null, perMinute: number, at: number, count: number): { stored: string; admitted: number } {
  let admitted = 0;
  for (let i = 0; i < count; i++) {
    const decision = admitToBudget(stored, perMinute, at);
    if (decision.admitted) admitted++;
    stored = JSON.stringify(decision.buckets);
  }
  return { stored: stored!, admitted };
}

describe("the socket message budget", () => {
  it("admits up to the budget in a minute and refuses the rest", () => {
    const { admitted } = send(null, 30, 1_000_000, 32);
    expect(admitted).toBe(30);
  });

  it("never admits more than the budget in any 60 s, refusing at most a second early", () => {
    let stored: string | null = null;
    const times: number[] = [];
    // One frame every 250 ms for five minutes against a budget of 30 a minute.
    for (let at = 5_000_123; at < 5_300_000; at += 250) {
      const decision = admitToBudget(stored, 30, at);
      stored = JSON.stringify(decision.buckets);
      if (decision.admitted) times.push(at);
    }
    for (const t of times) expect(times.filter((u) => u > t - 60_000 && u <= t).length).toBeLessThanOrEqual(30);
    // About 30 a minute get in: the window frees as old buckets leave it.
    expect(times.length).toBeGreaterThanOrEqual(5 * 29);
  });

  it("keeps at most one bucket per second whatever the rate", () => {
    const { stored, admitted } = send(null, 300_000, 7_000_000, 5_000);
    expect(admitted).toBe(5_000);
    expect(JSON.parse(stored)).toEqual([[7_000, 5_000]] satisfies BudgetBuckets);
    let window = stored;
    for (let s = 1; s <= 120; s++) window = send(window, 300_000, 7_000_000 + s * 1_000, 10).stored;
    // The seconds of the last minute, and the one the minute started in.
    expect((JSON.parse(window) as BudgetBuckets).length).toBeLessThanOrEqual(61);
  });

  it("frees the budget once the second it was spent in is a minute old", () => {
    const spent = send(null, 30, 9_000_000, 30);
    expect(admitToBudget(spent.stored, 30, 9_000_000 + 60_000).admitted).toBe(false);
    expect(admitToBudget(spent.stored, 30, 9_000_000 + 60_999).admitted).toBe(true);
  });

  it("carries over a budget an older version stored as a list of message times", () => {
    const now = 12_000_000;
    const oldWindow = JSON.stringify(Array.from({ length: 30 }, (_, i) => now - 10_000 + i));
    expect(admitToBudget(oldWindow, 30, now).admitted).toBe(false);
    expect(admitToBudget(oldWindow, 30, now + 51_000).admitted).toBe(true);
  });

  it("starts afresh from a window it cannot read", () => {
    for (const bad of ["not json", '{"a":1}', '[["x",1]]', ""]) expect(admitToBudget(bad, 1, 1).admitted).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { POINT_BATCH_MAX, POINT_BATCH_MS, PointBatch, type TimedPoint } from "./metric-points.js";

const point = (n: number) => ({ indexes: ["local"], blobs: [`p${n}`], doubles: [n] });

/** A batch whose timers are run by hand. */
function harness(send: (points: TimedPoint[]) => Promise<void> = async () => {}) {
  const sent: TimedPoint[][] = [];
  const timers: Array<{ ms: number; flush: () => Promise<void> }> = [];
  const batch = new PointBatch(
    async (points) => {
      sent.push(points);
      await send(points);
    },
    (ms, flush) => timers.push({ ms, flush }),
  );
  return { batch, sent, timers };
}

describe("the local metrics stand-in's points in batches", () => {
  it("sends the points written within POINT_BATCH_MS in one call, in order, with their times", async () => {
    const { batch, sent, timers } = harness();
    batch.write(point(1), 10);
    batch.write(point(2), 20);
    batch.write(point(3), 30);
    expect(timers.map((t) => t.ms)).toEqual([POINT_BATCH_MS]);
    expect(sent).toEqual([]);
    await timers[0]!.flush();
    expect(sent).toEqual([[{ point: point(1), at: 10 }, { point: point(2), at: 20 }, { point: point(3), at: 30 }]]);
    // The next point starts a batch (and a timer) of its own.
    batch.write(point(4), 40);
    expect(timers).toHaveLength(2);
    await timers[1]!.flush();
    expect(sent[1]).toEqual([{ point: point(4), at: 40 }]);
  });

  it("sends a full batch at once (through a timer of 0 ms), and an empty one never", async () => {
    const { batch, sent, timers } = harness();
    for (let n = 0; n < POINT_BATCH_MAX; n++) batch.write(point(n), n);
    expect(timers.map((t) => t.ms)).toEqual([POINT_BATCH_MS, 0]);
    await timers[1]!.flush();
    expect(sent.map((b) => b.length)).toEqual([POINT_BATCH_MAX]);
    await timers[0]!.flush();
    expect(sent).toHaveLength(1);
  });

  it("drops a batch whose send fails, as a best-effort sink does, and goes on", async () => {
    let fail = true;
    const { batch, sent, timers } = harness(async () => {
      if (fail) throw new Error("store unreachable");
    });
    batch.write(point(1), 1);
    await expect(timers[0]!.flush()).resolves.toBeUndefined();
    fail = false;
    batch.write(point(2), 2);
    await timers[1]!.flush();
    expect(sent.map((b) => b.map((p) => p.at))).toEqual([[1], [2]]);
  });
});

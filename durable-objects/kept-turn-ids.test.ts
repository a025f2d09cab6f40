import { describe, expect, it } from "vitest";
import { KeptTurnIds } from "./kept-turn-ids.js";

describe("the kept turns' ids", () => {
  it("reads the stored ids once, when first asked, and follows what the store adds and removes", () => {
    let reads = 0;
    const ids = new KeptTurnIds(() => (reads++, ["a", "b"]));
    expect(reads).toBe(0);
    expect(ids.mayHold("a")).toBe(true);
    expect(ids.mayHold("c")).toBe(false);
    ids.added("c");
    ids.removed(["a"]);
    expect([ids.mayHold("a"), ids.mayHold("c"), ids.count()]).toEqual([false, true, 2]);
    expect(reads).toBe(1);
  });

  it("reads again after a reset, and holds nothing after an erasure", () => {
    let stored = ["a"];
    const ids = new KeptTurnIds(() => stored);
    ids.added("rolled-back");
    ids.reset();
    stored = ["a", "b"];
    expect([ids.mayHold("rolled-back"), ids.mayHold("b")]).toEqual([false, true]);
    ids.cleared();
    expect([ids.mayHold("a"), ids.count()]).toEqual([false, 0]);
  });

  it("before the first read, additions and removals wait for the table itself", () => {
    const ids = new KeptTurnIds(() => ["x"]);
    ids.added("y");
    ids.removed(["x"]);
    // Not read yet: the table is the truth, read when first asked.
    expect([ids.mayHold("x"), ids.mayHold("y")]).toEqual([true, false]);
  });
});

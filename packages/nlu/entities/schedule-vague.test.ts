/** Timing with no date in it (schedule-vague.ts): found, so it is asked about, never read as now. */
import { describe, expect, it } from "vitest";
import { VAGUE_TIMING } from "./schedule-vague";

const found = (text: string) => text.match(VAGUE_TIMING);

describe("vague timing", () => {
  it.each([
    ["send 10 to savings later", "later"],
    ["send 10 to savings later today", "later today"],
    ["send 10 to savings next year", "next year"],
    ["send 10 to savings next business day", "next business day"],
    ["send 10 to savings at some point", "at some point"],
    ["send 10 to Jordan on payday", "on payday"],
    ["pay Jordan 10 when i get paid", "when i get paid"],
    ["send 10 to savings by the end of the week", "by the end of the week"],
    ["send 50 to mom on her birthday", "on her birthday"],
    ["move 100 to savings once my paycheck lands", "once my paycheck lands"],
  ])("finds the timing in %j", (text, words) => {
    expect(found(text)).toEqual([words]);
  });

  it("finds nothing in a dated or untimed request", () => {
    expect(found("send 10 to savings tomorrow")).toBeNull();
    expect(found("send 10 to savings")).toBeNull();
    expect(found("what's my payday balance")).toBeNull();
    expect(found("i'll do it laterally")).toBeNull();
  });
});

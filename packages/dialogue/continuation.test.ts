import { describe, expect, it } from "vitest";
import { isContinuation, markContinuation } from "./continuation.js";
import type { Reply } from "./types.js";

const r = (name: string): Reply => ({ text: name, intent: { name, confidence: 1 }, actions: [] });

describe("continuation replies", () => {
  it("marks exactly the replies given, by identity", () => {
    const back = r("transfer");
    const answer = r("balance");
    markContinuation([back]);
    expect(isContinuation(back)).toBe(true);
    expect(isContinuation(answer)).toBe(false);
    expect(isContinuation({ ...back })).toBe(false);
  });
});

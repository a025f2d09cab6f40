import { describe, expect, it } from "vitest";
import type { StepContext } from "../context.js";
import { initialState } from "../state.js";
import type { Insight, LookupTask } from "../types.js";
import { begin } from "./insight-begin.js";

describe("starting an insight", () => {
  it("waits for its first load, keeps the others pending, and asks for each with its own id", () => {
    const ctx: StepContext = { state: initialState(), now: 0, newId: "ev1", messageId: "m1", replies: [], effects: [] };
    const insight: Insight = { kind: "compare_months", labels: ["2026-10", "2026-11"] };
    begin(ctx, { name: "spending", confidence: 1 }, insight, [{ what: "cards" }, { what: "accounts" }]);
    const task = ctx.state.task as LookupTask;
    expect(task).toMatchObject({ kind: "lookup", what: "transactions", waitingFor: "ev1:insight-0", waitingForMore: ["ev1:insight-1"], gathered: [null, null], insight });
    expect(ctx.effects).toEqual([
      { kind: "load", effectId: "ev1:insight-0", what: "cards" },
      { kind: "load", effectId: "ev1:insight-1", what: "accounts" },
    ]);
    expect(ctx.replies).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { REPEAT_YES_WINDOW_MS } from "../config.js";
import type { StepContext } from "../context.js";
import { initialState, settle } from "../state.js";
import type { DialogueState, Entities } from "../types.js";
import { isLeadInNod, nothingPending, staleConfirmationText } from "./settled-answers.js";

const NOW = 1_800_000_000_000;
const yes: Entities = { accountRefs: [], yes: true };
const no: Entities = { accountRefs: [], no: true };

function context(state: DialogueState): StepContext {
  return { state, now: NOW, newId: "ev1", messageId: "m1", replies: [], effects: [] };
}

describe("staleConfirmationText", () => {
  it("says what became of an old confirmation, one sentence per outcome, and never that it acts", () => {
    const state = initialState();
    const outcomes = ["done", "expired", "cancelled", "replaced", "failed", "unknown"] as const;
    for (const outcome of outcomes) settle(state, `c-${outcome}`, outcome, NOW);
    expect(staleConfirmationText(state, "c-done")).toMatch(/already done/);
    expect(staleConfirmationText(state, "c-expired")).toMatch(/expired/);
    expect(staleConfirmationText(state, "c-cancelled")).toMatch(/cancelled or replaced/);
    expect(staleConfirmationText(state, "c-replaced")).toMatch(/cancelled or replaced/);
    expect(staleConfirmationText(state, "c-failed")).toMatch(/didn't go through/);
    expect(staleConfirmationText(state, "c-unknown")).toMatch(/check your recent activity/);
    expect(staleConfirmationText(state, "never-seen")).toMatch(/isn't valid any more/);
  });

  it("answers a confirmation still executing as in progress, once", () => {
    const state = initialState();
    state.executing = { id: "c1" } as DialogueState["executing"];
    expect(staleConfirmationText(state, "c1")).toMatch(/only happen once/);
  });
});

describe("nothingPending", () => {
  const intent = { name: "confirm", confidence: 1 };

  it("a yes with nothing waiting says so and adds no effect", () => {
    const ctx = context(initialState());
    nothingPending(ctx, intent, yes);
    expect(ctx.replies.map((r) => r.text)).toEqual(["There's nothing waiting for your confirmation right now, so I haven't done anything."]);
    expect(ctx.effects).toEqual([]);
  });

  it("an ok with nothing waiting is taken as a nod, not answered as a confirmation", () => {
    for (const text of ["ok", "Okay.", "k", "got it", "ok thanks"]) {
      const ctx = context(initialState());
      nothingPending(ctx, intent, yes, text);
      expect(ctx.replies.map((r) => r.text)).toEqual(["OK. Is there anything else I can help with?"]);
      expect(ctx.effects).toEqual([]);
    }
    const ctx = context(initialState());
    nothingPending(ctx, intent, yes, "yes");
    expect(ctx.replies[0]?.text).toMatch(/nothing waiting/);
  });

  it("an ok right after a transfer was done is a nod; one after a card expired is told nothing was done", () => {
    const done = initialState();
    settle(done, "c1", "done", NOW - 1_000);
    const afterDone = context(done);
    nothingPending(afterDone, intent, yes, "ok");
    expect(afterDone.replies[0]?.text).toBe("OK. Is there anything else I can help with?");
    const expired = initialState();
    settle(expired, "c2", "expired", NOW - 1_000);
    const afterExpired = context(expired);
    nothingPending(afterExpired, intent, yes, "ok");
    expect(afterExpired.replies[0]?.text).toMatch(/expired, so nothing was done/);
  });

  it("a repeated yes soon after a confirmation settled is told what became of it", () => {
    const state = initialState();
    settle(state, "c1", "done", NOW - REPEAT_YES_WINDOW_MS + 1_000);
    const ctx = context(state);
    nothingPending(ctx, intent, yes);
    expect(ctx.replies[0]?.text).toMatch(/already done/);
    expect(ctx.effects).toEqual([]);
  });

  it("a yes long after the last confirmation settled is a yes to nothing", () => {
    const state = initialState();
    settle(state, "c1", "done", NOW - REPEAT_YES_WINDOW_MS - 1_000);
    const ctx = context(state);
    nothingPending(ctx, intent, yes);
    expect(ctx.replies[0]?.text).toMatch(/nothing waiting/);
  });

  it("a no with nothing waiting offers further help", () => {
    const ctx = context(initialState());
    nothingPending(ctx, intent, no);
    expect(ctx.replies[0]?.text).toBe("OK. Is there anything else I can help with?");
  });
});

// explore27: "ok and what did i spend yesterday" after a done transfer got "That's already done".
describe("isLeadInNod", () => {
  it("an ok before a request leads in when nothing waits and nothing was just turned down", () => {
    const state = initialState();
    expect(isLeadInNod(state, NOW, "ok and")).toBe(true);
    settle(state, "c-done", "done", NOW);
    expect(isLeadInNod(state, NOW, "alright,")).toBe(true);
    expect(isLeadInNod(state, NOW, "yes")).toBe(false);
    settle(state, "c-expired", "expired", NOW);
    expect(isLeadInNod(state, NOW, "ok and")).toBe(false);
    const busy = initialState();
    busy.executing = { id: "c1" } as DialogueState["executing"];
    expect(isLeadInNod(busy, NOW, "ok")).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { answerWhatNow, asksWhatNow } from "./what-now.js";
import type { StepContext } from "../context.js";
import type { DialogueState } from "../types.js";

const NOW = Date.UTC(2026, 11, 5, 12);

function ctx(state: Partial<DialogueState>): StepContext {
  return { replies: [], effects: [], state: { task: null, handoff: null, consecutiveFallbacks: 0, settled: [], ...state }, now: NOW, newId: "id-1" } as unknown as StepContext;
}

describe("asksWhatNow", () => {
  it.each(["what happens now", "ok what now?", "now what", "whats next", "what should i do now", "what are the next steps", "thanks, and then what"])("reads '%s'", (text) => {
    expect(asksWhatNow(text)).toBe(true);
  });
  it.each(["what happens if i freeze my card", "what now for my balance", "what's my balance now"])("leaves '%s'", (text) => {
    expect(asksWhatNow(text)).toBe(false);
  });
});

describe("answerWhatNow", () => {
  it("after a card frozen for a fraud report: the card stays frozen, what to check, and the person asked for", () => {
    const c = ctx({ lastCard: { last4: "3990", at: NOW - 60_000, status: "frozen" }, handoff: { reason: "fraud_risk", at: NOW - 90_000 } });
    expect(answerWhatNow(c, "what happens now")).toBe(true);
    expect(c.replies[0]!.text).toMatch(/^Your card ••3990 stays frozen: .*dispute.*member of our team has been asked to join this chat/);
  });

  it("after an unfreeze: it works again", () => {
    const c = ctx({ lastCard: { last4: "3990", at: NOW - 60_000, status: "active" } });
    expect(answerWhatNow(c, "what now")).toBe(true);
    expect(c.replies[0]!.text).toMatch(/works again/);
  });

  it("after a transfer between own accounts: nothing more to do", () => {
    const c = ctx({
      lastSent: { id: "c1", at: NOW - 30_000, intent: { name: "transfer", confidence: 1 }, fromAccountId: "a1", to: { accountId: "a2" }, amount: { minor: 25_000, currency: "USD" }, toLabel: "Everyday Checking ••1001" },
    } as unknown as Partial<DialogueState>);
    expect(answerWhatNow(c, "whats next")).toBe(true);
    expect(c.replies[0]!.text).toBe("Nothing more to do: the $250.00 to Everyday Checking ••1001 is already there.");
  });

  it("is not answered with nothing recent, or with a task open", () => {
    expect(answerWhatNow(ctx({ lastCard: { last4: "3990", at: NOW - 60 * 60_000, status: "frozen" } }), "what now")).toBe(false);
    expect(answerWhatNow(ctx({}), "what now")).toBe(false);
    expect(answerWhatNow(ctx({ task: { kind: "transfer" } as never, lastCard: { last4: "3990", at: NOW, status: "frozen" } }), "what now")).toBe(false);
  });
});

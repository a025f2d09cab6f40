import { describe, expect, it } from "vitest";
import { markContinuation } from "./continuation.js";
import { combineReplies, effectLoop, MAX_EFFECTS_PER_TURN, runTurn, type TurnHooks } from "./runner.js";
import { initialState } from "./index.js";
import type { DialogueState, Effect, EffectResult } from "./types.js";
import { DIALOGUE_SETTINGS, FakeBank, understood } from "../../test/support/dialogue-session.js";

function hooks(bank: FakeBank, log: string[], execute?: (effect: Effect) => EffectResult): TurnHooks & { saved: DialogueState[] } {
  const saved: DialogueState[] = [];
  let n = 0;
  return {
    saved,
    executor: {
      execute: async (effect) => {
        log.push(`execute ${effect.kind}`);
        return execute ? execute(effect) : bank.execute(effect);
      },
    },
    save: (state) => {
      log.push(`save${state.executing ? " executing" : ""}`);
      saved.push(JSON.parse(JSON.stringify(state)) as DialogueState);
    },
    now: () => Date.UTC(2026, 10, 24, 12),
    newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`,
  };
}

const message = (text: string, understanding = understood("balance")) => ({
  type: "message" as const,
  messageId: `m-${text}`,
  text,
  now: Date.UTC(2026, 10, 24, 12),
  newId: "00000000-0000-4000-8000-000000000999",
  understanding,
  settings: DIALOGUE_SETTINGS,
});

describe("the turn runner", () => {
  it("saves the state before each effect runs and after each result", async () => {
    const log: string[] = [];
    const outcome = await runTurn(initialState(), message("what's my balance?"), hooks(new FakeBank(), log));
    expect(log[0]).toBe("save");
    expect(log[1]).toBe("execute load");
    expect(log[2]).toBe("save");
    expect(outcome.replies.at(-1)?.data?.kind).toBe("accounts");
  });

  it("makes a confirmed transfer's `executing` durable before the bank is called", async () => {
    const bank = new FakeBank();
    const log: string[] = [];
    const h = hooks(bank, log);
    let state = initialState();
    const first = await runTurn(state, message("send 20 to Alex Kim from checking", understood("transfer", { amount: { minor: 2000, currency: "USD" }, payeeName: "Alex Kim", fromRef: "checking" })), h);
    state = first.state;
    const confirmation = first.replies.find((r) => r.confirmation)?.confirmation;
    expect(confirmation).toBeDefined();
    log.length = 0;
    await runTurn(state, { ...message("yes", understood("out_of_scope", {}, 0)), confirmation: { id: confirmation!.id, answer: "yes" } }, h);
    const executeAt = log.indexOf("execute transfer");
    expect(executeAt).toBeGreaterThan(0);
    expect(log[executeAt - 1]).toBe("save executing");
  });

  it("runs at most MAX_EFFECTS_PER_TURN effects in one turn, so a dialogue that keeps asking still answers", async () => {
    const log: string[] = [];
    const handoff = (i: number): Effect => ({ kind: "handoff", effectId: `e${i}`, messageId: "m", reason: "customer_request", intent: "human_agent" });
    const first = { state: initialState(), replies: [], effects: Array.from({ length: MAX_EFFECTS_PER_TURN + 5 }, (_, i) => handoff(i)) };
    const loop = effectLoop(first, { save: () => log.push("save"), emit: () => {}, now: () => 0, newId: () => "id" });
    let executed = 0;
    for (let next = loop.next(); !next.done; next = loop.next({ ok: true, data: null })) executed++;
    expect(executed).toBe(MAX_EFFECTS_PER_TURN);
  });

  it("combines several replies into one: texts joined, the last rich data and confirmation kept", () => {
    const a = { text: "a", intent: { name: "x", confidence: 1 }, actions: [], data: { kind: "payees" as const, payees: [] } };
    const b = { text: "b", intent: { name: "y", confidence: 1 }, actions: [] };
    expect(combineReplies([a, b])).toEqual({ text: "a\n\nb", intent: { name: "y", confidence: 1 }, actions: [], data: a.data });
    expect(combineReplies([]).intent.name).toBe("error");
  });

  it("takes the combined intent from the answer, not from a set-aside task's question after it", () => {
    const answer = { text: "Your balances: …", intent: { name: "balance", confidence: 1 }, actions: [] };
    const back = { text: "Back to your transfer: Which account?", intent: { name: "transfer", confidence: 1 }, actions: [] };
    markContinuation([back]);
    expect(combineReplies([answer, back]).intent.name).toBe("balance");
    expect(combineReplies([back]).intent.name).toBe("transfer");
  });
});

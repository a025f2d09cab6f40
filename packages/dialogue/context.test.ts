/** Ids a step creates (context.ts) derive from the event's fresh id, so two steps never reuse one. */
import { describe, expect, it } from "vitest";
import { derivedId, type StepContext } from "./context.js";
import { initialState } from "./state.js";
import { Session, understood } from "../../test/support/dialogue-session.js";

const ctx = (newId: string): StepContext => ({ state: initialState(), now: 0, newId, messageId: null, replies: [], effects: [] });

describe("step ids", () => {
  it("derive from the event's fresh id and the purpose", () => {
    expect(derivedId(ctx("n1"), "accounts")).toBe("n1:accounts");
    expect(derivedId(ctx("n1"), "payees")).not.toBe(derivedId(ctx("n1"), "accounts"));
    expect(derivedId(ctx("n2"), "accounts")).not.toBe(derivedId(ctx("n1"), "accounts"));
  });

  it("never repeat across two turns asking for the same data", () => {
    const session = new Session();
    const first = session.say("balance", understood("balance"));
    const second = session.say("balance", understood("balance"));
    const ids = [...first.effects, ...second.effects].map((e) => e.effectId);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(2);
  });
});

import { describe, expect, it } from "vitest";
import type { Effect, EffectResult } from "../dialogue/index.js";
import type { TurnHooks } from "../dialogue/runner.js";
import { CustomerDisabled } from "./bank-effects.js";
import { StatusGuard } from "./status-guard.js";

const transfer: Effect = {
  kind: "transfer",
  effectId: "e1",
  idempotencyKey: "k1",
  fromAccountId: "acc_1",
  to: { accountId: "acc_2" },
  amount: { minor: 100, currency: "USD" },
} as Effect;
const load: Effect = { kind: "load", effectId: "e2", what: "accounts" };
const cardChange: Effect = { kind: "set_card_status", effectId: "e3", cardId: "card_1", status: "frozen" } as Effect;
const handoff: Effect = { kind: "handoff", effectId: "e4", messageId: "m1", reason: "customer_request", intent: "human_agent" } as Effect;

function setup(status: boolean | undefined, owed: boolean, result: EffectResult = { ok: true, data: null }) {
  const calls: string[] = [];
  const guard = new StatusGuard(async () => {
    calls.push("status");
    return status;
  }, owed);
  const hooks: TurnHooks = {
    executor: {
      execute: async (effect) => {
        calls.push(effect.kind);
        return result;
      },
    },
    save: () => {},
    now: () => 0,
    newId: () => "id",
  };
  return { calls, guard, hooks: guard.wrap(hooks) };
}

describe("StatusGuard", () => {
  it("lets a ledger transfer read the status itself: no check of its own, none at the end", async () => {
    const { calls, guard, hooks } = setup(false, true);
    await hooks.executor.execute(load);
    await hooks.executor.execute(transfer);
    await guard.settle();
    expect(calls).toEqual(["load", "transfer"]);
  });

  it("checks before any other write, and refuses a disabled customer before it runs", async () => {
    for (const effect of [cardChange, handoff]) {
      const { calls, hooks } = setup(false, true);
      await expect(hooks.executor.execute(effect)).rejects.toBeInstanceOf(CustomerDisabled);
      expect(calls).toEqual(["status"]);
    }
  });

  it("checks once, then lets an active customer's writes through", async () => {
    const { calls, guard, hooks } = setup(true, true);
    await hooks.executor.execute(cardChange);
    await hooks.executor.execute(handoff);
    await guard.settle();
    expect(calls).toEqual(["status", "set_card_status", "handoff"]);
  });

  it("checks at the end of a turn that ran no transfer, and again after a transfer that never reached the ledger", async () => {
    const noTransfer = setup(false, true);
    await noTransfer.hooks.executor.execute(load);
    await expect(noTransfer.guard.settle()).rejects.toBeInstanceOf(CustomerDisabled);
    const unreachable = setup(false, true, { ok: false, error: { code: "unavailable" } });
    await unreachable.hooks.executor.execute(transfer);
    await expect(unreachable.guard.settle()).rejects.toBeInstanceOf(CustomerDisabled);
  });

  it("fails open when the status cannot be read, and owes nothing when the turn confirms nothing", async () => {
    const unknown = setup(undefined, true);
    await unknown.hooks.executor.execute(cardChange);
    await unknown.guard.settle();
    expect(unknown.calls).toEqual(["status", "set_card_status"]);
    const notConfirming = setup(false, false);
    await notConfirming.hooks.executor.execute(cardChange);
    await notConfirming.guard.settle();
    expect(notConfirming.calls).toEqual(["set_card_status"]);
  });
});

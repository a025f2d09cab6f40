/** The persisted state (state.ts): a fresh state, fallbacks, settled bookkeeping and confirmation expiry. */
import { describe, expect, it } from "vitest";
import { CONFIRMATION_TTL_MS, FALLBACK_CONFIDENCE, MAX_SETTLED, REPEAT_YES_WINDOW_MS, TASK_IDLE_MS } from "./config.js";
import { answeredConfirmation, cloneState, confirmationStatus, expireStale, initialState, isFallback, pendingConfirmation, recentlySent, settle } from "./state.js";
import { Session, lastReply, pendingTransfer as transferAsked, understood, usd } from "../../test/support/dialogue-session.js";

function pendingTransfer() {
  const session = new Session();
  const turn = session.say("send $30 from checking to Alex", understood("transfer", { amount: usd(30), fromRef: "checking", payeeName: "Alex" }));
  return { session, confirmation: lastReply(turn).confirmation! };
}

describe("dialogue state", () => {
  it("starts with no task, nothing executing and no bookkeeping", () => {
    expect(initialState()).toEqual({ version: 1, task: null, executing: null, consecutiveFallbacks: 0, handoff: null, settled: [] });
    expect(initialState()).not.toBe(initialState());
  });

  it("counts out of scope and unsure (or missing) confidence as a fallback", () => {
    expect(isFallback(understood("out_of_scope", {}, 0.99))).toBe(true);
    expect(isFallback(understood("balance", {}, FALLBACK_CONFIDENCE - 0.01))).toBe(true);
    expect(isFallback(understood("balance", {}, Number.NaN))).toBe(true);
    expect(isFallback(understood("balance", {}, FALLBACK_CONFIDENCE))).toBe(false);
  });

  it(`keeps the last ${MAX_SETTLED} settled confirmations, one entry per id`, () => {
    const state = initialState();
    for (let i = 0; i < MAX_SETTLED + 5; i++) settle(state, `c${i}`, "done", i);
    settle(state, `c${MAX_SETTLED + 4}`, "cancelled", 99);
    expect(state.settled).toHaveLength(MAX_SETTLED);
    expect(state.settled[0]!.id).toBe("c5");
    expect(state.settled.filter((s) => s.id === `c${MAX_SETTLED + 4}`)).toEqual([{ id: `c${MAX_SETTLED + 4}`, outcome: "cancelled", at: 99 }]);
  });

  it("forgets a task left half-way for a long while, so a new request starts afresh", () => {
    const session = new Session();
    session.bank.cards[1]!.status = "active";
    session.say("freeze my card", understood("freeze_card"));
    session.now += TASK_IDLE_MS - 1;
    expect(lastReply(session.say("send $30 from checking to Alex", understood("transfer", { amount: usd(30), fromRef: "checking", payeeName: "Alex" }))).text).toMatch(
      /middle of a card freeze/,
    );
    session.say("no", understood("out_of_scope", { no: true }, 0));
    session.now += TASK_IDLE_MS + 1;
    const turn = session.say("send $30 from checking to Alex", understood("transfer", { amount: usd(30), fromRef: "checking", payeeName: "Alex" }));
    expect(lastReply(turn).confirmation?.summary).toMatch(/^Send \$30\.00 from Checking/);
  });

  it("tells where a confirmation stands, and expires a stale one with its task", () => {
    const { session, confirmation } = pendingTransfer();
    const state = session.state;
    expect(pendingConfirmation(state.task)?.id).toBe(confirmation.id);
    const expiresAt = session.now + CONFIRMATION_TTL_MS;
    expect(confirmationStatus(state, confirmation.id, expiresAt)).toBe("pending");
    expect(confirmationStatus(state, confirmation.id, expiresAt + 1)).toBe("expired");
    expect(confirmationStatus(state, "another-id", session.now)).toBe("unknown_id");

    expireStale(state, expiresAt);
    expect(state.task).not.toBeNull();
    expireStale(state, expiresAt + 1);
    expect(state.task).toBeNull();
    expect(confirmationStatus(state, confirmation.id, expiresAt + 1)).toBe("expired");
    expect(state.settled).toEqual([{ id: confirmation.id, outcome: "expired", at: expiresAt + 1 }]);
  });

  it("reports an executing confirmation, then its outcome", () => {
    const { session, confirmation } = pendingTransfer();
    session.autoExecute = false;
    session.press(confirmation.id, "yes");
    expect(confirmationStatus(session.state, confirmation.id, session.now)).toBe("executing");
    session.autoExecute = true;
    session.resume();
    expect(confirmationStatus(session.state, confirmation.id, session.now)).toBe("done");
  });

  it("points at the transfer sent last only within the window, and at nothing before any was sent", () => {
    const state = initialState();
    expect(recentlySent(state, 1_000)).toBeUndefined();
    const sent = { id: "c1", at: 1_000, intent: { name: "transfer", confidence: 1 }, fromAccountId: "a1", to: { accountId: "a2" }, amount: usd(30), toLabel: "Savings" };
    state.lastSent = sent;
    expect(recentlySent(state, 1_000 + REPEAT_YES_WINDOW_MS)).toBe(sent);
    expect(recentlySent(state, 1_000 + REPEAT_YES_WINDOW_MS + 1)).toBeUndefined();
    state.lastSent = null;
    expect(recentlySent(state, 1_000)).toBeUndefined();
  });

  describe("which confirmation a turn answered, and how", () => {
    it("a typed yes confirmed the card it answered", () => {
      const { session, confirmation } = transferAsked();
      const before = cloneState(session.state);
      const entities = { yes: true };
      session.say("yes", understood("affirm", entities));
      expect(answeredConfirmation(before, session.state, { entities })).toEqual({ id: confirmation.id, answer: "yes" });
    });

    it("a typed no (or cancel) declined it", () => {
      for (const entities of [{ no: true }, { query: { cancel: true } }]) {
        const { session, confirmation } = transferAsked();
        const before = cloneState(session.state);
        session.say("no", understood("deny", entities as never));
        expect(answeredConfirmation(before, session.state, { entities: entities as never })).toEqual({ id: confirmation.id, answer: "no" });
      }
    });

    it("the No button declined it", () => {
      const { session, confirmation } = transferAsked();
      const before = cloneState(session.state);
      const button = { id: confirmation.id, answer: "no" as const };
      session.say("No", understood("deny", {}), button);
      expect(answeredConfirmation(before, session.state, { entities: {}, button })).toEqual(button);
    });

    it("a correction that replaced the card answered nothing", () => {
      const { session } = transferAsked();
      const before = cloneState(session.state);
      session.say("actually make it 45", understood("transfer", { amount: usd(45) }));
      expect(answeredConfirmation(before, session.state, { entities: { amount: usd(45) } })).toBeUndefined();
    });

    it("with nothing pending, a yes answered nothing", () => {
      const session = new Session();
      const before = cloneState(session.state);
      session.say("yes", understood("affirm", { yes: true }));
      expect(answeredConfirmation(before, session.state, { entities: { yes: true } })).toBeUndefined();
    });
  });
});

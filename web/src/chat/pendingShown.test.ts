import { describe, expect, it } from "vitest";
import { withReply, withRestoredTurn, withServerState, withTurnFromElsewhere, type ChatState } from "./useChat.js";
import type { PendingConfirmation, Reply } from "./protocol.js";

const empty = (): ChatState => ({ entries: [], status: "live", typing: false, unsent: new Set(), pending: undefined, answered: {}, notice: null });
const pending: PendingConfirmation = { id: "cf-9", summary: "Send $30.00 to Jordan Lee?", expiresAt: Date.now() + 60_000 };
const asked: Reply = { text: pending.summary, intent: { name: "transfer", confidence: 1 }, actions: [], confirmation: pending };
const cards = (s: ChatState) => s.entries.filter((e) => e.kind === "teller" && e.reply.confirmation?.id === pending.id);

describe("a pending confirmation this tab never saw asked", () => {
  it("is shown, with Yes and No, when the server's state says it is pending", () => {
    const state = withServerState(empty(), pending);
    expect(state.pending).toEqual(pending);
    expect(cards(state)).toHaveLength(1);
    const [entry] = cards(state);
    expect(entry).toMatchObject({ kind: "teller", reply: { confirmation: pending } });
    expect(entry!.kind === "teller" && entry!.reply.actions.map((a) => a.type === "confirm" && a.answer)).toEqual(["yes", "no"]);
    // A second state frame adds nothing.
    expect(cards(withServerState(state, pending))).toHaveLength(1);
  });

  it("is not added when a reply here already shows it, when answered here, or when expired", () => {
    const shown = withReply(empty(), "m1", asked, true);
    expect(cards(withServerState(shown, pending))).toHaveLength(1);
    expect(cards(withServerState({ ...empty(), answered: { "cf-9": "yes" } }, pending))).toHaveLength(0);
    expect(cards(withServerState(empty(), { ...pending, expiresAt: Date.now() - 1 }))).toHaveLength(0);
    expect(withServerState(empty(), null).entries).toHaveLength(0);
  });

  it("gives way to the turn that asked it, replayed or from another tab", () => {
    const standing = withServerState(empty(), pending);
    const replayed = withRestoredTurn(standing, "m1", asked, { id: "m1", text: "send $30 to Jordan", at: 1 });
    expect(cards(replayed)).toHaveLength(1);
    expect(replayed.entries.map((e) => e.kind)).toEqual(["customer", "teller"]);
    const mirrored = withTurnFromElsewhere(standing, "m2", { text: "send $30 to Jordan" }, asked);
    expect(cards(mirrored)).toHaveLength(1);
    expect(mirrored.entries.map((e) => e.kind)).toEqual(["customer", "teller"]);
    // A turn this tab has no words for is not shown: the stand-in stays.
    expect(cards(withRestoredTurn(standing, "m3", asked, undefined))).toHaveLength(1);
  });
});

describe("the question a task waits on, as the server's state says it", () => {
  const question = { text: "How much would you like to send?", actions: [] };
  const askedIt: Reply = { text: question.text, intent: { name: "transfer", confidence: 1 }, actions: [] };
  const texts = (s: ChatState) => s.entries.map((e) => (e.kind === "teller" ? e.reply.text : e.kind === "customer" ? `me: ${e.text}` : "agent"));

  it("is Teller's last message in a tab that never saw it asked, once however many state frames come", () => {
    const state = withServerState(empty(), null, false, null, Date.now(), question);
    expect(texts(state)).toEqual([question.text]);
    expect(texts(withServerState(state, null, false, null, Date.now(), question))).toEqual([question.text]);
  });

  it("is not repeated when the conversation already ends with it, asked or asked again after a lead", () => {
    const asked = withTurnFromElsewhere(empty(), "m1", { text: "send money to Chidi" }, askedIt);
    expect(texts(withServerState(asked, null, false, null, Date.now(), question))).toEqual(["me: send money to Chidi", question.text]);
    const resumed = withReply(empty(), "m2", { ...askedIt, text: `Back to your transfer: ${question.text}` }, true);
    expect(texts(withServerState(resumed, null, false, null, Date.now(), question))).toHaveLength(1);
  });

  it("gives way to the restored turn that asked it (the state frame comes before a resume's turns, and after)", () => {
    const standing = withServerState(empty(), null, false, null, Date.now(), question);
    const restored = withRestoredTurn(standing, "m1", askedIt, { id: "m1", text: "send money to Chidi", at: 1 });
    expect(texts(withServerState(restored, null, false, null, Date.now(), question))).toEqual(["me: send money to Chidi", question.text]);
  });

  it("goes when answered, and stays in place once the conversation went on", () => {
    const standing = withServerState(empty(), null, false, null, Date.now(), question);
    expect(texts(withServerState(standing, pending, false, null, Date.now(), null))).toEqual([pending.summary]);
    const answered = withReply({ ...standing, entries: [...standing.entries, { kind: "customer", id: "m3", text: "50" }] }, "m3", asked, true);
    expect(texts(withServerState(answered, pending, false, null, Date.now(), null))).toEqual([question.text, "me: 50", pending.summary]);
  });

  it("changes nothing when the server did not say (an older server)", () => {
    const shown = withReply(empty(), "m1", { ...askedIt, text: "Hello" }, true);
    expect(withServerState(shown, null).entries).toBe(shown.entries);
  });
});

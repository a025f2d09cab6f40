/**
 * A "yes" or "no" TYPED under a confirmation card: the server's reply says which card it settled
 * (`reply.settled`), and the card reads "You confirmed." / "You said no." as after its own buttons,
 * in the tab that typed it, in another tab that saw it, and after a reload.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, render, screen } from "@testing-library/react";
import { MessageList } from "./MessageList.js";
import type { Reply } from "./protocol.js";
import { withReply, withRestoredTurn, withServerState, withTurnFromElsewhere, type ChatState } from "./useChat.js";

afterEach(cleanup);

const card = { id: "c1", summary: "Send $10.00 from Everyday Checking ••1234 to Jordan Lee ••7788?", expiresAt: Date.now() + 5 * 60_000 };
const asked: Reply = {
  text: card.summary,
  intent: { name: "transfer", confidence: 1 },
  actions: [
    { type: "confirm", confirmationId: "c1", answer: "yes", label: "Yes, send it" },
    { type: "confirm", confirmationId: "c1", answer: "no", label: "No" },
  ],
  confirmation: card,
};
const sent: Reply = { text: "Done: $10.00 sent to Jordan Lee.", intent: { name: "transfer", confidence: 1 }, actions: [], settled: { id: "c1", answer: "yes" } };
const declined: Reply = { text: "OK, I haven't sent anything.", intent: { name: "transfer", confidence: 1 }, actions: [], settled: { id: "c1", answer: "no" } };

function start(): ChatState {
  const state: ChatState = { entries: [{ kind: "customer", id: "m1", text: "send 10 to Jordan Lee" }], status: "live", typing: false, unsent: new Set(), pending: undefined, answered: {}, notice: null };
  return withReply(state, "m1", asked, true);
}

function show(state: ChatState) {
  render(<MessageList entries={state.entries} unsent={state.unsent} status="live" typing={false} answered={state.answered} pending={state.pending} onSend={vi.fn()} onRetry={vi.fn()} />);
}

const typed = (state: ChatState, text: string) => ({ ...state, entries: [...state.entries, { kind: "customer" as const, id: "m2", text }] });

describe("a typed answer to a confirmation card", () => {
  it("a typed yes: the card says You confirmed., its buttons off", () => {
    const state = withServerState(withReply(typed(start(), "yes"), "m2", sent, true), null);
    show(state);
    expect(screen.getByText("You confirmed.")).toBeTruthy();
    expect(screen.queryByText(/no longer waiting/)).toBeNull();
    expect((screen.getByRole("button", { name: "Yes, send it" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("a typed no: the card says You said no.", () => {
    show(withServerState(withReply(typed(start(), "no"), "m2", declined, true), null));
    expect(screen.getByText("You said no.")).toBeTruthy();
  });

  it("streamed, then the turn: the final answer's settled still counts", () => {
    const streamed = withReply(typed(start(), "yes"), "m2", { ...sent, settled: undefined }, false);
    show(withServerState(withReply(streamed, "m2", sent, true), null));
    expect(screen.getByText("You confirmed.")).toBeTruthy();
  });

  it("typed in another tab, or replayed after a reload: the same", () => {
    show(withServerState(withTurnFromElsewhere(start(), "m2", { text: "yes" }, sent), null));
    expect(screen.getByText("You confirmed.")).toBeTruthy();
    cleanup();
    show(withServerState(withRestoredTurn(start(), "m2", sent, { id: "m2", text: "yes", at: Date.now() }), null));
    expect(screen.getByText("You confirmed.")).toBeTruthy();
  });

  it("a reply that settled nothing (a correction) leaves the card no longer waiting", () => {
    show(withServerState(withReply(typed(start(), "make it 20"), "m2", { text: "OK, $20.00.", intent: { name: "transfer", confidence: 1 }, actions: [] }, true), null));
    expect(screen.getByText(/no longer waiting/)).toBeTruthy();
  });
});

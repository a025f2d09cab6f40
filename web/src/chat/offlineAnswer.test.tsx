/**
 * A Yes pressed on a confirmation card while the phone is offline: the card says the answer waits
 * to be sent, and reads "You confirmed." only once the server's answer settles it. The queued Yes
 * keeps its message id (connection.test.ts: resent with the same id), so nothing moves twice.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { MessageList } from "./MessageList.js";
import type { ConnectionStatus } from "./connection.js";
import type { ConfirmationAnswer, Reply } from "./protocol.js";
import { withReply, withServerState, type ChatState } from "./useChat.js";

afterEach(cleanup);

const card = { id: "c1", summary: "Send $50.00 from Checking ••1234 to Chidi Okafor?", expiresAt: Date.now() + 5 * 60_000 };
const asked: Reply = {
  text: card.summary,
  intent: { name: "transfer", confidence: 1 },
  actions: [
    { type: "confirm", confirmationId: "c1", answer: "yes", label: "Yes" },
    { type: "confirm", confirmationId: "c1", answer: "no", label: "No" },
  ],
  confirmation: card,
};
const sent: Reply = { text: "Done: $50.00 sent to Chidi Okafor.", intent: { name: "transfer", confidence: 1 }, actions: [], settled: { id: "c1", answer: "yes" } };

function start(): ChatState {
  const state: ChatState = { entries: [{ kind: "customer", id: "m1", text: "send 50 to Chidi" }], status: "live", typing: false, unsent: new Set(), pending: undefined, answered: {}, notice: null };
  return withServerState(withReply(state, "m1", asked, true), card);
}

/** Sends as useChat does: the customer's entry, the card answered here, the message queued. */
function Chat({ initial, status, sends }: { initial: ChatState; status: ConnectionStatus; sends: Array<{ text: string; confirmation?: ConfirmationAnswer }> }) {
  const [state, setState] = useState(initial);
  return (
    <MessageList
      entries={state.entries}
      unsent={state.unsent}
      status={status}
      typing={false}
      answered={state.answered}
      pending={state.pending}
      onSend={(text, confirmation) => {
        sends.push({ text, confirmation });
        setState((s) => ({
          ...s,
          entries: [...s.entries, { kind: "customer", id: "m2", text, ...(confirmation ? { confirmation } : {}) }],
          answered: confirmation ? { ...s.answered, [confirmation.id]: confirmation.answer } : s.answered,
          unsent: new Set([...s.unsent, "m2"]),
        }));
      }}
      onRetry={vi.fn()}
    />
  );
}

describe("a confirmation answered while offline", () => {
  it("says the Yes waits to be sent, not You confirmed., and its buttons are off", () => {
    const sends: Array<{ text: string; confirmation?: ConfirmationAnswer }> = [];
    render(<Chat initial={start()} status="offline" sends={sends} />);
    fireEvent.click(screen.getByRole("button", { name: "Yes" }));
    expect(sends).toEqual([{ text: "Yes", confirmation: { id: "c1", answer: "yes" } }]);
    expect(screen.getByText("Sending your Yes when you're back online…")).toBeTruthy();
    expect(screen.queryByText("You confirmed.")).toBeNull();
    expect((screen.getByRole("button", { name: "Yes" }) as HTMLButtonElement).disabled).toBe(true);
    // A second press sends nothing more.
    fireEvent.click(screen.getByRole("button", { name: "No" }));
    expect(sends).toHaveLength(1);
  });

  it("says a No waits too", () => {
    render(<Chat initial={start()} status="reconnecting" sends={[]} />);
    fireEvent.click(screen.getByRole("button", { name: "No" }));
    expect(screen.getByText("Sending your No when you're back online…")).toBeTruthy();
  });

  it("back online, on its way: Sending your Yes…; once the server's answer settles it: You confirmed.", () => {
    const answeredHere: ChatState = {
      ...start(),
      entries: [...start().entries, { kind: "customer", id: "m2", text: "Yes", confirmation: { id: "c1", answer: "yes" } }],
      answered: { c1: "yes" },
      unsent: new Set(["m2"]),
    };
    const show = (state: ChatState) =>
      render(<MessageList entries={state.entries} unsent={state.unsent} status="live" typing={false} answered={state.answered} pending={state.pending} onSend={vi.fn()} onRetry={vi.fn()} />);
    show(answeredHere);
    expect(screen.getByText("Sending your Yes…")).toBeTruthy();
    expect(screen.queryByText("You confirmed.")).toBeNull();
    cleanup();
    // The answer came (the connection drops the message from the queue as it passes it on).
    show(withServerState({ ...withReply(answeredHere, "m2", sent, true), unsent: new Set() }, null));
    expect(screen.getByText("You confirmed.")).toBeTruthy();
    expect(screen.queryByText(/Sending your Yes/)).toBeNull();
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { ConfirmationCard } from "./ConfirmationCard.js";
import { TellerMessage } from "./TellerMessage.js";
import type { ConfirmationAnswer, Reply } from "./protocol.js";

afterEach(cleanup);

const confirmation = { id: "cf_1", summary: "Send $50.00 from Everyday ••1234 to Rainy day ••9876?", expiresAt: Date.now() + 60_000 };
const reply: Reply = {
  text: "Please confirm this transfer.",
  intent: { name: "transfer", confidence: 0.97 },
  confirmation,
  actions: [
    { type: "confirm", confirmationId: "cf_1", answer: "yes", label: "Yes, send it" },
    { type: "confirm", confirmationId: "cf_1", answer: "no", label: "No, cancel" },
  ],
};

/** Holds `answered` the way useChat does, so the card's disabling is exercised for real. */
function Harness({ onSend }: { onSend(text: string, c?: ConfirmationAnswer): void }) {
  const [answered, setAnswered] = useState<Record<string, "yes" | "no">>({});
  return (
    <ul>
      <TellerMessage
        reply={reply}
        latest
        answered={answered}
        pending={undefined}
        onSend={(text, c) => {
          if (c) setAnswered((a) => ({ ...a, [c.id]: c.answer }));
          onSend(text, c);
        }}
      />
    </ul>
  );
}

describe("ConfirmationCard", () => {
  it("shows the server's summary with labelled Yes / No buttons", () => {
    render(<ConfirmationCard confirmation={confirmation} actions={reply.actions} pending={undefined} onAnswer={() => {}} />);
    expect(screen.getByRole("group", { name: confirmation.summary })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Yes, send it" })).toHaveProperty("disabled", false);
    expect(screen.getByRole("button", { name: "No, cancel" })).toHaveProperty("disabled", false);
  });

  it("sends “Yes” with the confirmation id, then disables both buttons", () => {
    const onSend = vi.fn();
    render(<Harness onSend={onSend} />);
    fireEvent.click(screen.getByRole("button", { name: "Yes, send it" }));
    expect(onSend).toHaveBeenCalledWith("Yes", { id: "cf_1", answer: "yes" });
    expect(screen.getByRole("button", { name: "Yes, send it" })).toHaveProperty("disabled", true);
    expect(screen.getByRole("button", { name: "No, cancel" })).toHaveProperty("disabled", true);
    expect(screen.getByText("You confirmed.")).toBeTruthy();
    // A second click does nothing.
    fireEvent.click(screen.getByRole("button", { name: "No, cancel" }));
    expect(onSend).toHaveBeenCalledTimes(1);
  });

  it("sends “No” with the confirmation id", () => {
    const onSend = vi.fn();
    render(<Harness onSend={onSend} />);
    fireEvent.click(screen.getByRole("button", { name: "No, cancel" }));
    expect(onSend).toHaveBeenCalledWith("No", { id: "cf_1", answer: "no" });
    expect(screen.getByText("You said no.")).toBeTruthy();
  });

  it("is closed once expired", () => {
    render(
      <ConfirmationCard
        confirmation={{ ...confirmation, expiresAt: Date.now() - 1 }}
        actions={reply.actions}
        pending={undefined}
        onAnswer={() => {}}
      />,
    );
    expect(screen.getByRole("button", { name: "Yes, send it" })).toHaveProperty("disabled", true);
    expect(screen.getByText(/has expired/)).toBeTruthy();
  });

  it("expires while on screen", () => {
    vi.useFakeTimers();
    try {
      render(
        <ConfirmationCard
          confirmation={{ ...confirmation, expiresAt: Date.now() + 1_000 }}
          actions={reply.actions}
          pending={undefined}
          onAnswer={() => {}}
        />,
      );
      expect(screen.getByRole("button", { name: "Yes, send it" })).toHaveProperty("disabled", false);
      act(() => vi.advanceTimersByTime(1_001));
      expect(screen.getByRole("button", { name: "Yes, send it" })).toHaveProperty("disabled", true);
    } finally {
      vi.useRealTimers();
    }
  });

  it("is closed when the server says another confirmation (or none) is pending", () => {
    render(<ConfirmationCard confirmation={confirmation} actions={reply.actions} pending={null} onAnswer={() => {}} />);
    expect(screen.getByRole("button", { name: "Yes, send it" })).toHaveProperty("disabled", true);
    expect(screen.getByText(/no longer waiting/)).toBeTruthy();
  });

  it("stays open while the server says this one is pending", () => {
    render(<ConfirmationCard confirmation={confirmation} actions={reply.actions} pending={confirmation} onAnswer={() => {}} />);
    expect(screen.getByRole("button", { name: "Yes, send it" })).toHaveProperty("disabled", false);
  });
});

describe("quick replies", () => {
  it("send their text, and only under the latest reply", () => {
    const onSend = vi.fn();
    const withQuick: Reply = {
      text: "Anything else?",
      intent: { name: "greeting", confidence: 1 },
      actions: [{ type: "reply", label: "My balance", text: "What's my balance?" }],
    };
    const { rerender } = render(
      <ul>
        <TellerMessage reply={withQuick} latest answered={{}} pending={undefined} onSend={onSend} />
      </ul>,
    );
    fireEvent.click(screen.getByRole("button", { name: "My balance" }));
    expect(onSend).toHaveBeenCalledWith("What's my balance?");
    rerender(
      <ul>
        <TellerMessage reply={withQuick} latest={false} answered={{}} pending={undefined} onSend={onSend} />
      </ul>,
    );
    expect(screen.queryByRole("button", { name: "My balance" })).toBeNull();
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { QueueBanner } from "./QueueBanner.js";
import { Welcome } from "./Welcome.js";

afterEach(cleanup);

/** The message box, as ChatView's Composer renders it (id "message"). */
const messageBox = () => (
  <>
    <label htmlFor="message">Message</label>
    <input id="message" />
  </>
);

describe("buttons that go away once pressed give the keyboard back to the message box", () => {
  it("a first-step chip sends its words", () => {
    const onSend = vi.fn();
    render(
      <>
        <Welcome name="Alex Kim" onSend={onSend} />
        {messageBox()}
      </>,
    );
    expect(screen.getByText(/^Hi Alex\./)).toBeTruthy();
    const chip = screen.getByRole("button", { name: "My balance" });
    chip.focus();
    fireEvent.click(chip);
    expect(onSend).toHaveBeenCalledWith("What's my balance?");
    expect(document.activeElement?.id).toBe("message");
  });

  it("Leave the queue", () => {
    const onLeave = vi.fn();
    render(
      <>
        <QueueBanner onLeave={onLeave} />
        {messageBox()}
      </>,
    );
    const leave = screen.getByRole("button", { name: "Leave the queue" });
    leave.focus();
    fireEvent.click(leave);
    expect(onLeave).toHaveBeenCalledOnce();
    expect(document.activeElement?.id).toBe("message");
  });
});

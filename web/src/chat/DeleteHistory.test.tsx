import { afterEach, describe, expect, it, vi } from "vitest";
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { ApiError } from "../api.js";
import { DELETED_STATUS, DeleteHistory, type DeleteHistoryProps } from "./DeleteHistory.js";

afterEach(cleanup);

function show(props: Partial<DeleteHistoryProps> = {}) {
  const onDelete = props.onDelete ?? vi.fn(async () => {});
  const all = { notYetSent: 0, agent: null, hasConversation: true, onDelete, ...props };
  const view = render(
    <>
      <DeleteHistory {...all} />
      <label htmlFor="message">Message</label>
      <input id="message" />
    </>,
  );
  return { onDelete, rerender: (next: Partial<DeleteHistoryProps>) => view.rerender(<><DeleteHistory {...all} {...next} /><label htmlFor="message">Message</label><input id="message" /></>) };
}

const opener = () => screen.getByRole("button", { name: "Delete history" });
const question = () => screen.queryByRole("group", { name: "Delete this conversation's history?" });

describe("Delete history asks in the page before erasing", () => {
  it("opens a labelled question with what goes and what stays; the keyboard lands on Keep", () => {
    show();
    expect(opener().getAttribute("aria-expanded")).toBe("false");
    fireEvent.click(opener());
    expect(question()).toBeTruthy();
    expect(question()!.textContent).toContain("Your messages and Teller's replies are deleted from the bank's records; transfers and card changes stay on your accounts.");
    expect(opener().getAttribute("aria-expanded")).toBe("true");
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Keep" }));
  });

  it("Keep and Escape leave everything as it was; the keyboard goes back to the button", () => {
    const { onDelete } = show();
    fireEvent.click(opener());
    fireEvent.click(screen.getByRole("button", { name: "Keep" }));
    expect(question()).toBeNull();
    expect(document.activeElement).toBe(opener());
    fireEvent.click(opener());
    fireEvent.keyDown(screen.getByRole("button", { name: "Keep" }), { key: "Escape" });
    expect(question()).toBeNull();
    expect(document.activeElement).toBe(opener());
    expect(onDelete).not.toHaveBeenCalled();
  });

  it("Delete erases, then says so in a status line and gives the keyboard to the message box", async () => {
    const { onDelete, rerender } = show();
    fireEvent.click(opener());
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Delete" })));
    expect(onDelete).toHaveBeenCalledTimes(1);
    expect(question()).toBeNull();
    expect(screen.getByRole("status").textContent).toBe(DELETED_STATUS);
    expect(document.activeElement?.id).toBe("message");
    // The customer chats again: the line no longer describes the screen.
    rerender({ hasConversation: false });
    expect(screen.getByRole("status").textContent).toBe(DELETED_STATUS);
    rerender({ hasConversation: true });
    expect(screen.getByRole("status").textContent).toBe("");
  });

  it("a failure says so in plain words and keeps the question open (nothing was cleared)", async () => {
    const onDelete = vi.fn(async () => {
      throw new ApiError(504, "timeout", "Erasing the conversation took too long and may not be complete. Ask again to finish it.");
    });
    show({ onDelete });
    fireEvent.click(opener());
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Delete" })));
    expect(screen.getByRole("alert").textContent).toBe("Deleting your chat history took too long and may not be complete. Please try again.");
    expect(question()).toBeTruthy();
    expect(screen.getByRole("status").textContent).toBe("");
  });

  it("with a person from the bank in the chat, says they stay and what was said to them goes too", () => {
    show({ agent: "Dana" });
    fireEvent.click(opener());
    expect(question()!.textContent).toContain("Dana from our team stays in this chat; your messages with them are deleted from our records too.");
  });
});

describe("messages not sent yet are never lost silently", () => {
  it("with a message unsent, it explains instead of asking, and erases nothing", () => {
    const { onDelete } = show({ notYetSent: 1 });
    fireEvent.click(opener());
    expect(question()).toBeNull();
    expect(screen.getByRole("group", { name: "A message you wrote hasn't been sent yet." })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "OK" }));
    fireEvent.click(screen.getByRole("button", { name: "OK" }));
    expect(document.activeElement).toBe(opener());
    expect(onDelete).not.toHaveBeenCalled();
  });

  it("one written while the question was open holds the Delete back", async () => {
    const { onDelete, rerender } = show();
    fireEvent.click(opener());
    rerender({ notYetSent: 2 });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Delete" })));
    expect(onDelete).not.toHaveBeenCalled();
    expect(screen.getByRole("group", { name: "Some messages you wrote haven't been sent yet." })).toBeTruthy();
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { Composer } from "./Composer.js";
import { MAX_MESSAGE_CHARS } from "../../../packages/contract/chat.js";

afterEach(() => {
  cleanup();
  sessionStorage.clear();
  localStorage.clear();
});

describe("Composer", () => {
  it("says so when a message reaches the longest it can be, rather than cutting it short in silence", () => {
    render(<Composer customerId="cus_test" onSend={vi.fn()} />);
    const box = screen.getByLabelText("Message");
    fireEvent.change(box, { target: { value: "x".repeat(MAX_MESSAGE_CHARS - 1) } });
    expect(screen.queryByRole("status")).toBeNull();
    fireEvent.change(box, { target: { value: "x".repeat(MAX_MESSAGE_CHARS) } });
    expect(screen.getByRole("status").textContent).toMatch(/longest message I can take \(2,000 characters\)/);
  });
});

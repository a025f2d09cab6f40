import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { Conversation } from "./Conversation.js";
import type { HandoffDetail } from "./staffApi.js";
import type { HandoffStatus } from "../../../packages/contract/handoff.js";
import { DANA, handoffDetail, transcriptLines } from "./fixtures.js";

afterEach(cleanup);

const dana = DANA;

function detail(lines: number, id = "h1", customerDisabled = false, status: HandoffStatus = "assigned"): HandoffDetail {
  return handoffDetail({ id, customerDisabled, status }, transcriptLines(lines));
}

/** happy-dom lays nothing out: the transcript is given a height and a content height here. */
function sized(list: HTMLElement, contentHeight: () => number): void {
  Object.defineProperty(list, "clientHeight", { configurable: true, get: () => 200 });
  Object.defineProperty(list, "scrollHeight", { configurable: true, get: contentHeight });
}

function renderConversation(d: HandoffDetail) {
  const handlers = { onSend: vi.fn(async () => true), onTyping: vi.fn(), onHandBack: vi.fn(), onResolve: vi.fn() };
  return render(<Conversation detail={d} staff={dana} {...handlers} />);
}

describe("Conversation (agent)", () => {
  it("opens at the newest line and follows new ones, but not while the agent reads earlier lines", () => {
    let content = 2_000;
    const view = renderConversation(detail(40));
    const list = screen.getByRole("list", { name: "Transcript" });
    sized(list, () => content);
    // The first render's effect saw no layout; a new line arrives once the size is known.
    content = 2_100;
    view.rerender(<Conversation detail={detail(41)} staff={dana} onSend={vi.fn(async () => true)} onTyping={vi.fn()} onHandBack={vi.fn()} onResolve={vi.fn()} />);
    expect(list.scrollTop).toBe(2_100);

    // The agent scrolls up to read: a new line does not pull them down.
    list.scrollTop = 300;
    fireEvent.scroll(list);
    content = 2_200;
    view.rerender(<Conversation detail={detail(42)} staff={dana} onSend={vi.fn(async () => true)} onTyping={vi.fn()} onHandBack={vi.fn()} onResolve={vi.fn()} />);
    expect(list.scrollTop).toBe(300);

    // Another conversation opens at its newest line again.
    view.rerender(<Conversation detail={detail(10, "h2")} staff={dana} onSend={vi.fn(async () => true)} onTyping={vi.fn()} onHandBack={vi.fn()} onResolve={vi.fn()} />);
    expect(list.scrollTop).toBe(2_200);
  });

  it("moves the keyboard to the closed notice when Resolve or Hand back closes it, instead of dropping focus on the page", () => {
    const handlers = { onSend: vi.fn(async () => true), onTyping: vi.fn(), onHandBack: vi.fn(), onResolve: vi.fn() };
    const view = render(<Conversation detail={detail(3)} staff={dana} {...handlers} />);
    screen.getByRole("button", { name: "Resolve" }).focus();
    // The server's answer closes it: the button the agent pressed is gone.
    view.rerender(<Conversation detail={detail(3, "h1", false, "resolved")} staff={dana} {...handlers} />);
    expect(screen.queryByRole("button", { name: "Resolve" })).toBeNull();
    expect(document.activeElement?.textContent).toMatch(/^Closed: resolved/);

    // Opened already closed (the agent clicked it in the queue): the keyboard stays where it was.
    cleanup();
    const queue = document.createElement("button");
    document.body.append(queue);
    queue.focus();
    render(<Conversation detail={detail(3, "h2", false, "resolved")} staff={dana} {...handlers} />);
    expect(document.activeElement).toBe(queue);
    queue.remove();
  });

  it("says the bank disabled the customer, and offers no reply box for them", () => {
    renderConversation(detail(2, "h1", true));
    expect(screen.getByRole("status").textContent).toBe("The bank has disabled this customer's access. You can read the conversation but not reply; resolve it or hand it back.");
    expect(screen.queryByRole("textbox", { name: "Reply" })).toBeNull();
    expect(screen.getByRole("button", { name: "Resolve" })).toBeTruthy();
    cleanup();
    renderConversation(detail(2));
    expect(screen.queryByRole("status")).toBeNull();
    expect(screen.getByRole("textbox", { name: "Reply" })).toBeTruthy();
  });
  it("keeps the agent's words in the box when the reply is not sent, and clears them when it is", async () => {
    const onSend = vi.fn(async () => false);
    render(<Conversation detail={detail(2)} staff={dana} onSend={onSend} onTyping={vi.fn()} onHandBack={vi.fn()} onResolve={vi.fn()} />);
    const box = screen.getByRole("textbox", { name: "Reply" }) as HTMLTextAreaElement;
    fireEvent.change(box, { target: { value: "I've refunded the fee." } });
    fireEvent.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(onSend).toHaveBeenCalledWith("I've refunded the fee."));
    await waitFor(() => expect(box.value).toBe("I've refunded the fee."));

    onSend.mockImplementation(async () => true);
    fireEvent.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(() => expect(onSend).toHaveBeenCalledTimes(2));
    expect(box.value).toBe("");
  });

  it("keeps a closed conversation on screen, read only: says it is closed, with no reply box and nothing to act on", () => {
    for (const [status, said] of [
      ["resolved", "Closed: resolved. You can read the conversation; replies are off."],
      ["returned", "Closed: handed back to Teller. You can read the conversation; replies are off."],
      ["left", "Closed: the customer left the queue. You can read the conversation; replies are off."],
    ] as const) {
      renderConversation(detail(3, "h1", false, status));
      const section = screen.getByRole("region", { name: "Conversation with Alex Kim" });
      expect(section.dataset.state).toBe("closed");
      expect(screen.getByRole("status").textContent).toBe(said);
      expect(screen.getAllByRole("listitem").filter((li) => li.classList.contains("line"))).toHaveLength(3);
      expect(screen.queryByRole("textbox", { name: "Reply" })).toBeNull();
      expect(screen.queryByRole("button", { name: "Resolve" })).toBeNull();
      expect(screen.queryByRole("button", { name: "Hand back to Teller" })).toBeNull();
      cleanup();
    }
    renderConversation(detail(3));
    expect(screen.getByRole("region", { name: "Conversation with Alex Kim" }).dataset.state).toBe("open");
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { MessageList, type MessageListProps } from "./MessageList.js";
import type { Entry } from "./useChat.js";

afterEach(cleanup);

const at = new Date(2026, 2, 14, 14, 5).getTime();

function renderList(entries: Entry[], extra: Partial<MessageListProps> = {}) {
  const props: MessageListProps = {
    entries,
    unsent: new Set(),
    status: "live",
    typing: false,
    answered: {},
    pending: null,
    onSend: vi.fn(),
    onRetry: vi.fn(),
    ...extra,
  };
  render(<MessageList {...props} />);
  return props;
}

describe("MessageList", () => {
  it("shows the time on each message", () => {
    renderList([
      { kind: "customer", id: "m1", text: "balance?", at },
      { kind: "teller", key: "k", replyTo: "m1", reply: { text: "You have $5", intent: { name: "balance", confidence: 1 }, actions: [] }, at: at + 60_000 },
    ]);
    const times = document.querySelectorAll("time.message-time");
    expect([...times].map((t) => t.getAttribute("datetime"))).toEqual([new Date(at).toISOString(), new Date(at + 60_000).toISOString()]);
    expect(times[0]!.textContent).toMatch(/2:05|14:05/);
  });

  it("marks each reply with the message it answers, and a pending confirmation from the server's state with none", () => {
    const reply = { text: "You have $5", intent: { name: "balance", confidence: 1 }, actions: [] };
    renderList([
      { kind: "teller", key: "pending:c1", replyTo: "", reply: { ...reply, text: "Send $5.00?" }, at },
      { kind: "customer", id: "m1", text: "balance?", at },
      { kind: "teller", key: "k", replyTo: "m1", reply, at },
    ]);
    const teller = [...document.querySelectorAll("li.teller")];
    expect(teller.map((li) => li.getAttribute("data-reply-to"))).toEqual([null, "m1"]);
  });

  it("offers Retry on a failed message, which resends that message's id", () => {
    const props = renderList([{ kind: "customer", id: "m1", text: "Yes", at, error: "the answer was lost" }]);
    expect(screen.getByRole("alert").textContent).toBe("Not sent: the answer was lost");
    fireEvent.click(screen.getByRole("button", { name: 'Retry sending "Yes"' }));
    expect(props.onRetry).toHaveBeenCalledWith("m1");
  });

  describe("keeps the newest message in view", () => {
    /** A ResizeObserver the test fires by hand: happy-dom lays nothing out. */
    let observed: Array<() => void> = [];
    beforeEach(() => {
      observed = [];
      vi.stubGlobal(
        "ResizeObserver",
        class {
          constructor(private readonly callback: () => void) {}
          observe() {
            observed.push(() => this.callback());
          }
          disconnect() {}
          unobserve() {}
        },
      );
    });
    afterEach(() => vi.unstubAllGlobals());

    /** The scroll box with a layout: `content` px of messages in a `box` px window. */
    function layout(box: number, content: number) {
      const scroller = document.querySelector<HTMLElement>(".messages-scroll")!;
      Object.defineProperty(scroller, "clientHeight", { configurable: true, value: box });
      Object.defineProperty(scroller, "scrollHeight", { configurable: true, value: content });
      return scroller;
    }
    const resized = () => observed.forEach((fire) => fire());
    const maxTop = (scroller: HTMLElement) => scroller.scrollHeight - scroller.clientHeight;

    const confirmationEntries: Entry[] = [
      { kind: "customer", id: "m1", text: "send 15 to Jordan", at },
      {
        kind: "teller",
        key: "k",
        replyTo: "m1",
        reply: { text: "Send $15.00 to Jordan Lee?", intent: { name: "transfer", confidence: 1 }, actions: [] },
        at,
      },
    ];

    it("when the box shrinks under it (a phone's on-screen keyboard opens): the confirmation stays on screen", () => {
      renderList(confirmationEntries);
      const scroller = layout(600, 1000);
      scroller.scrollTop = maxTop(scroller);
      fireEvent.scroll(scroller);
      layout(300, 1000); // the keyboard takes 300 px
      resized();
      expect(scroller.scrollTop).toBe(maxTop(scroller));
    });

    it("when the messages grow after they were scrolled to (a reload's replies filled in late)", () => {
      renderList(confirmationEntries);
      const scroller = layout(600, 800);
      scroller.scrollTop = maxTop(scroller);
      fireEvent.scroll(scroller);
      layout(600, 1200); // the restored replies' cards and the pending confirmation drawn in
      resized();
      expect(scroller.scrollTop).toBe(maxTop(scroller));
    });

    it("but not once the customer has scrolled up to read earlier messages", () => {
      renderList(confirmationEntries);
      const scroller = layout(600, 1000);
      scroller.scrollTop = maxTop(scroller);
      fireEvent.scroll(scroller);
      fireEvent.wheel(scroller);
      scroller.scrollTop = 100;
      fireEvent.scroll(scroller);
      layout(300, 1000);
      resized();
      expect(scroller.scrollTop).toBe(100);
    });
  });

  it("says a queued message is waiting while offline, instead of a time", () => {
    renderList([{ kind: "customer", id: "m1", text: "hi", at }], { unsent: new Set(["m1"]), status: "offline" });
    expect(screen.getByText("Waiting to send…")).toBeTruthy();
    expect(document.querySelector("time.message-time")).toBeNull();
  });
});

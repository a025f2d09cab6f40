import { afterEach, describe, expect, it, vi } from "vitest";
import { act, renderHook } from "@testing-library/react";
import { ApiError, NetworkError, api } from "../api.js";
import { ERASED_ELSEWHERE, erasureError, notYetSent, withHistoryErased, withHistoryErasedElsewhere } from "./eraseHistory.js";
import { parseServerFrame } from "./protocol.js";
import { forgetHistory, historyKey, messageLog } from "./history.js";
import { unsentStore } from "./outbox.js";
import { useChat, type ChatState } from "./useChat.js";

afterEach(() => sessionStorage.clear());

const reply = { text: "Your checking balance is $1,000.00.", intent: { name: "balance", confidence: 1 }, actions: [] };
const shown = (over: Partial<ChatState> = {}): ChatState => ({
  entries: [
    { kind: "customer", id: "m1", text: "what's my balance" },
    { kind: "teller", key: "m1::x", replyTo: "m1", reply },
  ],
  status: "live",
  typing: false,
  unsent: new Set(),
  pending: { id: "c1", summary: "Send $5.00?", expiresAt: Date.now() + 60_000 },
  answered: { c0: "yes" },
  notice: "Reconnecting…",
  historyEnd: 2,
  handoff: true,
  agent: "Dana",
  agentSeq: 7,
  ...over,
});

describe("an erasure from another tab or device", () => {
  it("is a frame the page reads, and empties the conversation but for messages still waiting, saying why", () => {
    expect(parseServerFrame('{"type":"history_erased","by":"customer"}')).toEqual({ type: "history_erased", by: "customer" });
    expect(parseServerFrame('{"type":"history_erased","by":"someone"}')).toBeNull();
    const waiting = { kind: "customer" as const, id: "m2", text: "and savings?" };
    const erased = withHistoryErasedElsewhere(shown({ entries: [...shown().entries, waiting], unsent: new Set(["m2"]) }), "customer");
    expect(erased.entries).toEqual([waiting]);
    expect(erased.pending).toBeNull();
    expect(erased.notice).toBe("Your chat history was deleted on another tab or device, so it was cleared here too.");
    expect(withHistoryErasedElsewhere(shown(), "operator").notice).toBe(ERASED_ELSEWHERE.operator);
  });
});

describe("what the page keeps once the server erased the conversation", () => {
  it("nothing said before is shown; nothing is pending; the hand-off and agent cursor stay", () => {
    const erased = withHistoryErased(shown());
    expect(erased.entries).toEqual([]);
    expect(erased.answered).toEqual({});
    expect(erased.pending).toBeNull();
    expect(erased.notice).toBeNull();
    expect(erased.historyEnd).toBeUndefined();
    expect({ handoff: erased.handoff, agent: erased.agent, agentSeq: erased.agentSeq, status: erased.status }).toEqual({ handoff: true, agent: "Dana", agentSeq: 7, status: "live" });
  });

  it("this tab's log of the customer's words goes; the draft and another customer's log stay", () => {
    messageLog("cus_alex_kim").add({ id: "m1", text: "what's my balance", at: 1 });
    messageLog("cus_sam_okafor").add({ id: "s1", text: "hello", at: 1 });
    sessionStorage.setItem("teller.draft.cus_alex_kim", "and my savings");
    forgetHistory("cus_alex_kim");
    expect(sessionStorage.getItem(historyKey("cus_alex_kim"))).toBeNull();
    expect(messageLog("cus_sam_okafor").load()).toHaveLength(1);
    expect(sessionStorage.getItem("teller.draft.cus_alex_kim")).toBe("and my savings");
    expect(unsentStore("cus_alex_kim").load()).toEqual([]);
  });
});

describe("messages not answered yet hold the erasure back", () => {
  it("counts queued and on-their-way messages, and failed ones shown with Retry, once each", () => {
    expect(notYetSent(shown())).toBe(0);
    expect(notYetSent(shown({ unsent: new Set(["m2"]) }))).toBe(1);
    const failed = shown({
      entries: [
        { kind: "customer", id: "m2", text: "send $5 to Jordan", error: "Not sent." },
        { kind: "customer", id: "m3", text: "hello", error: "Not sent." },
      ],
      unsent: new Set(["m3"]),
    });
    expect(notYetSent(failed)).toBe(2);
  });
});

describe("words for an erasure that failed", () => {
  it("the deadline's 504: may not be complete, try again", () => {
    expect(erasureError(new ApiError(504, "timeout", "Erasing the conversation took too long"))).toBe(
      "Deleting your chat history took too long and may not be complete. Please try again.",
    );
  });
  it("a server failure: may not be fully deleted (the Durable Object's part goes first)", () => {
    expect(erasureError(new ApiError(503, "unavailable", "the conversation could not be erased completely; try again"))).toMatch(/^Your chat history may not be fully deleted\./);
  });
  it("no answer: may not be deleted, check the connection", () => {
    expect(erasureError(new NetworkError("Failed to fetch"))).toMatch(/can't reach Teller.*may not be deleted/);
  });
  it("an ended session: not deleted, sign in again", () => {
    expect(erasureError(new ApiError(401, "unauthorized", "token expired"))).toBe("Your chat history wasn't deleted. Your session has ended. Please sign in again.");
  });
});

describe("useChat's eraseHistory: the page clears only what the server erased", () => {
  const session = { token: "t", expiresAt: Date.now() + 3_600_000, customerId: "cus_alex_kim", name: "Alex Kim", signedInAt: Date.now() };

  it("a failed erasure clears nothing; a done one empties the conversation and this tab's log", async () => {
    // No socket in these tests: the ticket never comes, so the connection stays "connecting".
    vi.spyOn(api, "wsTicket").mockReturnValue(new Promise(() => {}));
    const erase = vi.spyOn(api, "eraseConversation").mockRejectedValueOnce(new ApiError(503, "unavailable", "try again"));
    const { result, unmount } = renderHook(() => useChat(session));
    act(() => result.current.send("what's my balance"));
    expect(result.current.entries).toHaveLength(1);

    await act(async () => expect(result.current.eraseHistory()).rejects.toBeInstanceOf(ApiError));
    expect(result.current.entries).toHaveLength(1);
    expect(messageLog(session.customerId).load()).toHaveLength(1);

    erase.mockResolvedValueOnce({ erased: true, turns: 1, events: 2 });
    await act(() => result.current.eraseHistory());
    expect(erase).toHaveBeenCalledWith("t");
    expect(result.current.entries).toEqual([]);
    expect(sessionStorage.getItem(historyKey(session.customerId))).toBeNull();
    unmount();
    vi.restoreAllMocks();
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, render, screen } from "@testing-library/react";
import type { HandoffDetail, QueueItem } from "./staffApi.js";

const HELD: QueueItem = {
  id: "h1",
  customerId: "cus_1",
  customerName: "Alex Kim",
  status: "assigned",
  reason: "customer_request",
  intent: "human_agent",
  requestedAt: "2026-12-02T09:00:00.000Z",
  waitingMs: 1000,
  agentId: "stf_dana",
  agentName: "Dana Whitfield",
};
const DETAIL: HandoffDetail = { handoff: HELD, transcript: [{ id: "l1", from: "customer", text: "I need a person", at: 1 }], accounts: [], transactions: [] };

const api = vi.hoisted(() => ({ queue: vi.fn(), view: vi.fn() }));
vi.mock("./staffApi.js", () => ({ staffApi: api }));
// The desk socket is not under test: live at once, and (as on connecting) the queue is read.
vi.mock("./useDesk.js", async () => {
  const { useEffect } = await import("react");
  return {
    useDesk: (_token: string, onFrame: (frame: { type: "queue_changed" }) => void) => {
      useEffect(() => onFrame({ type: "queue_changed" }), []);
      return "live";
    },
  };
});

afterEach(() => {
  cleanup();
  sessionStorage.clear();
  vi.clearAllMocks();
});

describe("staff console", () => {
  it("opens the conversation an agent already holds when they sign in again", async () => {
    sessionStorage.setItem(
      "teller.staff.session",
      JSON.stringify({ token: "t", staff: { id: "stf_dana", name: "Dana Whitfield", role: "agent" }, expiresAt: Date.now() + 3_600_000 }),
    );
    api.queue.mockResolvedValue({ items: [HELD] });
    api.view.mockResolvedValue(DETAIL);
    const { default: AgentApp } = await import("./AgentApp.js");
    render(<AgentApp />);
    // It once showed "Claim a conversation to answer it." until Open was pressed.
    expect(await screen.findByRole("region", { name: "Conversation with Alex Kim" })).toBeTruthy();
    expect(screen.getByText("I need a person")).toBeTruthy();
    expect(screen.queryByText("Claim a conversation to answer it.")).toBeNull();
    expect(api.view).toHaveBeenCalledTimes(1);
  });
});

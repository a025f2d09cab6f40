import { describe, expect, it } from "vitest";
import { withAgentMessage } from "./agentEntries.js";
import type { ChatState } from "./useChat.js";
import type { AgentMessage } from "./protocol.js";

const empty: ChatState = { entries: [], status: "live", typing: false, unsent: new Set(), pending: null, answered: {}, notice: null };
const message = (seq: number, kind: AgentMessage["kind"], text: string): AgentMessage => ({ id: `m${seq}`, seq, kind, text, at: seq, agentName: "Dana" });

describe("the bank's people in the customer's chat", () => {
  it("adds each message once, follows who holds the conversation, and clears it when they leave", () => {
    let state = withAgentMessage(empty, message(1, "joined", "Dana from the bank joined the chat."));
    expect(state).toMatchObject({ agent: "Dana", handoff: true, agentSeq: 1 });
    state = withAgentMessage({ ...state, agentTyping: "Dana" }, message(2, "message", "Hello"));
    expect(state.agentTyping).toBeNull();
    expect(withAgentMessage(state, message(2, "message", "Hello")).entries).toHaveLength(2);
    state = withAgentMessage(state, message(3, "left", "Dana handed you back to Teller."));
    expect(state).toMatchObject({ agent: null, handoff: false, agentSeq: 3 });
    expect(state.entries.map((e) => (e.kind === "agent" ? e.message.kind : e.kind))).toEqual(["joined", "message", "left"]);
  });
});

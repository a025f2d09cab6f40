import { describe, expect, it } from "vitest";
import { withTurnFromElsewhere, type ChatState } from "./useChat.js";
import type { Reply } from "./protocol.js";

const empty = (): ChatState => ({ entries: [], status: "live", typing: false, unsent: new Set(), pending: null, answered: {}, notice: null });
const confirm: Reply = {
  text: "Send $40.00 from Everyday Checking ••1001 to “Jordan Lee”?",
  intent: { name: "transfer", confidence: 1 },
  actions: [],
  confirmation: { id: "cf-1", summary: "Send $40.00?", expiresAt: Date.now() + 60_000 },
};

describe("a turn sent from another tab", () => {
  it("shows the customer's words and the answer at the end, with its confirmation pending here too", () => {
    const state = withTurnFromElsewhere(empty(), "m1", { text: "send $40 to Jordan from checking" }, confirm, 1_000);
    expect(state.entries.map((e) => e.kind)).toEqual(["customer", "teller"]);
    expect(state.entries[0]).toMatchObject({ kind: "customer", id: "m1", text: "send $40 to Jordan from checking", at: 1_000 });
    expect(state.pending?.id).toBe("cf-1");
  });

  it("records a button pressed there as answered here, and shows a repeated turn once", () => {
    const said = { text: "Yes", confirmation: { id: "cf-1", answer: "yes" as const } };
    const done: Reply = { text: "Done: sent $40.00.", intent: { name: "transfer", confidence: 1 }, actions: [] };
    let state = withTurnFromElsewhere(empty(), "m2", said, done);
    state = withTurnFromElsewhere(state, "m2", said, done);
    expect(state.entries).toHaveLength(2);
    expect(state.answered).toEqual({ "cf-1": "yes" });
  });

  it("puts a turn read late before the message this tab sent meanwhile, as the server kept them, and leaves what is pending to the newer one", () => {
    const mine: Reply = { text: "Your balances: …", intent: { name: "balance", confidence: 1 }, actions: [] };
    let state: ChatState = { ...empty(), entries: [{ kind: "customer", id: "mine-1", text: "what's my balance?", at: 2_000 }] };
    state = withTurnFromElsewhere(state, "mine-1", { text: "what's my balance?" }, mine, 2_500);
    // Said in the other tab at 1 s (seq 1), read here at 3 s after this tab's own turn (seq 2).
    state = withTurnFromElsewhere(state, "tab-a-1", { text: "send $40 to Jordan from checking" }, confirm, 1_000, "mine-1");
    expect(state.entries.map((e) => (e.kind === "customer" ? e.id : `re:${e.kind === "teller" ? e.replyTo : ""}`))).toEqual(["tab-a-1", "re:tab-a-1", "mine-1", "re:mine-1"]);
    expect(state.pending).toBeNull();
    // Nothing of this tab's to go before (not on screen): at the end, as before.
    const alone = withTurnFromElsewhere(empty(), "tab-a-2", { text: "hi" }, confirm, 1_000, "gone");
    expect(alone.entries.map((e) => e.kind)).toEqual(["customer", "teller"]);
    expect(alone.pending?.id).toBe("cf-1");
  });
});

import { describe, expect, it } from "vitest";
import type { Staff } from "../packages/handoff/staff.js";
import { uniqueCustomerId } from "../test/workerd/helpers.js";
import { chatSession } from "../test/workerd/session-faults.js";

// Hand-offs end to end (queue, claim, the customer's socket, expiry): test/workerd/handoff/.
const dana: Staff = { id: "stf_session_dana", name: "Dana Whitfield", role: "agent" };
const omar: Staff = { id: "stf_session_omar", name: "Omar Haddad", role: "agent" };

describe("the ChatSession's hand-off to people", () => {
  it("is held by one hand-off and one agent: only the holder speaks or types, and a message id is kept once", async () => {
    const customerId = uniqueCustomerId("session-handoff");
    const session = chatSession(customerId);
    const [held, other] = [crypto.randomUUID(), crypto.randomUUID()];
    expect((await session.agentJoined(customerId, held, dana)).ok).toBe(true);
    expect(await session.agentJoined(customerId, other, omar)).toMatchObject({ ok: false, status: 409 });

    expect(await session.agentSays(customerId, held, omar.id, { id: "a1", text: "hi" })).toMatchObject({ ok: false, status: 409 });
    expect(await session.agentTyping(customerId, held, omar.id, true)).toBe(false);
    expect(await session.agentTyping(customerId, held, dana.id, true)).toBe(true);
    const said = await session.agentSays(customerId, held, dana.id, { id: "a1", text: "Hello, I'm Dana." });
    expect(said).toMatchObject({ ok: true, value: { agentName: "Dana", text: "Hello, I'm Dana." } });
    expect(await session.agentSays(customerId, held, dana.id, { id: "a1", text: "Hello, I'm Dana." })).toEqual(said);
    expect(await session.agentSays(customerId, held, dana.id, { id: "a1", text: "something else" })).toMatchObject({ ok: false, status: 409 });

    const seen = await session.agentMessages(customerId, 0);
    expect(seen.held).toBe(true);
    expect(seen.messages.filter((m) => m.kind === "message").map((m) => m.text)).toEqual(["Hello, I'm Dana."]);
  });

  it("keeps Teller silent while held, lets it answer again once the holder leaves, and ignores leaving a hand-off it does not hold", async () => {
    const customerId = uniqueCustomerId("session-handback");
    const session = chatSession(customerId);
    const handoffId = crypto.randomUUID();
    await session.agentJoined(customerId, handoffId, dana);
    const held = await session.handleMessage(customerId, { id: "held-1", text: "what's my balance?" });
    expect(held).toMatchObject({ ok: true, value: { turn: { reply: { text: "", intent: { name: "agent_holds" } } }, decision: null } });

    expect(await session.agentLeaves(customerId, crypto.randomUUID(), dana.id, false)).toEqual({ ok: true, value: { left: false } });
    expect((await session.agentMessages(customerId, 0)).held).toBe(true);
    expect(await session.agentLeaves(customerId, handoffId, dana.id, false)).toEqual({ ok: true, value: { left: true } });
    expect((await session.agentMessages(customerId, 0)).held).toBe(false);
    const answered = await session.handleMessage(customerId, { id: "after-1", text: "hello" });
    expect(answered.ok && answered.value.turn.reply.intent.name).not.toBe("agent_holds");
    expect(answered.ok && answered.value.turn.reply.text).not.toBe("");
  });

  it("reads the bank's people's messages said at or after a sign-in only (since), as it does the turns", async () => {
    const customerId = uniqueCustomerId("session-handoff-since");
    const session = chatSession(customerId);
    const handoffId = crypto.randomUUID();
    await session.agentJoined(customerId, handoffId, dana);
    await session.agentSays(customerId, handoffId, dana.id, { id: "s1", text: "Your balance is $1,000." });
    const all = (await session.agentMessages(customerId, 0)).messages;
    const said = all.find((m) => m.id === "s1")!;
    const text = async (since?: string) => (await session.agentMessages(customerId, 0, since)).messages.map((m) => m.text);
    expect(await text(new Date(said.at).toISOString())).toEqual(["Your balance is $1,000."]);
    expect(await text(new Date(said.at + 1).toISOString())).toEqual([]);
    expect(await text()).toEqual(all.map((m) => m.text));
    // Who holds the conversation is told whatever the instant: the customer can still be answered.
    expect((await session.agentMessages(customerId, 0, new Date(said.at + 1).toISOString())).held).toBe(true);
  });

  it("answers a customer who is waiting for nobody that there is nothing to leave", async () => {
    const customerId = uniqueCustomerId("session-leave");
    expect(await chatSession(customerId).leaveQueue(customerId)).toMatchObject({ ok: false, status: 404, code: "not_found" });
  });
});

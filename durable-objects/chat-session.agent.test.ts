import { describe, expect, it } from "vitest";
import { env, runInDurableObject } from "cloudflare:test";
import type { AgentMessage, Staff } from "../packages/contract/handoff.js";
import type { ChatSessionStore } from "./chat-session.storage.js";

// The agent log (what people from the bank said in a hand-off) is kept in the ChatSession's meta
// table: sealed with the customer's transcript data key, like the turns, and gone on erasure.

const AGENT: Staff = { id: "stf_sealed_test", name: "Quentin Marsh", role: "agent" };

function sessionOf(customerId: string) {
  return env.CHAT_SESSION.get(env.CHAT_SESSION.idFromName(customerId));
}

/** Letters only, so redaction never masks part of it. */
function uniqueWords(): string {
  return `pomegranate lighthouse ${crypto.randomUUID().slice(0, 8).replace(/[0-9]/g, (d) => "ghijklmnop"[Number(d)]!)}`;
}

const storedMeta = (customerId: string) =>
  runInDurableObject(sessionOf(customerId), (_instance, state) =>
    Object.fromEntries(state.storage.sql.exec<{ key: string; value: string }>("SELECT key, value FROM meta").toArray().map((r) => [r.key, r.value])),
  );

async function agentHolds(customerId: string, handoffId: string, words: string) {
  const stub = sessionOf(customerId);
  const joined = await stub.agentJoined(customerId, handoffId, AGENT);
  expect(joined.ok).toBe(true);
  const said = await stub.agentSays(customerId, handoffId, AGENT.id, { id: `m-${handoffId}`, text: `hello, about the ${words}` });
  expect(said.ok).toBe(true);
  return stub;
}

describe("the agent log", () => {
  it("is stored sealed: the Durable Object's storage holds none of the agent's words, the customer and the agent read them back", async () => {
    const customerId = `agent-log-${crypto.randomUUID()}`;
    const words = uniqueWords();
    const stub = await agentHolds(customerId, "h-sealed", words);

    const meta = await storedMeta(customerId);
    expect(JSON.stringify(meta)).not.toContain("pomegranate");
    expect(JSON.stringify(meta)).not.toContain("joined");
    expect(meta.agent_log).toMatch(/^tc1\./);

    const read = await stub.agentMessages(customerId, 0);
    expect(read.held).toBe(true);
    expect(read.messages.map((m: AgentMessage) => [m.kind, m.seq])).toEqual([["joined", 1], ["message", 2]]);
    expect(read.messages[1]!.text).toBe(`hello, about the ${words}`);
    const view = await stub.agentView(customerId);
    expect(view.transcript.filter((e) => e.from === "agent").map((e) => e.text)).toContain(`hello, about the ${words}`);
  });

  it("is cleared on erasure, and its sequence carries on for HTTP clients' cursors", async () => {
    const customerId = `agent-log-${crypto.randomUUID()}`;
    const stub = await agentHolds(customerId, "h-erased", uniqueWords());
    const erased = await stub.eraseConversation(customerId, "customer");
    expect(erased.ok).toBe(true);
    expect((await storedMeta(customerId)).agent_log ?? "").toBe("");
    expect((await stub.agentMessages(customerId, 0)).messages).toEqual([]);

    const again = await stub.agentSays(customerId, "h-erased", AGENT.id, { id: "after-erasure", text: "still here" });
    expect(again.ok && again.value.seq).toBe(3);
    expect((await storedMeta(customerId)).agent_log).toMatch(/^tc1\./);
  });

  it("reads a log an older version stored in clear, and seals it with the next message", async () => {
    const customerId = `agent-log-${crypto.randomUUID()}`;
    const stub = sessionOf(customerId);
    const legacy: AgentMessage[] = [{ id: "old-1", kind: "message", agentName: "Quentin", text: "an older clear message", at: Date.now(), seq: 7 }];
    await stub.agentMessages(customerId, 0); // binds the object to the customer
    // Written through the object's own store, as an older version wrote them.
    await runInDurableObject(stub, (instance) => {
      const { store } = instance as unknown as { store: ChatSessionStore };
      store.setMeta("agent_log", JSON.stringify(legacy));
      store.setMeta("agent_hold", JSON.stringify({ handoffId: "h-legacy", agentId: AGENT.id, agentName: AGENT.name }));
    });
    expect((await stub.agentMessages(customerId, 0)).messages).toEqual(legacy);

    const next = await stub.agentSays(customerId, "h-legacy", AGENT.id, { id: "new-1", text: "now sealed" });
    expect(next.ok && next.value.seq).toBe(8);
    const meta = await storedMeta(customerId);
    expect(meta.agent_log).toMatch(/^tc1\./);
    expect(JSON.stringify(meta)).not.toContain("older clear message");
    expect((await stub.agentMessages(customerId, 6)).messages.map((m: AgentMessage) => m.id)).toEqual(["old-1", "new-1"]);
  });
});

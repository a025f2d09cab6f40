import { describe, expect, it } from "vitest";
import { env, runInDurableObject } from "cloudflare:test";
import { ChatSessionStore } from "./chat-session.storage.js";
import { initialState } from "../packages/dialogue/index.js";

const reply = (text: string) => ({ text, intent: { name: "notice", confidence: 1 }, actions: [] });

function freshSession() {
  return env.CHAT_SESSION.get(env.CHAT_SESSION.idFromName(`storage-test-${crypto.randomUUID()}`));
}

describe("the ChatSession's storage", () => {
  it("keeps notices once per id, at most twenty, oldest first, and reads an older version's execution notices", async () => {
    const notices = await runInDurableObject(freshSession(), async (_instance, state) => {
      const store = new ChatSessionStore(state.storage.sql, (work) => state.storage.transactionSync(work));
      store.setMeta("execution_notices", JSON.stringify([reply("finished while away")]));
      store.addNotice({ id: "a", reply: reply("first") });
      store.addNotice({ id: "a", reply: reply("first again") });
      for (let i = 0; i < 25; i++) store.addNotice({ id: `n${i}`, reply: reply(`n${i}`) });
      return store.loadNotices();
    });
    expect(notices).toHaveLength(20);
    expect(notices.at(-1)).toEqual({ id: "n24", reply: reply("n24") });
    expect(notices.filter((n) => n.id === "a")).toHaveLength(0);
  });

  it("commits a turn with its events and clears exactly the notices it showed", async () => {
    const after = await runInDurableObject(freshSession(), async (_instance, state) => {
      const store = new ChatSessionStore(state.storage.sql, (work) => state.storage.transactionSync(work));
      store.setMeta("execution_notices", JSON.stringify([reply("legacy")]));
      store.addNotice({ id: "shown", reply: reply("shown") });
      const shown = store.loadNotices().map((n) => n.id);
      store.addNotice({ id: "later", reply: reply("later") });
      const turn = { id: "m1", reply: reply("hello") };
      const event = { id: crypto.randomUUID(), type: "reply.sent" as const, customerId: "c", occurredAt: new Date().toISOString(), payload: {} };
      store.commitTurn({ messageId: "m1", text: "hi", turn: JSON.stringify(turn), events: [event], at: Date.now(), shownNotices: shown });
      return { notices: store.loadNotices(), turn: store.findTurn("m1"), events: store.countEvents() };
    });
    expect(after.notices.map((n) => n.id)).toEqual(["later"]);
    expect(after.turn).toEqual({ text: "hi", turn: JSON.stringify({ id: "m1", reply: reply("hello") }) });
    expect(after.events).toBe(1);
  });

  it("starts a conversation from the initial dialogue state", async () => {
    const state = await runInDurableObject(freshSession(), async (_instance, s) => new ChatSessionStore(s.storage.sql).loadState());
    expect(state).toEqual(initialState());
  });
});

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

  it("stores a turn's dialogue state with the turn, and reads back what was saved last, never the caller's object", async () => {
    const seen = await runInDurableObject(freshSession(), async (_instance, state) => {
      const store = new ChatSessionStore(state.storage.sql, (work) => state.storage.transactionSync(work));
      const ended = { ...initialState(), consecutiveFallbacks: 2 };
      store.commitTurn({ messageId: "m1", text: "hi", turn: "{}", events: [], at: Date.now(), shownNotices: [], state: ended });
      const first = store.loadState();
      ended.consecutiveFallbacks = 5;
      const again = store.loadState();
      store.saveState({ ...initialState(), consecutiveFallbacks: 3 });
      const fresh = new ChatSessionStore(state.storage.sql).loadState();
      return { first: first.consecutiveFallbacks, same: first === again, saved: store.loadState().consecutiveFallbacks, fresh: fresh.consecutiveFallbacks };
    });
    expect(seen).toEqual({ first: 2, same: true, saved: 3, fresh: 3 });
  });

  it("tells whether an execution is under way from the state last saved or stored", async () => {
    const seen = await runInDurableObject(freshSession(), async (_instance, state) => {
      const store = new ChatSessionStore(state.storage.sql);
      const idle = store.isExecuting();
      store.saveState({ ...initialState(), executing: { effectId: "e1" } as never });
      const saved = store.isExecuting();
      const stored = new ChatSessionStore(state.storage.sql).isExecuting();
      store.saveState(initialState());
      return { idle, saved, stored, after: store.isExecuting() };
    });
    expect(seen).toEqual({ idle: false, saved: true, stored: true, after: false });
  });

  it("starts a conversation from the initial dialogue state", async () => {
    const state = await runInDurableObject(freshSession(), async (_instance, s) => new ChatSessionStore(s.storage.sql).loadState());
    expect(state).toEqual(initialState());
  });

  it("keeps a sent event, out of the unsent ones, until it is deleted; due for confirmation later, and later again after resends", async () => {
    const seen = await runInDurableObject(freshSession(), async (_instance, state) => {
      const store = new ChatSessionStore(state.storage.sql, (work) => state.storage.transactionSync(work));
      const event = { id: crypto.randomUUID(), type: "reply.sent" as const, customerId: "c", occurredAt: new Date().toISOString(), payload: {} };
      store.queueEvent(event);
      const delays: number[] = [];
      for (let send = 1; send <= 7; send++) {
        store.markSent([event.id], 1_000, 30_000);
        delays.push(store.nextConfirmAt()! - 1_000);
      }
      const held = { unsent: store.pendingEvents(50).length, events: store.countEvents(), sent: store.countSent() };
      const due = { before: store.sentDue(1_000 + 479_999, 10).length, at: store.sentDue(1_000 + 480_000, 10).map((e) => e.id) };
      store.deleteEvents([event.id]);
      return { delays, held, due, expected: event.id, after: { events: store.countEvents(), sent: store.countSent(), next: store.nextConfirmAt() ?? null } };
    });
    expect(seen.delays).toEqual([30_000, 30_000, 60_000, 120_000, 240_000, 480_000, 480_000]);
    expect(seen.held).toEqual({ unsent: 0, events: 1, sent: 1 });
    expect(seen.due).toEqual({ before: 0, at: [seen.expected] });
    expect(seen.after).toEqual({ events: 0, sent: 0, next: null });
  });

  it("finds every unsent event, oldest first, however many sent ones wait before them, and one stored with an earlier time too", async () => {
    const seen = await runInDurableObject(freshSession(), async (_instance, state) => {
      const store = new ChatSessionStore(state.storage.sql, (work) => state.storage.transactionSync(work));
      const event = () => ({ id: crypto.randomUUID(), type: "reply.sent" as const, customerId: "c", occurredAt: new Date().toISOString(), payload: {} });
      const flush = () => {
        const batch = store.pendingEvents(50);
        store.markSent(batch.map((e) => e.id), 0, 30_000);
        return batch.map((e) => e.id);
      };
      const old = Array.from({ length: 120 }, event);
      store.saveEvents(old, 1_000);
      const first = [flush(), flush(), flush()].map((ids) => ids.length);
      const [later, late] = [event(), event()];
      store.saveEvents([later], 5_000);
      const next = flush();
      store.saveEvents([late], 2_000); // stored after the flush, with an earlier time
      const again = flush();
      const unsent = store.pendingEvents(50).length;
      // A new store (a new isolate) looks from the oldest, and finds them all sent.
      return { first, next, again, unsent, fresh: new ChatSessionStore(state.storage.sql).pendingEvents(50).length, later: later.id, late: late.id };
    });
    expect(seen.first).toEqual([50, 50, 20]);
    expect(seen.next).toEqual([seen.later]);
    expect(seen.again).toEqual([seen.late]);
    expect(seen.unsent).toBe(0);
    expect(seen.fresh).toBe(0);
  });

  it("erasure and retention take sent events of the conversation too, and leave the others", async () => {
    const left = await runInDurableObject(freshSession(), async (_instance, state) => {
      const store = new ChatSessionStore(state.storage.sql, (work) => state.storage.transactionSync(work));
      const event = (type: "message.received" | "audit.card") => ({ id: crypto.randomUUID(), type, customerId: "c", occurredAt: new Date().toISOString(), payload: {} });
      const [words, audit, oldWords] = [event("message.received"), event("audit.card"), event("message.received")];
      store.saveEvents([words, audit], 5_000);
      store.saveEvents([oldWords], 1_000);
      store.markSent([words.id, audit.id, oldWords.id], 6_000, 30_000);
      store.trimEventsBefore(2_000, ["message.received"]);
      const afterRetention = store.sentDue(Number.MAX_SAFE_INTEGER, 10).map((e) => e.type).sort();
      store.eraseConversation(["message.received"]);
      return { afterRetention, afterErasure: store.sentDue(Number.MAX_SAFE_INTEGER, 10).map((e) => e.type), sent: store.countSent() };
    });
    expect(left).toEqual({ afterRetention: ["audit.card", "message.received"], afterErasure: ["audit.card"], sent: 1 });
  });
  it("looks a message id up in the turns table only when a kept turn may have it, and forgets trimmed, expired and erased ids", async () => {
    const seen = await runInDurableObject(freshSession(), async (_instance, state) => {
      const lookups: string[] = [];
      const sql = countingSql(state.storage.sql, (query) => query.includes("FROM turns WHERE message_id") && lookups.push(query));
      const store = new ChatSessionStore(sql, (work) => state.storage.transactionSync(work));
      const commit = (id: string, at: number) => store.commitTurn({ messageId: id, text: id, turn: JSON.stringify({ id, reply: reply(id) }), events: [], at, shownNotices: [] });
      commit("old", 1_000);
      const fresh = store.findTurn("never-stored");
      const kept = store.findTurn("old")?.text;
      const lookupsSoFar = lookups.length;
      for (let i = 0; i < 205; i++) commit(`t${i}`, 2_000 + i);
      const afterTrim = { old: store.findTurn("old"), t4: store.findTurn("t4"), t5: store.findTurn("t5")?.text, kept: store.countTurns() };
      store.trimTurnsBefore(2_010);
      const afterRetention = { t9: store.findTurn("t9"), t10: store.findTurn("t10")?.text };
      store.eraseConversation([]);
      const afterErasure = store.findTurn("t10");
      commit("t10", 9_000);
      // Another instance of the object (a wake-up) reads the kept ids from SQLite.
      const reread = new ChatSessionStore(state.storage.sql).findTurn("t10")?.text;
      return { fresh, kept, lookupsSoFar, afterTrim, afterRetention, afterErasure, reread };
    });
    expect(seen).toEqual({
      fresh: undefined,
      kept: "old",
      lookupsSoFar: 1,
      afterTrim: { old: undefined, t4: undefined, t5: "t5", kept: 200 },
      afterRetention: { t9: undefined, t10: "t10" },
      afterErasure: undefined,
      reread: "t10",
    });
  });

  it("commits a turn in three statements (state, turn, events) while fewer than KEEP_TURNS are kept", async () => {
    const statements = await runInDurableObject(freshSession(), async (_instance, state) => {
      let count = 0;
      const store = new ChatSessionStore(countingSql(state.storage.sql, () => count++), (work) => state.storage.transactionSync(work));
      const event = () => ({ id: crypto.randomUUID(), type: "reply.sent" as const, customerId: "c", occurredAt: new Date().toISOString(), payload: {} });
      store.findTurn("warm-up");
      count = 0;
      store.commitTurn({ messageId: "m1", text: "hi", turn: "{}", events: [event(), event()], at: 1, shownNotices: [], state: initialState() });
      return count;
    });
    expect(statements).toBe(3);
  });

  it("after a commit that rolled back, the message id is new again", async () => {
    const seen = await runInDurableObject(freshSession(), async (_instance, state) => {
      const store = new ChatSessionStore(state.storage.sql, (work) => state.storage.transactionSync(work));
      const event = { id: crypto.randomUUID(), type: "reply.sent" as const, customerId: "c", occurredAt: new Date().toISOString(), payload: {} };
      store.saveEvents([event], 1);
      // The same event id again: the outbox insert fails and the whole commit rolls back.
      const failed = (() => {
        try {
          store.commitTurn({ messageId: "m1", text: "hi", turn: "{}", events: [event], at: 2, shownNotices: [] });
          return false;
        } catch {
          return true;
        }
      })();
      const afterRollback = store.findTurn("m1");
      store.commitTurn({ messageId: "m1", text: "hi again", turn: "{}", events: [], at: 3, shownNotices: [] });
      return { failed, afterRollback, stored: store.findTurn("m1")?.text, turns: store.countTurns() };
    });
    expect(seen).toEqual({ failed: true, afterRollback: undefined, stored: "hi again", turns: 1 });
  });
});

/** The object's SqlStorage, telling `seen` about every statement it runs. */
function countingSql(sql: SqlStorage, seen: (query: string) => unknown): SqlStorage {
  return new Proxy(sql, {
    get(target, key) {
      if (key === "exec") return (query: string, ...bindings: unknown[]) => (seen(query), target.exec(query, ...bindings));
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

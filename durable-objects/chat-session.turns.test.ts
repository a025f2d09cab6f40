import { describe, expect, it } from "vitest";
import { env, runInDurableObject } from "cloudflare:test";
import { ChatSessionStore } from "./chat-session.storage.js";
import { keptTurns, openKeptTurn, storedTurnsPage } from "./chat-session.turns.js";

function freshSession() {
  return env.CHAT_SESSION.get(env.CHAT_SESSION.idFromName(`turns-test-${crypto.randomUUID()}`));
}

const turn = (id: string) => JSON.stringify({ id, reply: { text: `answer ${id}`, intent: { name: "greeting", confidence: 1 }, actions: [] } });

/** A session holding turns m1…m5 (seq 1…5, answered at 1000, 2000, …). */
async function withFiveTurns<T>(read: (sql: SqlStorage) => T): Promise<T> {
  return runInDurableObject(freshSession(), async (_instance, state) => {
    const store = new ChatSessionStore(state.storage.sql, (work) => state.storage.transactionSync(work));
    for (let i = 1; i <= 5; i++) store.saveTurn(`m${i}`, `said ${i}`, turn(`m${i}`), [], i * 1000);
    return read(state.storage.sql);
  });
}

const ids = (page: { rows: Array<{ messageId: string }> }) => page.rows.map((r) => r.messageId);

describe("a page of the kept turns", () => {
  it("reads after a sequence number or a message id, oldest first, a page at a time", async () => {
    const pages = await withFiveTurns((sql) => ({
      fromStart: storedTurnsPage(sql, { seq: 0 }, 2),
      afterSeq: storedTurnsPage(sql, { seq: 2 }, 2),
      afterId: storedTurnsPage(sql, { messageId: "m4" }, 20),
      unknownId: storedTurnsPage(sql, { messageId: "gone" }, 20),
    }));
    expect(pages.fromStart).toMatchObject({ more: true, next: 2 });
    expect(ids(pages.fromStart)).toEqual(["m1", "m2"]);
    expect(pages.fromStart.rows[0]).toEqual({ seq: 1, messageId: "m1", text: "said 1", turn: turn("m1"), at: 1000 });
    expect(pages.afterSeq).toMatchObject({ more: true, next: 4 });
    expect(ids(pages.afterSeq)).toEqual(["m3", "m4"]);
    expect(pages.afterId).toMatchObject({ more: false, next: 5 });
    expect(ids(pages.afterId)).toEqual(["m5"]);
    // An id no longer kept (or never sent): everything kept, as the socket's resume does.
    expect(ids(pages.unknownId)).toEqual(["m1", "m2", "m3", "m4", "m5"]);
  });

  it("without a cursor reads the newest turns; with limit 0 only where the conversation stands", async () => {
    const pages = await withFiveTurns((sql) => ({
      newest: storedTurnsPage(sql, undefined, 2),
      where: storedTurnsPage(sql, undefined, 0),
      caughtUp: storedTurnsPage(sql, { seq: 5 }, 20),
      behind: storedTurnsPage(sql, { seq: 3 }, 0),
      // A cursor past the newest (the conversation was erased and began again): back to the newest.
      past: storedTurnsPage(sql, { seq: 90 }, 20),
    }));
    expect(ids(pages.newest)).toEqual(["m4", "m5"]);
    expect(pages.newest).toMatchObject({ more: false, next: 5 });
    expect(pages.where).toEqual({ rows: [], more: false, next: 5 });
    expect(pages.caughtUp).toEqual({ rows: [], more: false, next: 5 });
    expect(pages.behind).toEqual({ rows: [], more: true, next: 3 });
    expect(pages.past).toEqual({ rows: [], more: false, next: 5 });
  });

  it("reads only turns kept at or after `since` (a sign-in): with a cursor or without, and the socket's resume the same", async () => {
    const pages = await withFiveTurns((sql) => {
      const store = new ChatSessionStore(sql);
      return {
        newest: storedTurnsPage(sql, undefined, 20, 3000),
        fromStart: storedTurnsPage(sql, { seq: 0 }, 2, 3000),
        afterId: storedTurnsPage(sql, { messageId: "m1" }, 20, 4500),
        later: storedTurnsPage(sql, undefined, 20, 9000),
        resume: store.turnsAfter(undefined, 50, 4000).length,
        resumeAfter: store.turnsAfter("m4", 50, 4000).length,
        resumeAll: store.turnsAfter(undefined, 50).length,
      };
    });
    expect(ids(pages.newest)).toEqual(["m3", "m4", "m5"]);
    expect(ids(pages.fromStart)).toEqual(["m3", "m4"]);
    expect(pages.fromStart).toMatchObject({ more: true, next: 4 });
    expect(ids(pages.afterId)).toEqual(["m5"]);
    // Signed in after the last turn: nothing to show, the cursor where the conversation stands.
    expect(pages.later).toEqual({ rows: [], more: false, next: 5 });
    expect([pages.resume, pages.resumeAfter, pages.resumeAll]).toEqual([2, 1, 5]);
  });

  it("starts at 0 in a conversation with no turns", async () => {
    const page = await runInDurableObject(freshSession(), async (_instance, state) => {
      new ChatSessionStore(state.storage.sql);
      return storedTurnsPage(state.storage.sql, { seq: 0 }, 20);
    });
    expect(page).toEqual({ rows: [], more: false, next: 0 });
  });

  it("opens each turn and the customer's words, and leaves out a turn whose key was erased", async () => {
    const rows = [1, 2, 3].map((i) => ({ seq: i, messageId: `m${i}`, text: `sealed-said-${i}`, turn: `sealed-${turn(`m${i}`)}`, at: i * 1000 }));
    const open = async (sealed: string) => (sealed.includes("m2") || sealed === "sealed-said-2" ? undefined : sealed.replace(/^sealed-(said-)?/, ""));
    const kept = await keptTurns(rows, open);
    expect(kept.map((t) => t.turn.id)).toEqual(["m1", "m3"]);
    expect(kept[0]).toEqual({ seq: 1, at: new Date(1000).toISOString(), said: { text: "1" }, turn: JSON.parse(turn("m1")) });
  });

  it("unseals the customer's words only once their turn has opened", async () => {
    const opened: string[] = [];
    const open = async (sealed: string) => {
      opened.push(sealed);
      return sealed.startsWith("erased") ? undefined : sealed.replace(/^sealed-/, "");
    };
    // The turn's key was erased: its words are not read at all (before, they were unsealed first).
    expect(await openKeptTurn({ turn: "erased-turn", text: "sealed-my words" }, open)).toBeUndefined();
    expect(opened).toEqual(["erased-turn"]);
    // The turn opens but the words do not: the turn without them, for resume and the agent to show.
    expect(await openKeptTurn({ turn: `sealed-${turn("m1")}`, text: "erased-words" }, open)).toEqual({ turn: JSON.parse(turn("m1")), said: undefined });
    expect(await openKeptTurn({ turn: `sealed-${turn("m2")}`, text: "sealed-hello" }, open)).toEqual({ turn: JSON.parse(turn("m2")), said: "hello" });
  });
});

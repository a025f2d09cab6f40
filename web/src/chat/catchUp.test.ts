/**
 * Catching up over HTTP against an in-memory conversation that answers GET /api/chat/turns as the
 * server does (after a seq or a message id, pages, limit 0 for where it stands).
 */
import { describe, expect, it } from "vitest";
import { TurnCatchUp } from "./catchUp.js";
import { keptConversation as conversation } from "./fakes.js";

function follow(server: ReturnType<typeof conversation>, restore = false) {
  const seen: Array<{ id: string; restored: boolean }> = [];
  const states: unknown[] = [];
  const catchUp = new TurnCatchUp({
    read: (after, limit) => server.read(after, limit),
    restore: () => restore,
    onTurn: (turn, restored) => seen.push({ id: turn.turn.id, restored }),
    onState: (state) => states.push(state),
    pageSize: 2,
  });
  return { catchUp, seen, states, ids: () => seen.map((s) => s.id) };
}

describe("catching up over HTTP", () => {
  it("starts where the conversation stands, then passes on each later turn once, page after page", async () => {
    const server = conversation();
    server.say("a1", "hello");
    const tab = follow(server);
    await tab.catchUp.run();
    expect(tab.ids()).toEqual([]);
    expect(server.reads).toEqual([[undefined, 0]]);

    for (const id of ["b1", "b2", "b3", "b4", "b5"]) server.say(id, id);
    await tab.catchUp.run();
    expect(tab.ids()).toEqual(["b1", "b2", "b3", "b4", "b5"]);
    expect(server.reads.slice(1)).toEqual([[1, 2], [3, 2], [5, 2]]);
    await tab.catchUp.run();
    expect(tab.ids()).toHaveLength(5);
    expect(tab.states.at(-1)).toEqual({ pendingConfirmation: null, pendingQuestion: null, handoff: false, agent: null });
  });

  it("after a reload, first restores the newest turns", async () => {
    const server = conversation();
    for (const id of ["a1", "a2", "a3"]) server.say(id, id);
    const tab = follow(server, true);
    await tab.catchUp.run();
    expect(tab.seen).toEqual([{ id: "a2", restored: true }, { id: "a3", restored: true }]);
  });

  it("goes on after the last turn a socket delivered, named by its message id", async () => {
    const server = conversation();
    for (const id of ["a1", "a2", "a3"]) server.say(id, id);
    const tab = follow(server);
    tab.catchUp.saw("a2");
    await tab.catchUp.run();
    expect(tab.ids()).toEqual(["a3"]);
    expect(server.reads[0]).toEqual(["a2", 2]);
  });

  it("reads one at a time: a call during a read reads once more after it", async () => {
    const server = conversation();
    const tab = follow(server);
    await tab.catchUp.run();
    server.say("b1", "b1");
    const first = tab.catchUp.run();
    server.say("b2", "b2");
    const second = tab.catchUp.run();
    const third = tab.catchUp.run();
    await Promise.all([first, second, third]);
    expect(tab.ids()).toEqual(["b1", "b2"]);
    expect(server.reads).toHaveLength(3);
  });

  it("passes on no state from a read that a newer reply overtook, and the next read's state again", async () => {
    const server = conversation();
    const tab = follow(server);
    await tab.catchUp.run();
    const statesBefore = tab.states.length;
    // The read is answered before the turn that opens a confirmation; that turn's reply arrives first.
    const read = tab.catchUp.run();
    tab.catchUp.heardNewer();
    await read;
    expect(tab.states).toHaveLength(statesBefore);
    await tab.catchUp.run();
    expect(tab.states).toHaveLength(statesBefore + 1);
  });

  it("keeps its cursor when a read fails, and says so to its caller", async () => {
    const server = conversation();
    let down = false;
    const seen: string[] = [];
    const catchUp = new TurnCatchUp({
      read: (after, limit) => (down ? Promise.reject(new Error("offline")) : server.read(after, limit)),
      restore: () => false,
      onTurn: (turn) => seen.push(turn.turn.id),
      onState: () => {},
    });
    await catchUp.run();
    server.say("b1", "b1");
    down = true;
    await expect(catchUp.run()).rejects.toThrow("offline");
    down = false;
    await catchUp.run();
    expect(seen).toEqual(["b1"]);
  });
});

/**
 * Restoring the conversation after a reload: the connection asks for the kept turns, marks the
 * ones it never sent as replays, and the chat state puts them back in order with the customer's
 * words from this tab's log. A failed message is retried with its own id, once.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../api.js";
import { ChatConnection, type ConnectionEvent } from "./connection.js";
import { HISTORY_LIMIT, messageLog } from "./history.js";
import { forgetCustomer, unsentStore } from "./outbox.js";
import { FakeSocket, keptConversation, reply } from "./fakes.js";
import { withReplayedTurn, withRestoredTurn, type ChatState } from "./useChat.js";
import { withAgentMessage } from "./agentEntries.js";


const empty: ChatState = { entries: [], status: "live", typing: false, unsent: new Set(), pending: undefined, answered: {}, notice: null };
const texts = (s: ChatState) => s.entries.map((e) => (e.kind === "teller" ? e.reply.text : e.kind === "agent" ? `bank: ${e.message.text}` : `me: ${e.text}`));

function connect(restore: boolean) {
  const events: ConnectionEvent[] = [];
  const connection = new ChatConnection({
    getToken: () => "token",
    onEvent: (e) => events.push(e),
    store: unsentStore("cus_test"),
    http: { wsTicket: async () => ({ ticket: "t1" }), send: async () => Promise.reject(new Error("not used")), turns: (_token, after, limit) => keptConversation().read(after, limit) },
    WebSocketImpl: FakeSocket as unknown as typeof WebSocket,
    socketUrl: (ticket) => `ws://test/?ticket=${ticket}`,
    retryBaseMs: 1,
    restore,
  });
  return { connection, events };
}

beforeEach(() => {
  FakeSocket.all = [];
  sessionStorage.clear();
});
afterEach(() => vi.restoreAllMocks());

describe("restoring after a reload", () => {
  it("asks for every kept turn on the first open only when restoring, and marks them as replays", async () => {
    const { connection, events } = connect(true);
    connection.start();
    await vi.waitFor(() => expect(FakeSocket.all).toHaveLength(1));
    const socket = FakeSocket.all[0]!;
    socket.open();
    expect(socket.sent).toEqual([{ type: "resume" }]);
    socket.receive({ type: "turn", turn: { id: "old", reply: reply("from before") } });
    connection.send({ id: "new", text: "now" });
    socket.receive({ type: "turn", turn: { id: "new", reply: reply("answer") } });
    const answers = events.filter((e) => e.type === "reply");
    expect(answers).toEqual([
      { type: "reply", id: "old", reply: reply("from before"), final: true, replay: true },
      { type: "reply", id: "new", reply: reply("answer"), final: true },
    ]);
    // A later reconnect resumes from the newest answer, as before.
    socket.close();
    await vi.waitFor(() => expect(FakeSocket.all).toHaveLength(2));
    FakeSocket.all[1]!.open();
    expect(FakeSocket.all[1]!.sent).toEqual([{ type: "resume", lastMessageId: "new" }]);
    connection.stop();
  });

  it("passes on the words the server kept with each replayed turn, and after the restore, a turn from elsewhere as live", async () => {
    const { connection, events } = connect(true);
    connection.start();
    await vi.waitFor(() => expect(FakeSocket.all).toHaveLength(1));
    const socket = FakeSocket.all[0]!;
    socket.open();
    const state = { type: "state", pendingConfirmation: null, pendingQuestion: { text: "How much would you like to send?", actions: [] }, handoff: false, agent: null };
    // The state the upgrade sends comes after the socket opened, before the resume's turns.
    socket.receive(state);
    socket.receive({ type: "turn", turn: { id: "a", reply: reply("Hi!"), at: "2026-12-04T10:00:00.000Z" }, said: { text: "hello" }, resumed: true });
    socket.receive({ type: "turn", turn: { id: "b", reply: reply("How much would you like to send?") }, said: { text: "send money to Chidi" }, resumed: true });
    socket.receive(state);
    socket.receive({ type: "turn", turn: { id: "c", reply: reply("You're welcome") }, said: { text: "thanks" } });
    const answers = events.filter((e) => e.type === "reply");
    expect(answers).toEqual([
      { type: "reply", id: "a", reply: reply("Hi!"), final: true, replay: true, said: { text: "hello" }, at: Date.parse("2026-12-04T10:00:00.000Z") },
      { type: "reply", id: "b", reply: reply("How much would you like to send?"), final: true, replay: true, said: { text: "send money to Chidi" } },
      { type: "reply", id: "c", reply: reply("You're welcome"), final: true, said: { text: "thanks" } },
    ]);
    expect(events.find((e) => e.type === "state")).toMatchObject({ pendingQuestion: { text: "How much would you like to send?" } });
    // Reconnected, what it missed (said in another tab meanwhile) is shown as said now, at the end.
    socket.close();
    await vi.waitFor(() => expect(FakeSocket.all).toHaveLength(2));
    FakeSocket.all[1]!.open();
    expect(FakeSocket.all[1]!.sent).toEqual([{ type: "resume", lastMessageId: "c" }]);
    FakeSocket.all[1]!.receive({ type: "turn", turn: { id: "d", reply: reply("Bye") }, said: { text: "bye" }, resumed: true });
    expect(events.filter((e) => e.type === "reply").at(-1)).toEqual({ type: "reply", id: "d", reply: reply("Bye"), final: true, said: { text: "bye" } });
    connection.stop();
  });

  it("restores over HTTP with the kept words too", async () => {
    const server = keptConversation();
    server.say("a", "send money to Chidi", reply("How much would you like to send?"));
    const events: ConnectionEvent[] = [];
    const connection = new ChatConnection({
      getToken: () => "token",
      onEvent: (e) => events.push(e),
      store: unsentStore("cus_test"),
      http: { wsTicket: async () => Promise.reject(new ApiError(404, "not_found", "no socket")), send: async () => Promise.reject(new Error("not used")), turns: (_token, after, limit) => server.read(after, limit) },
      restore: true,
      retryBaseMs: 1,
    });
    connection.start();
    await vi.waitFor(() => expect(events.some((e) => e.type === "reply")).toBe(true));
    expect(events.find((e) => e.type === "reply")).toMatchObject({ id: "a", replay: true, said: { text: "send money to Chidi" } });
    connection.stop();
  });

  it("asks only for this sign-in's turns: the socket's resume and reconnect, and every HTTP read, carry its instant", async () => {
    const signedInAt = Date.parse("2026-12-04T10:07:02.123Z");
    const reads: Array<number | undefined> = [];
    const build = (wsTicket: () => Promise<{ ticket: string }>) =>
      new ChatConnection({
        getToken: () => "token",
        onEvent: () => {},
        store: unsentStore("cus_test"),
        http: { wsTicket, send: async () => Promise.reject(new Error("not used")), turns: (_token, after, limit, since) => (reads.push(since), keptConversation().read(after, limit)) },
        WebSocketImpl: FakeSocket as unknown as typeof WebSocket,
        socketUrl: (ticket) => `ws://test/?ticket=${ticket}`,
        retryBaseMs: 1,
        restore: true,
        since: signedInAt,
      });
    const socketTab = build(async () => ({ ticket: "t1" }));
    socketTab.start();
    await vi.waitFor(() => expect(FakeSocket.all).toHaveLength(1));
    FakeSocket.all[0]!.open();
    expect(FakeSocket.all[0]!.sent).toEqual([{ type: "resume", since: "2026-12-04T10:07:02.123Z" }]);
    FakeSocket.all[0]!.receive({ type: "turn", turn: { id: "new", reply: reply("answer") } });
    FakeSocket.all[0]!.close();
    await vi.waitFor(() => expect(FakeSocket.all).toHaveLength(2));
    FakeSocket.all[1]!.open();
    expect(FakeSocket.all[1]!.sent).toEqual([{ type: "resume", lastMessageId: "new", since: "2026-12-04T10:07:02.123Z" }]);
    socketTab.stop();

    const httpTab = build(async () => Promise.reject(new ApiError(404, "not_found", "no socket")));
    httpTab.start();
    await vi.waitFor(() => expect(reads.length).toBeGreaterThan(0));
    expect(new Set(reads)).toEqual(new Set([signedInAt]));
    httpTab.stop();
  });

  it("shows a replayed turn this tab never sent with the words the server kept, in order; its own with its logged words", () => {
    let s: ChatState = { ...empty, entries: [{ kind: "customer", id: "queued", text: "still unsent" }] };
    s = withReplayedTurn(s, "a", reply("Hi!"), undefined, { text: "hello" }, 1000);
    s = withReplayedTurn(s, "b", reply("How much?"), { id: "b", text: "send money to Chidi 4111 1111", at: 2000 }, { text: "send money to Chidi •••• ••••" }, 2100);
    expect(texts(s)).toEqual(["me: hello", "Hi!", "me: send money to Chidi 4111 1111", "How much?", "me: still unsent"]);
    expect(s.entries[0]).toMatchObject({ at: 1000 });
    // Without words (an older server), nothing to show.
    expect(withReplayedTurn(s, "c", reply("?"), undefined)).toBe(s);
  });

  it("does not ask for old turns on a fresh sign-in", async () => {
    const { connection } = connect(false);
    connection.start();
    await vi.waitFor(() => expect(FakeSocket.all).toHaveLength(1));
    FakeSocket.all[0]!.open();
    expect(FakeSocket.all[0]!.sent).toEqual([]);
    connection.stop();
  });

  it("puts restored turns before what was sent since the reload, with the logged words and times", () => {
    let s: ChatState = { ...empty, entries: [{ kind: "customer", id: "queued", text: "still unsent" }] };
    s = withRestoredTurn(s, "a", reply("balance is $5"), { id: "a", text: "balance?", at: 1000, repliedAt: 2000 });
    s = withRestoredTurn(s, "b", reply("sent"), { id: "b", text: "Yes", at: 3000, confirmation: { id: "cf", answer: "yes" } });
    expect(texts(s)).toEqual(["me: balance?", "balance is $5", "me: Yes", "sent", "me: still unsent"]);
    expect(s.entries[0]).toMatchObject({ at: 1000 });
    expect(s.entries[1]).toMatchObject({ at: 2000 });
    // The restored "Yes" keeps its card answered, so it can't be answered twice.
    expect(s.answered).toEqual({ cf: "yes" });
    // Turns this tab never sent (its words aren't known) and turns already shown add nothing.
    expect(withRestoredTurn(s, "other-device", reply("?"), undefined)).toBe(s);
    expect(texts(withRestoredTurn(s, "a", reply("balance is $5"), undefined))).toEqual(texts(s));
  });

  it("keeps what the bank's people said in time order with the restored turns, whichever comes back first", () => {
    const agent = (seq: number, at: number, text: string) => ({ id: `a${seq}`, seq, kind: "message" as const, text, at, agentName: "Dana" });
    const turn = { id: "t", text: "move 50 to savings", at: 5000, repliedAt: 5100 };
    // The agent's words were read back first, then the turn.
    let s = withAgentMessage(empty, agent(1, 1000, "Hi, this is Dana"), true);
    s = withRestoredTurn(s, "t", reply("Which account?"), turn);
    expect(texts(s)).toEqual(["bank: Hi, this is Dana", "me: move 50 to savings", "Which account?"]);
    // The turn came back first, then the agent's words.
    s = withRestoredTurn(empty, "t", reply("Which account?"), turn);
    s = withAgentMessage(s, agent(1, 1000, "Hi, this is Dana"), true);
    expect(texts(s)).toEqual(["bank: Hi, this is Dana", "me: move 50 to savings", "Which account?"]);
    // A live message always goes last.
    expect(texts(withAgentMessage(s, agent(2, 900, "Still there?")))).toEqual([...texts(s), "bank: Still there?"]);
  });

  it("clears the failure of a message the server turns out to have answered", () => {
    const failed: ChatState = { ...empty, entries: [{ kind: "customer", id: "m1", text: "Yes", error: "lost" }] };
    const s = withRestoredTurn(failed, "m1", reply("Done: $7.00 sent"), undefined);
    expect(texts(s)).toEqual(["me: Yes", "Done: $7.00 sent"]);
    expect(s.entries[0]).not.toHaveProperty("error", "lost");
  });

  it("queues a retried message once even if Retry is pressed twice", async () => {
    const { connection } = connect(false);
    connection.start();
    await vi.waitFor(() => expect(FakeSocket.all).toHaveLength(1));
    const socket = FakeSocket.all[0]!;
    socket.open();
    connection.send({ id: "m1", text: "pay" });
    socket.receive({ type: "error", id: "m1", error: { code: "internal", message: "lost" } });
    connection.send({ id: "m1", text: "pay" });
    connection.send({ id: "m1", text: "pay" });
    expect(socket.sent.filter((f) => f.type === "message")).toEqual([
      { type: "message", id: "m1", text: "pay" },
      { type: "message", id: "m1", text: "pay" },
    ]);
    expect(connection.unsent.map((m) => m.id)).toEqual(["m1"]);
    connection.stop();
  });
});

describe("the message log", () => {
  it("keeps the newest messages up to the server's replay limit, notes answers, and is forgotten on sign-out", () => {
    const log = messageLog("cus_a");
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) log.add({ id: `m${i}`, text: `t${i}`, at: i });
    log.replied(`m${HISTORY_LIMIT + 4}`, 99);
    const kept = log.load();
    expect(kept).toHaveLength(HISTORY_LIMIT);
    expect(kept[0]!.id).toBe("m5");
    expect(kept.at(-1)).toEqual({ id: `m${HISTORY_LIMIT + 4}`, text: `t${HISTORY_LIMIT + 4}`, at: HISTORY_LIMIT + 4, repliedAt: 99 });
    expect(messageLog("cus_b").load()).toEqual([]);
    forgetCustomer("cus_a");
    expect(log.load()).toEqual([]);
  });
});

/**
 * The connection's delivery guarantees, against a scripted WebSocket and HTTP API: the network
 * edge is faked, the client logic (queue, resend, fallback, expiry) runs for real.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError, NetworkError } from "../api.js";
import { ChatConnection, type ConnectionEvent } from "./connection.js";
import { unsentStore } from "./outbox.js";
import type { OutgoingMessage } from "./protocol.js";
import { FakeSocket, keptConversation, reply } from "./fakes.js";



function setup(http: Partial<ConstructorParameters<typeof ChatConnection>[0]["http"]>, since?: number) {
  const events: ConnectionEvent[] = [];
  const store = unsentStore("cus_test");
  const connection = new ChatConnection({
    getToken: () => "token",
    onEvent: (e) => events.push(e),
    store,
    http: {
      wsTicket: http.wsTicket ?? (async () => ({ ticket: "t1" })),
      send: http.send ?? (async () => Promise.reject(new Error("not used"))),
      turns: http.turns ?? ((_token, after, limit) => keptConversation().read(after, limit)),
    },
    WebSocketImpl: FakeSocket as unknown as typeof WebSocket,
    socketUrl: (ticket) => `ws://test/api/chat/ws?ticket=${ticket}`,
    retryBaseMs: 1,
    ...(since === undefined ? {} : { since }),
  });
  const statuses = () => events.filter((e) => e.type === "status").map((e) => (e as { status: string }).status);
  const replies = () => events.filter((e) => e.type === "reply").map((e) => (e as { id: string }).id);
  return { connection, events, store, statuses, replies };
}

beforeEach(() => {
  FakeSocket.all = [];
  sessionStorage.clear();
});
afterEach(() => vi.restoreAllMocks());

describe("ChatConnection over the WebSocket", () => {
  it("opens its socket with its sign-in, so the first state frame is already this sign-in's", async () => {
    const { connection } = setup({}, Date.parse("2026-12-04T10:00:00.000Z"));
    connection.start();
    await vi.waitFor(() => expect(FakeSocket.all).toHaveLength(1));
    expect(FakeSocket.all[0]!.url).toBe("ws://test/api/chat/ws?ticket=t1&since=2026-12-04T10%3A00%3A00.000Z");
    connection.stop();
  });

  it("passes on a turn sent from another tab with its words, and resumes after it on reconnect", async () => {
    const { connection, events } = setup({});
    connection.start();
    await vi.waitFor(() => expect(FakeSocket.all).toHaveLength(1));
    const socket = FakeSocket.all[0]!;
    socket.open();
    socket.receive({ type: "turn", turn: { id: "other-1", reply: reply("Send $40.00?") }, said: { text: "send 40 to Jordan" } });
    expect(events.filter((e) => e.type === "reply")).toEqual([{ type: "reply", id: "other-1", reply: reply("Send $40.00?"), final: true, said: { text: "send 40 to Jordan" } }]);
    socket.receive({ type: "turn", turn: { id: "other-2", reply: reply("x") }, said: { text: 42 } });
    expect(events.filter((e) => e.type === "reply")).toHaveLength(1);
    socket.close();
    await vi.waitFor(() => expect(FakeSocket.all).toHaveLength(2));
    FakeSocket.all[1]!.open();
    expect(FakeSocket.all[1]!.sent[0]).toEqual({ type: "resume", lastMessageId: "other-1" });
    connection.stop();
  });

  it("passes on the server's time of a turn heard live, its own and another tab's; a turn without one, none", async () => {
    const { connection, events } = setup({});
    connection.start();
    await vi.waitFor(() => expect(FakeSocket.all).toHaveLength(1));
    const socket = FakeSocket.all[0]!;
    socket.open();
    connection.send({ id: "m1", text: "balance" });
    // Two tabs showed different minutes: each used its own receive time for a turn heard live.
    socket.receive({ type: "turn", turn: { id: "m1", reply: reply("You have $10"), at: "2026-12-03T09:59:58.000Z" } });
    socket.receive({ type: "turn", turn: { id: "other-1", reply: reply("Hi!"), at: "2026-12-03T10:00:01.000Z" }, said: { text: "hi" } });
    socket.receive({ type: "turn", turn: { id: "other-2", reply: reply("Bye!") }, said: { text: "bye" } });
    socket.receive({ type: "turn", turn: { id: "other-3", reply: reply("Hm"), at: "not a time" }, said: { text: "hm" } });
    const replies = events.filter((e) => e.type === "reply");
    expect(replies.map((e) => (e as { at?: number }).at)).toEqual([Date.parse("2026-12-03T09:59:58.000Z"), Date.parse("2026-12-03T10:00:01.000Z"), undefined, undefined]);
    connection.stop();
  });

  it("after its socket closes, reads nothing over HTTP: the reconnect resumes after the last turn it heard", async () => {
    const server = keptConversation();
    server.say("other-1", "hello");
    const { connection } = setup({ turns: (_token, after, limit) => server.read(after, limit) });
    connection.start();
    await vi.waitFor(() => expect(FakeSocket.all).toHaveLength(1));
    FakeSocket.all[0]!.open();
    FakeSocket.all[0]!.receive({ type: "turn", turn: { id: "other-1", reply: reply("re: hello") }, said: { text: "hello" } });
    server.say("other-2", "what's my balance");
    FakeSocket.all[0]!.close();
    await vi.waitFor(() => expect(FakeSocket.all).toHaveLength(2));
    FakeSocket.all[1]!.open();
    expect(FakeSocket.all[1]!.sent[0]).toEqual({ type: "resume", lastMessageId: "other-1" });
    expect(server.reads).toEqual([]);
    connection.stop();
  });

  it("sends on open, answers pings, and keeps a message queued until its reply", async () => {
    const { connection, store, replies } = setup({});
    connection.start();
    await vi.waitFor(() => expect(FakeSocket.all).toHaveLength(1));
    const socket = FakeSocket.all[0]!;
    expect(socket.url).toBe("ws://test/api/chat/ws?ticket=t1");
    socket.open();
    connection.send({ id: "m1", text: "balance" });
    expect(socket.sent).toEqual([{ type: "message", id: "m1", text: "balance" }]);
    expect(store.load().map((m) => m.id)).toEqual(["m1"]);
    socket.receive({ type: "ping" });
    expect(socket.sent.at(-1)).toEqual({ type: "pong" });
    socket.receive({ type: "typing", id: "m1" });
    // A streamed reply is shown, but the message stays queued until the whole turn arrives.
    socket.receive({ type: "reply", id: "m1", reply: reply("You have $10"), final: false });
    expect(replies()).toEqual(["m1"]);
    expect(store.load().map((m) => m.id)).toEqual(["m1"]);
    socket.receive({ type: "turn", turn: { id: "m1", reply: reply("You have $10") } });
    expect(replies()).toEqual(["m1", "m1"]);
    expect(store.load()).toEqual([]);
    connection.stop();
  });

  it("after a drop, reconnects, resumes from the last answer and resends the unanswered with the same ids", async () => {
    const { connection, statuses } = setup({});
    connection.start();
    await vi.waitFor(() => expect(FakeSocket.all).toHaveLength(1));
    const first = FakeSocket.all[0]!;
    first.open();
    connection.send({ id: "m1", text: "one" });
    first.receive({ type: "turn", turn: { id: "m1", reply: reply("r1") } });
    const confirm: OutgoingMessage = { id: "m2", text: "Yes", confirmation: { id: "cf", answer: "yes" } };
    connection.send(confirm);
    first.close();
    expect(statuses()).toContain("reconnecting");
    await vi.waitFor(() => expect(FakeSocket.all).toHaveLength(2));
    const second = FakeSocket.all[1]!;
    second.open();
    expect(second.sent).toEqual([
      { type: "resume", lastMessageId: "m1" },
      { type: "message", ...confirm },
    ]);
    expect(statuses().at(-1)).toBe("live");
    connection.stop();
  });

  it("resends what a reload left in the queue", async () => {
    unsentStore("cus_test").save([{ id: "old", text: "typed before reload" }]);
    const { connection } = setup({});
    connection.start();
    await vi.waitFor(() => expect(FakeSocket.all).toHaveLength(1));
    FakeSocket.all[0]!.open();
    expect(FakeSocket.all[0]!.sent).toEqual([{ type: "message", id: "old", text: "typed before reload" }]);
    connection.stop();
  });

  it("goes offline with the browser and comes back on its own", async () => {
    const { connection, statuses } = setup({});
    connection.start();
    await vi.waitFor(() => expect(FakeSocket.all).toHaveLength(1));
    FakeSocket.all[0]!.open();
    const onLine = vi.spyOn(navigator, "onLine", "get").mockReturnValue(false);
    window.dispatchEvent(new Event("offline"));
    expect(statuses().at(-1)).toBe("offline");
    connection.send({ id: "m9", text: "while offline" });
    onLine.mockReturnValue(true);
    window.dispatchEvent(new Event("online"));
    await vi.waitFor(() => expect(FakeSocket.all).toHaveLength(2));
    FakeSocket.all[1]!.open();
    expect(FakeSocket.all[1]!.sent).toEqual([{ type: "message", id: "m9", text: "while offline" }]);
    connection.stop();
  });

  it("reports a 401 as an expired session and stops", async () => {
    const { connection, statuses } = setup({ wsTicket: async () => Promise.reject(new ApiError(401, "unauthorized", "expired")) });
    connection.start();
    await vi.waitFor(() => expect(statuses()).toContain("expired"));
    expect(FakeSocket.all).toHaveLength(0);
  });
});

describe("ChatConnection over HTTP (no socket on the server)", () => {
  it("falls back when the ticket route doesn't exist, and retries a failed send with the same id", async () => {
    const sent: OutgoingMessage[] = [];
    let failNext = true;
    const { connection, statuses, replies, store } = setup({
      wsTicket: async () => Promise.reject(new ApiError(404, "not_found", "no such API route")),
      send: async (_token, message) => {
        sent.push(message);
        if (failNext) {
          failNext = false;
          throw new NetworkError("Failed to fetch");
        }
        return { id: message.id, reply: reply(`re ${message.text}`) };
      },
    });
    connection.start();
    await vi.waitFor(() => expect(statuses()).toContain("http"));
    connection.send({ id: "h1", text: "hi" });
    await vi.waitFor(() => expect(replies()).toEqual(["h1"]));
    expect(sent.map((m) => m.id)).toEqual(["h1", "h1"]);
    expect(statuses()).toContain("reconnecting");
    expect(store.load()).toEqual([]);
    expect(FakeSocket.all).toHaveLength(0);
    connection.stop();
  });

  it("says its sign-in with every message over HTTP: a confirmation from before it is not answered", async () => {
    const sent: OutgoingMessage[] = [];
    const since = Date.parse("2026-12-04T10:00:00.000Z");
    const { connection, replies } = setup(
      {
        wsTicket: async () => Promise.reject(new ApiError(404, "not_found", "no such API route")),
        send: async (_token, message) => {
          sent.push(message);
          return { id: message.id, reply: reply("ok") };
        },
      },
      since,
    );
    connection.start();
    connection.send({ id: "h1", text: "yes" });
    await vi.waitFor(() => expect(replies()).toEqual(["h1"]));
    expect(sent).toEqual([{ id: "h1", text: "yes", since: "2026-12-04T10:00:00.000Z" }]);
    connection.stop();
  });

  it("shows what another tab said, with its words, once; its own answers are not shown again", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const server = keptConversation();
    server.say("before", "said before this tab opened");
    const { connection, events, statuses } = setup({
      wsTicket: async () => Promise.reject(new ApiError(404, "not_found", "no such API route")),
      send: async (_token, message) => {
        server.say(message.id, message.text);
        return { id: message.id, reply: reply(`re: ${message.text}`) };
      },
      turns: (_token, after, limit) => server.read(after, limit),
    });
    const shown = () => events.filter((e) => e.type === "reply").map((e) => (e as { id: string; said?: { text: string } }).said?.text ?? (e as { id: string }).id);
    connection.start();
    await vi.waitFor(() => expect(statuses()).toContain("http"));
    await vi.waitFor(() => expect(server.reads).toEqual([[undefined, 0]]));
    server.say("tab-a-1", "send 40 to Jordan");
    connection.send({ id: "mine-1", text: "hello" });
    await vi.waitFor(() => expect(shown()).toEqual(["mine-1"]));
    vi.advanceTimersByTime(3_000);
    await vi.waitFor(() => expect(shown()).toEqual(["mine-1", "send 40 to Jordan"]));
    vi.advanceTimersByTime(3_000);
    await vi.waitFor(() => expect(server.reads).toHaveLength(3));
    expect(shown()).toEqual(["mine-1", "send 40 to Jordan"]);
    expect(events.filter((e) => e.type === "state").at(-1)).toEqual({ type: "state", pendingConfirmation: null, pendingQuestion: null, handoff: false, agent: null });
    connection.stop();
    vi.useRealTimers();
  });

  it("names the message this tab sent that a turn read late was kept before, so it is shown in the server's order", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const server = keptConversation();
    let answer: (() => void) | undefined;
    const { connection, events, statuses } = setup({
      wsTicket: async () => Promise.reject(new ApiError(404, "not_found", "no such API route")),
      send: async (_token, message) => {
        server.say(message.id, message.text);
        // "mine-2"'s answer is still on its way when the next read lands.
        if (message.id === "mine-2") await new Promise<void>((resolve) => (answer = resolve));
        return { id: message.id, reply: reply(`re: ${message.text}`) };
      },
      turns: (_token, after, limit) => server.read(after, limit),
    });
    const replyEvents = () => events.filter((e): e is Extract<ConnectionEvent, { type: "reply" }> => e.type === "reply");
    connection.start();
    await vi.waitFor(() => expect(statuses()).toContain("http"));
    await vi.waitFor(() => expect(server.reads).toHaveLength(1));
    // The other tab speaks first; this tab's own turn is answered before the next read.
    server.say("tab-a-1", "send 40 to Jordan");
    connection.send({ id: "mine-1", text: "hello" });
    await vi.waitFor(() => expect(replyEvents().map((e) => e.id)).toEqual(["mine-1"]));
    server.say("tab-a-2", "what's my balance?");
    connection.send({ id: "mine-2", text: "thanks" });
    await vi.waitFor(() => expect(answer).toBeDefined());
    vi.advanceTimersByTime(3_000);
    await vi.waitFor(() => expect(replyEvents().map((e) => e.id)).toEqual(["mine-1", "tab-a-1", "tab-a-2"]));
    expect(replyEvents().map((e) => e.before)).toEqual([undefined, "mine-1", "mine-2"]);
    answer!();
    await vi.waitFor(() => expect(replyEvents().map((e) => e.id)).toEqual(["mine-1", "tab-a-1", "tab-a-2", "mine-2"]));
    connection.stop();
    vi.useRealTimers();
  });

  it("shows a turn read over HTTP at the time the server answered it, not when the read came", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const server = keptConversation();
    const { connection, events, statuses } = setup({
      wsTicket: async () => Promise.reject(new ApiError(404, "not_found", "no such API route")),
      turns: (_token, after, limit) => server.read(after, limit),
    });
    connection.start();
    await vi.waitFor(() => expect(statuses()).toContain("http"));
    await vi.waitFor(() => expect(server.reads).toHaveLength(1));
    const answered = new Date("2026-12-03T03:39:59.500Z");
    server.say("tab-a-1", "what's my balance?", reply("Your balances: …"), answered);
    vi.advanceTimersByTime(3_000);
    await vi.waitFor(() => expect(events.some((e) => e.type === "reply" && e.id === "tab-a-1")).toBe(true));
    expect(events.find((e) => e.type === "reply" && e.id === "tab-a-1")).toMatchObject({ said: { text: "what's my balance?" }, at: answered.getTime() });
    connection.stop();
    vi.useRealTimers();
  });

  it("passes on the server's time of an answer sent over HTTP", async () => {
    const { connection, events, statuses } = setup({
      wsTicket: async () => Promise.reject(new ApiError(404, "not_found", "no such API route")),
      send: async (_token, message) => ({ id: message.id, reply: reply("hello"), at: "2026-12-03T09:00:00.000Z" }),
    });
    connection.start();
    await vi.waitFor(() => expect(statuses()).toContain("http"));
    connection.send({ id: "h1", text: "hi" });
    await vi.waitFor(() => expect(events.some((e) => e.type === "reply")).toBe(true));
    expect(events.find((e) => e.type === "reply")).toMatchObject({ id: "h1", final: true, at: Date.parse("2026-12-03T09:00:00.000Z") });
    connection.stop();
  });

  it("drops a message the server refuses for good and says why", async () => {
    const { connection, events, store } = setup({
      wsTicket: async () => Promise.reject(new ApiError(404, "not_found", "no route")),
      send: async () => Promise.reject(new ApiError(400, "invalid", "text: must not be empty")),
    });
    connection.start();
    await vi.waitFor(() => expect(events.some((e) => e.type === "status" && e.status === "http")).toBe(true));
    connection.send({ id: "bad", text: " " });
    await vi.waitFor(() => expect(events.find((e) => e.type === "failed")).toEqual({ type: "failed", id: "bad", message: "text: must not be empty" }));
    expect(store.load()).toEqual([]);
    connection.stop();
  });
});

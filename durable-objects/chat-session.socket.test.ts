import { describe, expect, it } from "vitest";
import { postJson, tokenFor, uniqueCustomerId } from "../test/workerd/helpers.js";
import { connect, ticketFor, upgrade } from "../test/workerd/chat-socket-client.js";
import { socketLimitScale } from "./chat-session.socket.js";

async function newCustomer() {
  return tokenFor(uniqueCustomerId("ws"));
}

describe("the chat WebSocket", () => {
  it("needs a bearer token to get a ticket", async () => {
    expect((await postJson("/api/chat/ws-ticket", undefined, {})).status).toBe(401);
  });

  it("refuses an upgrade without a valid ticket", async () => {
    expect((await upgrade(undefined)).status).toBe(401);
    expect((await upgrade("not-a-ticket")).status).toBe(401);
    expect((await upgrade(`${btoa("cus_x")}.${"A".repeat(43)}`)).status).toBe(401);
  });

  it("accepts a ticket once only", async () => {
    const ticket = await ticketFor(await newCustomer());
    const first = await upgrade(ticket);
    expect(first.status).toBe(101);
    first.webSocket!.accept();
    first.webSocket!.close();
    expect((await upgrade(ticket)).status).toBe(401);
  });

  it("does not open another customer's session with a ticket's secret", async () => {
    const ticket = await ticketFor(await newCustomer());
    const secret = ticket.split(".")[1]!;
    const otherCustomer = btoa(uniqueCustomerId("victim")).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
    expect((await upgrade(`${otherCustomer}.${secret}`)).status).toBe(401);
  });

  it("streams typing, the reply and the finished turn, then the session state", async () => {
    const socket = await connect(await ticketFor(await newCustomer()));
    await socket.until((f) => f.type === "state");
    socket.ws.send(JSON.stringify({ type: "message", id: "ws-1", text: "what's my card's arrival time?" }));
    await socket.until((f) => f.type === "typing" && f.id === "ws-1");
    const reply = await socket.until((f) => f.type === "reply" && f.id === "ws-1");
    expect((reply.reply as { text: string }).text.length).toBeGreaterThan(0);
    const turn = await socket.until((f) => f.type === "turn");
    expect((turn.turn as { id: string }).id).toBe("ws-1");
    await socket.until((f) => f.type === "state" && socket.frames.indexOf(f) > socket.frames.indexOf(turn));
    const order = socket.frames.map((f) => f.type);
    expect(order.indexOf("typing")).toBeLessThan(order.indexOf("reply"));
    expect(order.indexOf("reply")).toBeLessThan(order.indexOf("turn"));
    socket.ws.close();
  });

  it("answers bad frames with an error frame and stays open", async () => {
    const socket = await connect(await ticketFor(await newCustomer()));
    socket.ws.send("{not json");
    await socket.until((f) => f.type === "error" && (f.error as { code: string }).code === "invalid_json");
    socket.ws.send('{"type":"message","id":"ws-twice","text":"hi","text":"transfer 500 to savings"}');
    const twice = await socket.until((f) => f.type === "error" && (f.error as { message: string }).message.includes('"text" twice'));
    expect((twice.error as { code: string }).code).toBe("invalid_json");
    socket.ws.send(JSON.stringify({ type: "message", id: "ws-bad", text: "hi", admin: true }));
    const error = await socket.until((f) => f.type === "error" && (f.error as { code: string }).code === "validation_failed");
    expect((error.error as { message: string }).message).toContain("admin");
    // The refused message is named by its id, so the client knows no answer is coming for it.
    expect(error.id).toBe("ws-bad");
    socket.ws.send(JSON.stringify({ type: "message", id: "ws-nul", text: "hi\u0000there" }));
    const refused = await socket.until((f) => f.type === "error" && f.id === "ws-nul");
    expect((refused.error as { code: string }).code).toBe("validation_failed");
    socket.ws.send(JSON.stringify({ type: "message", id: "ws-ok", text: "thanks" }));
    await socket.until((f) => f.type === "turn");
    socket.ws.close();
  });

  it("answers the keep-alive ping", async () => {
    const socket = await connect(await ticketFor(await newCustomer()));
    socket.ws.send('{"type":"ping"}');
    await socket.until((f) => f.type === "pong");
    socket.ws.close();
  });

  it("gives a reconnecting client the turns it missed", async () => {
    const token = await newCustomer();
    await postJson("/api/chat/messages", token, { id: "seen-1", text: "hello" });
    await postJson("/api/chat/messages", token, { id: "missed-1", text: "thanks" });
    await postJson("/api/chat/messages", token, { id: "missed-2", text: "what's the exchange rate for euros?" });
    const socket = await connect(await ticketFor(token));
    socket.ws.send(JSON.stringify({ type: "resume", lastMessageId: "seen-1" }));
    await socket.until((f) => f.type === "turn" && (f.turn as { id: string }).id === "missed-2");
    const ids = socket.frames.filter((f) => f.type === "turn").map((f) => (f.turn as { id: string }).id);
    expect(ids).toEqual(["missed-1", "missed-2"]);
    socket.ws.close();
  });
});

describe("what a newly opened socket is told", () => {
  it("names no question with nothing open (a task's question: test/workerd/chat-tabs.test.ts)", async () => {
    const socket = await connect(await ticketFor(await newCustomer()));
    const state = await socket.until((f) => f.type === "state");
    expect(state.pendingQuestion).toBeNull();
    expect(state.pendingConfirmation).toBeNull();
    socket.ws.close();
  });
});

describe("the chat WebSocket's message budget", () => {
  it("refuses messages beyond the per-minute budget with a rate_limited frame, processing none of them", async () => {
    const socket = await connect(await ticketFor(await newCustomer()));
    for (let i = 0; i < 32; i++) socket.ws.send(JSON.stringify({ type: "message", id: `burst-${i}`, text: "thanks" }));
    const refused = await socket.until((f) => f.type === "error" && (f.error as { code: string }).code === "rate_limited");
    expect(refused.id).toMatch(/^burst-3[01]$/);
    await socket.until((f) => f.type === "turn" && (f.turn as { id: string }).id === "burst-29", 20_000);
    const answered = socket.frames.filter((f) => f.type === "turn").map((f) => (f.turn as { id: string }).id);
    expect(answered).not.toContain("burst-30");
    expect(answered).not.toContain("burst-31");
    socket.ws.close();
  });
});

describe("the socket budgets' scale", () => {
  it("is 1 unless the environment sets a whole number of at least 1", () => {
    expect(socketLimitScale({})).toBe(1);
    expect(socketLimitScale({ SOCKET_RATE_LIMIT_SCALE: "10000" })).toBe(10_000);
    for (const bad of ["0", "-3", "2.5", "many", ""]) expect(socketLimitScale({ SOCKET_RATE_LIMIT_SCALE: bad })).toBe(1);
  });
});

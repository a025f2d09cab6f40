import { describe, expect, it } from "vitest";
import type { ChatEvent } from "../contract/events.js";
import type { ChatTurn } from "../contract/chat.js";
import { openDb, type Db } from "../db/client.js";
import { initialState, type DialogueState } from "../dialogue/index.js";
import { DIALOGUE_SETTINGS } from "../../test/support/dialogue-session.js";
import { customerActive, takeTurn, type SessionNotice, type SessionPorts, type SessionStorage } from "./turn.js";

/** The session's own storage, in memory (the Durable Object keeps it in SQLite). */
class MemoryStorage implements SessionStorage {
  turns = new Map<string, { text: string; turn: ChatTurn }>();
  /** When each turn was kept (the `at` GET /api/chat/turns shows). */
  keptAt = new Map<string, number>();
  state: DialogueState = initialState();
  notices: SessionNotice[] = [];
  outbox: ChatEvent[] = [];
  async findTurn(messageId: string) {
    return this.turns.get(messageId);
  }
  loadState() {
    return this.state;
  }
  saveState(state: DialogueState) {
    this.state = state;
  }
  loadNotices() {
    return this.notices;
  }
  async commitTurn(turn: { messageId: string; text: string; turn: ChatTurn; events: ChatEvent[]; at: number; shownNotices: string[]; state?: DialogueState }) {
    if (turn.state) this.state = turn.state;
    this.turns.set(turn.messageId, { text: turn.text, turn: turn.turn });
    this.keptAt.set(turn.messageId, turn.at);
    this.outbox.push(...turn.events);
    this.notices = this.notices.filter((n) => !turn.shownNotices.includes(n.id));
  }
  queueEvent(event: ChatEvent) {
    this.outbox.push(event);
  }
}

/** A Postgres that refuses connections at once (nothing listens on port 9). */
const UNREACHABLE_DB = "postgres://nobody:nothing@127.0.0.1:9/none";

/** Ports whose Postgres is unreachable: small talk and answers in writing never need it. */
function session() {
  const storage = new MemoryStorage();
  const wakes: string[] = [];
  let ids = 0;
  const ports: SessionPorts = {
    customerId: "cus_turn",
    environment: "test",
    settings: DIALOGUE_SETTINGS,
    storage,
    db: async () => openDb({ databaseUrl: UNREACHABLE_DB, timeoutMs: 2_000 }).db,
    wake: async (reason) => {
      wakes.push(reason);
    },
    now: () => Date.UTC(2026, 11, 1, 9, 30),
    newId: () => `id-${++ids}`,
  };
  return { storage, wakes, ports };
}

describe("takeTurn", () => {
  it("answers small talk without Postgres, storing the turn with its two events, then wakes to flush", async () => {
    const { storage, wakes, ports } = session();
    const result = await takeTurn({ id: "m1", text: "hello" }, ports);
    if (!result.ok) throw new Error(result.message);
    expect(result.value.turn.id).toBe("m1");
    expect(result.value.turn.reply.intent.name).toBe("greeting");
    expect(storage.turns.get("m1")?.turn).toEqual(result.value.turn);
    expect(storage.outbox.map((e) => [e.type, e.messageId])).toEqual([["message.received", "m1"], ["reply.sent", "m1"]]);
    expect(wakes).toEqual(["flush"]);
  });

  it("carries the server's time of the answer, the time it is kept with, also when answered again", async () => {
    const { storage, ports } = session();
    const result = await takeTurn({ id: "m1", text: "hello" }, ports);
    if (!result.ok) throw new Error(result.message);
    // A turn heard live was shown at the browser's receive time, one read later at the kept time.
    expect(result.value.turn.at).toBe("2026-12-01T09:30:00.000Z");
    expect(Date.parse(result.value.turn.at!)).toBe(storage.keptAt.get("m1"));
    ports.now = () => Date.UTC(2026, 11, 1, 9, 45);
    const again = await takeTurn({ id: "m1", text: "hello" }, ports);
    if (!again.ok) throw new Error(again.message);
    expect(again.value.turn.at).toBe("2026-12-01T09:30:00.000Z");
  });

  it("answers a message id again from storage, and refuses it for another text", async () => {
    const { storage, ports } = session();
    const first = await takeTurn({ id: "m1", text: "hello" }, ports);
    const again = await takeTurn({ id: "m1", text: "hello" }, ports);
    if (!first.ok || !again.ok) throw new Error("turn refused");
    expect(again.value).toEqual({ turn: first.value.turn, decision: null });
    expect(storage.outbox).toHaveLength(2);
    expect(await takeTurn({ id: "m1", text: "goodbye" }, ports)).toMatchObject({ ok: false, status: 409, code: "conflict" });
  });

  it("stores and sends on only the redacted text", async () => {
    const { storage, ports } = session();
    await takeTurn({ id: "m1", text: "hi, my card is 4242 4242 4242 4242" }, ports);
    expect(storage.turns.get("m1")?.text).toBe("hi, my card is •••• 4242");
    expect(JSON.stringify(storage.outbox)).not.toContain("4242 4242");
  });

  it("keeps the bank's routing number readable in the stored reply, never the account number", async () => {
    const { storage, ports } = session();
    // A reply with both numbers, as the account-numbers answer gives them (here as a notice: no Postgres).
    const text = "Savings ••2002: account number 000056782002, routing number 074001239.";
    storage.notices = [{ id: "n1", reply: { text, intent: { name: "account_numbers", confidence: 1 }, actions: [] } }];
    const result = await takeTurn({ id: "m1", text: "hello" }, ports);
    if (!result.ok) throw new Error(result.message);
    expect(result.value.turn.reply.text).toContain(text);
    // After a reload (and for staff) the routing number once read "[account ••1239]".
    expect(storage.turns.get("m1")?.turn.reply.text).toMatch(/^Savings ••2002: account number \[account ••2002\], routing number 074001239\./);
  });

  it("shows what happened meanwhile first, and clears it with the turn", async () => {
    const { storage, ports } = session();
    storage.notices = [{ id: "n1", reply: { text: "Your scheduled transfer could not run.", intent: { name: "notice", confidence: 1 }, actions: [] } }];
    const result = await takeTurn({ id: "m1", text: "hello" }, ports);
    if (!result.ok) throw new Error(result.message);
    expect(result.value.turn.reply.text).toMatch(/^Your scheduled transfer could not run\.\n\n/);
    expect(storage.notices).toEqual([]);
  });

  it("goes on without payees when the database cannot even be opened", async () => {
    const { storage, ports } = session();
    const result = await takeTurn({ id: "m1", text: "send $20 to my landlord" }, {
      ...ports,
      db: () => {
        throw new Error("no DATABASE_URL");
      },
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.value.turn.reply.intent.name).toBe("transfer");
    expect(storage.turns.get("m1")?.turn).toEqual(result.value.turn);
  });
});

describe("customerActive", () => {
  it("is unknown, not false, when Postgres cannot answer", async () => {
    expect(await customerActive(async () => openDb({ databaseUrl: UNREACHABLE_DB, timeoutMs: 2_000 }).db, "cus_turn")).toBeUndefined();
    const unopened = (): Promise<Db> => {
      throw new Error("connection refused");
    };
    expect(await customerActive(unopened, "cus_turn")).toBeUndefined();
  });
});

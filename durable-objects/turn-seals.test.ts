import { describe, expect, it } from "vitest";
import type { ChatEvent } from "../packages/contract/events.js";
import type { ChatTurn } from "../packages/contract/chat.js";
import { columnFromPayload, sharedColumns, sharedSeal } from "./turn-seals.js";

const AT = Date.UTC(2026, 11, 3, 21, 0, 0, 123);
const reply = { text: "Our rates are on the website.", intent: { name: "exchange_rate", confidence: 0.9 } } as unknown as ChatTurn["reply"];
const turn: ChatTurn = { id: "m-1", reply, at: new Date(AT).toISOString() };
const SEALED_WORDS = "tc1.key-1.AAAA";
const SEALED_REPLY = "tc1.key-1.BBBB";
const ev = (type: ChatEvent["type"], payload: Record<string, unknown>, messageId = "m-1"): ChatEvent => ({ id: type, type, customerId: "c", messageId, occurredAt: "", payload });
const plainEvents = [ev("message.received", { text: "rates?", intent: "exchange_rate", confidence: 0.9 }), ev("reply.sent", { reply })];
const sealedEvents = [ev("message.received", { sealed: SEALED_WORDS }), ev("reply.sent", { sealed: SEALED_REPLY })];
const toStore = { messageId: "m-1", text: "rates?", turn, at: AT };

describe("a stored turn sharing its events' seals", () => {
  it("stores the words and the reply as references to the events' seals", () => {
    const columns = sharedColumns(toStore, plainEvents, sealedEvents);
    expect(columns).toEqual({ text: `m1.${SEALED_WORDS}`, turn: `r1.${AT}.m-1.${SEALED_REPLY}` });
    expect(sharedSeal(columns.text!)).toEqual({ kind: "words", sealed: SEALED_WORDS });
    expect(sharedSeal(columns.turn!)).toEqual({ kind: "reply", sealed: SEALED_REPLY, id: "m-1", at: AT });
  });

  it("reads back the same words and the same turn JSON as a turn sealed on its own", () => {
    const columns = sharedColumns(toStore, plainEvents, sealedEvents);
    expect(columnFromPayload(sharedSeal(columns.text!)!, JSON.stringify(plainEvents[0]!.payload))).toBe("rates?");
    expect(columnFromPayload(sharedSeal(columns.turn!)!, JSON.stringify({ reply }))).toBe(JSON.stringify(turn));
  });

  it("keeps seals of its own when the events do not carry exactly the turn's words and reply", () => {
    const otherWords = [ev("message.received", { text: "something else" }), plainEvents[1]!];
    expect(sharedColumns(toStore, otherWords, sealedEvents).text).toBeUndefined();
    const copiedReply = [plainEvents[0]!, ev("reply.sent", { reply: { ...reply } })];
    expect(sharedColumns(toStore, copiedReply, sealedEvents).turn).toBeUndefined();
    const withNotice = [plainEvents[0]!, ev("reply.sent", { reply, notice: true })];
    expect(sharedColumns(toStore, withNotice, sealedEvents).turn).toBeUndefined();
    const otherMessage = plainEvents.map((e) => ({ ...e, messageId: "m-2" }));
    expect(sharedColumns(toStore, otherMessage, sealedEvents)).toEqual({});
    expect(sharedColumns({ ...toStore, turn: { id: "m-1", reply } }, plainEvents, sealedEvents).turn).toBeUndefined();
    expect(sharedColumns(toStore, plainEvents, plainEvents)).toEqual({});
  });

  it("leaves values in the earlier formats alone", () => {
    expect(sharedSeal("tc1.key-1.CCCC")).toBeUndefined();
    expect(sharedSeal('{"id":"m-1","reply":{}}')).toBeUndefined();
    expect(sharedSeal("m1. typed before encryption")).toBeUndefined();
    expect(sharedSeal("r1.12.not sealed")).toBeUndefined();
  });
});
